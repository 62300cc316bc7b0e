// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AI_VIDEO_ID, bundledDebunks, summaryOf } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { MatchView } from '@/lib/wire/shapes';
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
