// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AI_VIDEO_ID, OLD_HAMA_ID, bundledDebunks, makeDebunk, summaryOf } from '@/tests/unit/support/debunks';
import { useLocale } from '@/tests/unit/support/i18n';
import type { Candidate } from '@/lib/match/types';
import type { MediaCredentials } from '@/lib/debunk/types';
import type { MatchView } from '@/lib/wire/shapes';
import { VerdictCard } from './VerdictCard';

const debunks = bundledDebunks();
const view = (id: string, candidate: Partial<Candidate> = {}): MatchView => {
  const debunk = debunks.find((d) => d.id === id)!;
  return {
    debunk: summaryOf(debunk),
    candidate: { debunkId: id, listId: debunk.source, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true, ...candidate },
  };
};
const seen = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '');
const lines = (container: Element) => [...container.querySelectorAll('li')].map((li) => li.firstChild?.textContent?.trim());

afterEach(cleanup);

describe('VerdictCard in English', () => {
  it('explains the AI-fabricated video: finding, source first, claim, each artifact on its own line, how it matched', () => {
    useLocale('en');
    const v = view(AI_VIDEO_ID);
    const { container } = render(<VerdictCard view={v} locale="en" match={v.candidate} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('AI-generated');
    expect(container.querySelector('.sanad-certainty')!.textContent).toBe('Same post or video as fact-checked');
    // Who says so comes before the claim: desk, date and link above the fold of a small panel.
    const order = [...container.querySelectorAll('.sanad-verdict, .sanad-source, .sanad-claim, .sanad-reasons, .sanad-how')].map(
      (e) => e.className,
    );
    expect(order).toEqual(['sanad-verdict', 'sanad-source', 'sanad-claim', 'sanad-reasons', 'sanad-how']);
    expect(container.querySelector('.sanad-source a')!.textContent).toBe('Read the fact-check');
    // The desk's Arabic rating word is shown once, as the desk's own, not repeated into the heading.
    expect(seen(container.querySelector('.sanad-rating')!.textContent)).toBe('Misbar’s rating: “مفبرك”');
    expect(container.querySelector('.sanad-claim')!.textContent).toMatch(/^مقطع فيديو يُظهر أسر عناصر من الجيش السوري/);
    expect(container.querySelector('.sanad-claim')!.getAttribute('lang')).toBe('ar');
    const artifacts = [...container.querySelectorAll('.sanad-artifacts > li')].map((li) => li.firstElementChild!.textContent);
    expect(artifacts).toEqual([
      'Blurry, smeared scenes',
      'Lip movement does not match the speech',
      'Distorted body parts (limbs, hands, faces)',
      'The same motion repeats; bodies almost frozen',
    ]);
    expect(container.textContent).toContain('Fact-check by Misbar');
    expect(container.querySelector('.sanad-source bdi')!.textContent).toBe('Misbar'); // isolated from the sentence
    expect(container.textContent).toContain('Published January 9, 2026');
    expect(screen.getByRole('link', { name: 'Read the fact-check' }).getAttribute('href')).toBe('https://misbar.com/factcheck');
    expect(container.querySelector('.sanad-how')!.textContent).toBe('Matched: the same video or post the fact-check names');
  });

  it('says when and where old footage was really published, and a text match without a score', () => {
    useLocale('en');
    const v = view(OLD_HAMA_ID, { how: 'similar-text', score: 0.65 });
    const { container } = render(<VerdictCard view={v} locale="en" match={v.candidate} />);
    expect(lines(container)).toContain('First published in July 2019, Hama countryside');
    expect(container.querySelector('.sanad-how')!.textContent).toBe('Matched: the post makes this claim in similar words');
    expect(container.querySelector('.sanad-certainty')!.textContent).toBe('Similar claim fact-checked');
    expect(container.textContent).not.toMatch(/%/);
    expect(seen(screen.getByRole('heading', { level: 2 }).textContent)).toBe('Old footage: 2019, Hama countryside');
  });

  it('without a post (the popup’s card for a debunk), says nothing about how a post matched', () => {
    useLocale('en');
    const { container } = render(<VerdictCard view={view(AI_VIDEO_ID)} locale="en" />);
    expect(container.querySelector('.sanad-how')).toBeNull();
    expect(container.querySelector('.sanad-certainty')).toBeNull();
  });

  it('says which list the card comes from and whether that list is signed', () => {
    useLocale('en');
    const debunk = debunks[0]!;
    const line = (list: Parameters<typeof summaryOf>[1]) => {
      const { container } = render(<VerdictCard view={{ ...view(AI_VIDEO_ID), debunk: summaryOf(debunk, list) }} locale="en" />);
      const text = container.querySelector('.sanad-list')!.textContent;
      cleanup();
      return text;
    };
    expect(line({ trust: 'built-in' })).toBe('From Sanad’s built-in list');
    expect(line({ trust: 'signed', name: 'Desk' })).toBe('From the signed feed of Desk');
    expect(line({ trust: 'unsigned', name: 'borrowed.json' })).toBe(
      'From the unsigned list borrowed.json: who published it is not verified',
    );
  });

  it('shows hostile feed text as text and never links a non-http URL', () => {
    useLocale('en');
    const hostile = makeDebunk({
      claim: '<img src=x onerror="window.__x=1">',
      reviewUrl: 'javascript:alert(1)',
      reasons: [{ kind: 'old-footage', originalUrl: 'javascript:alert(2)', originalDate: '2019' }],
    });
    const { container } = render(
      <VerdictCard
        view={{
          debunk: summaryOf(hostile),
          candidate: { debunkId: 'd-1', listId: 'test', verdict: 'false', how: 'similar-text', score: 0.9, badge: true },
        }}
        locale="en"
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.sanad-claim')!.textContent).toBe('<img src=x onerror="window.__x=1">');
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(lines(container)).toContain('First published in 2019');
  });
});

describe('VerdictCard in Arabic', () => {
  it('explains in Arabic, with Arabic dates and the place in Arabic', () => {
    useLocale('ar');
    const { container } = render(<VerdictCard view={view(OLD_HAMA_ID)} locale="ar" />);
    expect(seen(screen.getByRole('heading', { level: 2 }).textContent)).toMatch(/^مقطع قديم \((2019|٢٠١٩)، ريف حماة\)$/);
    // Same language as the UI: the desk's rating word would only repeat the heading.
    expect(container.querySelector('.sanad-rating')).toBeNull();
    expect(seen(container.querySelector('.sanad-source span')!.textContent)).toBe('تحقق: مسبار');
    // CLDR's Arabic uses Latin or Arabic-Indic digits depending on the ICU version.
    expect(lines(container).find((l) => l?.startsWith('نُشر'))).toMatch(/^نُشر أول مرة في يوليو (2019|٢٠١٩)، ريف حماة$/);
    expect(screen.getByRole('link', { name: 'اقرأ التحقق' })).toBeTruthy();
  });
});

describe('VerdictCard quotes in the reader’s marks, the quoted words isolated', () => {
  const candidateFor = (d: { id: string; source: string; verdict: Candidate['verdict'] }): Candidate => ({
    debunkId: d.id,
    listId: d.source,
    verdict: d.verdict,
    how: 'same-media',
    score: 1,
    badge: true,
  });
  /** Each quote: the text before its words, the words' direction, the text after (marks outside the isolate). */
  const quotes = (container: Element) =>
    [...container.querySelectorAll('q.sanad-q')].map((q) => {
      const bdi = q.querySelector('bdi')!;
      return [q.firstChild?.textContent, bdi.getAttribute('dir'), bdi.textContent, q.lastChild?.textContent];
    });

  it('an Arabic rating and note inside an English card: “ ” outside, the Arabic right to left inside', () => {
    useLocale('en');
    const debunk = makeDebunk({
      language: 'ar',
      rating: '«مفبرك»',
      reasons: [{ kind: 'false-claim', note: 'الفيديو من 2019' }],
    });
    const { container } = render(<VerdictCard view={{ debunk: summaryOf(debunk), candidate: candidateFor(debunk) }} locale="en" />);
    expect(quotes(container)).toEqual([
      ['“', 'rtl', 'مفبرك', '”'],
      ['“', 'rtl', 'الفيديو من 2019', '”'],
    ]);
    expect(container.querySelector('.sanad-rating q')!.getAttribute('data-foreign')).toBe('true');
  });

  it('an English note inside an Arabic card: « » outside, the English left to right inside', () => {
    useLocale('ar');
    const debunk = makeDebunk({
      language: 'en',
      rating: 'False',
      reasons: [{ kind: 'false-claim', note: '"The clip is from 2019 in Hama"' }],
    });
    const { container } = render(<VerdictCard view={{ debunk: summaryOf(debunk), candidate: candidateFor(debunk) }} locale="ar" />);
    expect(quotes(container)).toEqual([
      ['«', 'ltr', 'False', '»'],
      ['«', 'ltr', 'The clip is from 2019 in Hama', '»'],
    ]);
    expect(container.querySelector('.sanad-note bdi')!.getAttribute('lang')).toBe('en');
  });
});

describe('VerdictCard: Content Credentials of the debunked file', () => {
  const withCredentials = (contentCredentials: MediaCredentials | undefined): MatchView => {
    const debunk = makeDebunk({
      media: [
        { kind: 'image', frames: [{ t: 0, hash: 'f'.repeat(64), quality: 90 }] },
        ...(contentCredentials
          ? [{ kind: 'image' as const, frames: [{ t: 0, hash: '0'.repeat(64), quality: 90 }], contentCredentials }]
          : []),
      ],
    });
    return {
      debunk: summaryOf(debunk),
      candidate: { debunkId: debunk.id, listId: debunk.source, verdict: debunk.verdict, how: 'same-media', score: 1, badge: true },
    };
  };
  const line = (container: Element) => seen(container.querySelector('.sanad-credentials')?.textContent);

  it('says what the manifest claims, by which tool, and that its signature was not checked', () => {
    useLocale('en');
    const { container } = render(
      <VerdictCard
        view={withCredentials({ present: true, claimGenerator: 'Image Maker 2.1', sourceKind: 'ai-generated', actions: ['c2pa.created'] })}
        locale="en"
      />,
    );
    expect(line(container)).toBe(
      'The debunked file’s Content Credentials say: made by AI (written by Image Maker 2.1; Sanad did not check their signature)',
    );
    expect(container.querySelector('.sanad-credentials')!.getAttribute('data-source-kind')).toBe('ai-generated');
  });

  it('tells an edit from an algorithm and names no tool it was not given, in Arabic too', () => {
    useLocale('en');
    const edited = render(
      <VerdictCard
        view={withCredentials({ present: true, sourceKind: 'none', actions: ['c2pa.opened', 'c2pa.color_adjustments'] })}
        locale="en"
      />,
    );
    expect(line(edited.container)).toBe(
      'The debunked file’s Content Credentials say: edited, no AI named (written by an unnamed tool; Sanad did not check their signature)',
    );
    cleanup();
    useLocale('ar');
    const made = render(
      <VerdictCard
        view={withCredentials({
          present: true,
          claimGenerator: 'make_test_images/0.33.1',
          sourceKind: 'algorithmic',
          actions: ['c2pa.created'],
        })}
        locale="ar"
      />,
    );
    expect(line(made.container)).toBe(
      'بيانات اعتماد المحتوى في الملف المُفنَّد تقول: صُنع ببرنامج، لا بالذكاء الاصطناعي (كتبها make_test_images/0.33.1؛ لم يتحقق سند من توقيعها)',
    );
  });

  it('shows nothing when no media carried credentials', () => {
    useLocale('en');
    const { container } = render(<VerdictCard view={withCredentials(undefined)} locale="en" />);
    expect(container.querySelector('.sanad-credentials')).toBeNull();
  });
});

describe('VerdictCard: a footage match says picture when the debunked media is pictures', () => {
  const frame = (hash: string) => ({ t: 0, hash: hash.repeat(64), quality: 90 });
  const matched = (kinds: ('image' | 'video')[]): MatchView => {
    const debunk = makeDebunk({ media: kinds.map((kind, i) => ({ kind, frames: [frame(String(i))] })) });
    return {
      debunk: summaryOf(debunk),
      candidate: {
        debunkId: debunk.id,
        listId: debunk.source,
        verdict: debunk.verdict,
        how: 'same-footage',
        score: 0.5,
        referenceShare: 1,
        badge: true,
      },
    };
  };
  const words = (v: MatchView, locale: string) => {
    const { container } = render(<VerdictCard view={v} locale={locale} match={v.candidate} />);
    const said = [container.querySelector('.sanad-certainty')!.textContent, container.querySelector('.sanad-how')!.textContent];
    cleanup();
    return said;
  };

  it('in English: picture for images, footage of a video otherwise (videos, or both kinds)', () => {
    useLocale('en');
    expect(matched(['image', 'image']).debunk.mediaKind).toBe('image');
    expect(words(matched(['image']), 'en')).toEqual([
      'Same picture as fact-checked',
      'Matched: the same picture as the debunked image (50% of the post’s pictures compared)',
    ]);
    const footage = [
      'Same footage as fact-checked',
      'Matched: the same footage as the debunked video (50% of the frames compared; 100% of the debunked video seen)',
    ];
    expect(words(matched(['video']), 'en')).toEqual(footage);
    expect(matched(['image', 'video']).debunk.mediaKind).toBeUndefined();
    expect(words(matched(['image', 'video']), 'en')).toEqual(footage);
  });

  it('in Arabic', () => {
    useLocale('ar');
    const [certainty, how] = words(matched(['image']), 'ar');
    expect(certainty).toBe('الصورة نفسها التي خضعت للتحقق');
    expect(how).toMatch(/^طريقة المطابقة: الصورة نفسها التي فُنِّدت \(/);
    expect(how).not.toContain('الفيديو');
  });
});
