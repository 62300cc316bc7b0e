// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AI_VIDEO_ID, bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { MatchView, PageCredentials } from '@/lib/wire/shapes';
import { BadgePanel } from './BadgePanel';

const debunk = bundledDebunks().find((d) => d.id === AI_VIDEO_ID)!;
const view: MatchView = {
  debunk: summaryOf(debunk),
  candidate: { debunkId: debunk.id, listId: debunk.source, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true },
};
const click = (el: Element, trusted = true) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  el.dispatchEvent(event);
};

afterEach(cleanup);

describe('BadgePanel', () => {
  it('holds "Report a wrong match" and "Media tools" inside the card', () => {
    useLocale('en');
    const { container } = render(<BadgePanel view={view} onClose={() => {}} onReport={async () => {}} onMediaTools={async () => {}} />);
    const card = container.querySelector('article.sanad-card')!;
    expect(card.querySelector('.sanad-panel-report .sanad-report-open')).not.toBeNull();
    expect(card.querySelector('.sanad-panel-tools button.sanad-media-tools')!.textContent).toBe('Media tools');
  });

  it('offers "Media tools" only when given it (fact-checker mode, a post with media), in Arabic too', () => {
    useLocale('ar');
    const without = render(<BadgePanel view={view} onClose={() => {}} onReport={async () => {}} />);
    expect(without.container.querySelector('.sanad-media-tools')).toBeNull();
    cleanup();
    const { container } = render(<BadgePanel view={view} onClose={() => {}} onMediaTools={async () => {}} />);
    const button = container.querySelector('.sanad-media-tools')!;
    expect(button.textContent).toBe('أدوات الوسائط');
    expect(button.getAttribute('aria-label')).toMatch(/^أدوات الوسائط لفيديو هذا المنشور/);
  });

  it('opens the tools on the reader’s click only, and says so when they did not open', async () => {
    useLocale('en');
    const open = vi.fn(async () => {
      throw new Error('the media tools are for fact-checker mode');
    });
    const { container } = render(<BadgePanel view={view} onClose={() => {}} onMediaTools={open} />);
    const button = container.querySelector('.sanad-media-tools')!;
    click(button, false); // a page's synthetic click
    expect(open).not.toHaveBeenCalled();
    click(button);
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(container.querySelector('.sanad-panel-tools [role="alert"]')!.textContent).toBe(
        'The media tools did not open: the media tools are for fact-checker mode',
      ),
    );
  });
});

describe('BadgePanel: the post’s images’ Content Credentials', () => {
  const valid: PageCredentials = { state: 'valid', signer: 'Example Signer <b>x</b>', signerTrusted: false, sourceKind: 'ai-generated' };
  const changed: PageCredentials = {
    state: 'invalid',
    signerTrusted: false,
    reason: 'changed',
    failureCodes: ['assertion.dataHash.mismatch'],
  };
  const otherwise: PageCredentials = { state: 'invalid', signerTrusted: false, reason: 'other', failureCodes: ['claim.missing', 'x.y'] };
  const unreadable: PageCredentials = { state: 'unreadable', signerTrusted: false, error: 'took over 20 s' };

  it('says valid with the signer and the AI wording, invalid with why and that it proves nothing, as text', () => {
    useLocale('en');
    const credentials = [valid, changed, otherwise, unreadable];
    const { container } = render(<BadgePanel view={{ ...view, credentials }} onClose={() => {}} />);
    const card = container.querySelector('article.sanad-card')!;
    expect(card.querySelector('.sanad-panel-credentials .sanad-label')!.textContent).toBe(
      'Content Credentials (C2PA) of this post’s images',
    );
    const lines = [...card.querySelectorAll('.sanad-image-credentials li')];
    expect(lines.map((li) => li.getAttribute('data-c2pa-state'))).toEqual(['valid', 'invalid', 'invalid', 'unreadable']);
    expect(lines[0]!.textContent).toBe(
      'Content Credentials valid, signed by Example Signer <b>x</b> (on no trust list Sanad knows). AI-generated: an action says a trained model created it.',
    );
    expect(lines[0]!.querySelector('b')).toBeNull(); // the signer's name is the file's text, never HTML
    expect(lines[0]!.getAttribute('data-c2pa-source')).toBe('ai-generated');
    expect(lines[1]!.textContent).toBe(
      'Content Credentials present but INVALID: the picture was changed after signing. What they claim cannot be relied on.',
    );
    expect(lines[1]!.getAttribute('data-c2pa-source')).toBe('');
    expect(lines[2]!.textContent).toContain('the SDK reports claim.missing, x.y');
    expect(lines[3]!.textContent).toBe(
      'Content Credentials found but could not be checked: took over 20 s. Nothing can be concluded from them.',
    );
    // Under the card's match line, with the card's other parts.
    expect(card.querySelector('.sanad-how + .sanad-panel-credentials')).not.toBeNull();
  });

  it('words them in Arabic, and shows nothing without credentials', () => {
    useLocale('ar');
    const { container } = render(<BadgePanel view={{ ...view, credentials: [changed] }} onClose={() => {}} />);
    expect(container.querySelector('.sanad-panel-credentials .sanad-label')!.textContent).toBe(
      'بيانات اعتماد المحتوى (C2PA) لصور هذا المنشور',
    );
    expect(container.querySelector('.sanad-image-credentials li')!.textContent).toBe(
      'بيانات اعتماد المحتوى موجودة لكنها غير صالحة: عُدّلت الصورة بعد توقيعها. لا يُعتمد على ما تدّعيه.',
    );
    cleanup();
    for (const credentials of [undefined, []]) {
      const { container: bare } = render(<BadgePanel view={{ ...view, credentials }} onClose={() => {}} />);
      expect(bare.querySelector('.sanad-panel-credentials')).toBeNull();
      cleanup();
    }
  });
});
