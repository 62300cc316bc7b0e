import { projectFile, sharedFile } from '@/tests/unit/support/files';
import { describe, expect, it } from 'vitest';
import { importClaimReviews, summariseSkipped } from './claimreview';

const review = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  identifier: 'cr-1',
  url: 'https://misbar.com/factcheck/2026/01/09/example',
  claimReviewed: 'فيديو يظهر أسر جنود في حلب',
  reviewRating: { '@type': 'Rating', alternateName: 'مفبرك' },
  author: { '@type': 'Organization', name: 'Misbar', url: 'https://misbar.com' },
  datePublished: '2026-01-09',
  inLanguage: 'AR',
  itemReviewed: {
    '@type': 'Claim',
    datePublished: '2026-01-08T22:00:00Z',
    appearance: [{ url: 'https://x.com/a/status/1' }, { url: 'javascript:alert(1)' }],
    firstAppearance: { url: 'https://youtu.be/Qm3sZ7yA1bE' },
  },
  ...overrides,
});

describe('importClaimReviews: feed shapes', () => {
  it('reads a JSON array', () => {
    const report = importClaimReviews(JSON.stringify([review(), review({ identifier: 'cr-2' })]), 'feed');
    expect(report.debunks.map((d) => d.id)).toEqual(['cr-1', 'cr-2']);
    expect(report.skipped).toEqual([]);
  });

  it('reads a single object', () => {
    expect(importClaimReviews(JSON.stringify(review()), 'feed').debunks).toHaveLength(1);
  });

  it('reads a JSON-LD @graph and skips the non-ClaimReview nodes with a reason', () => {
    const body = JSON.stringify({ '@context': 'https://schema.org', '@graph': [review(), { '@type': 'Organization', name: 'Misbar' }] });
    const report = importClaimReviews(body, 'feed');
    expect(report.debunks).toHaveLength(1);
    expect(report.skipped).toEqual([{ item: 1, reason: 'not a ClaimReview (@type Organization)' }]);
  });

  it('reads JSONL and loses only the broken line', () => {
    const body = [JSON.stringify(review()), '{"broken": ', JSON.stringify(review({ identifier: 'cr-3' })), ''].join('\n');
    const report = importClaimReviews(body, 'feed');
    expect(report.debunks.map((d) => d.id)).toEqual(['cr-1', 'cr-3']);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.reason).toMatch(/^line 2 is not JSON/);
    expect(report.total).toBe(3);
  });

  it('reads the shared CLEF evaluation list (14k JSONL items) without skipping any', () => {
    const body = sharedFile('eval/clef-en/debunks.jsonl');
    const report = importClaimReviews(body, 'clef');
    expect(report.skipped).toEqual([]);
    expect(report.debunks.length).toBe(14231);
  });
});

describe('importClaimReviews: malformed and hostile input never throws', () => {
  it.each([
    ['empty body', ''],
    ['not JSON', 'hello'],
    ['a number', '42'],
    ['null', 'null'],
    ['truncated', '[{"@type":"ClaimReview","claimReviewed":"x"'],
  ])('%s', (_, body) => {
    const report = importClaimReviews(body, 'feed');
    expect(report.debunks).toEqual([]);
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(summariseSkipped(report)).toMatch(/skipped/);
  });

  it('costs one hostile item only: it is skipped with a reason, the rest of the list is kept', () => {
    const hostile = [
      { ...review({ identifier: 'h-type' }), '@type': { toString: 1 } },
      { ...review({ identifier: 'h-type-list' }), '@type': [{ valueOf: 1 }] },
    ];
    const report = importClaimReviews(JSON.stringify([review({ identifier: 'good' }), ...hostile]), 'feed');
    expect(report.debunks.map((d) => d.id)).toEqual(['good']);
    expect(report.skipped).toEqual([
      { item: 1, reason: '@type is not a string' },
      { item: 2, reason: '@type is not a string' },
    ]);
  });

  it.each([
    ['a reason kind named after an Object method', { reasons: [{ kind: 'constructor' }, { kind: '__proto__' }, { kind: 'toString' }] }],
    ['a MediaReview category named after an Object method', { mediaAuthenticityCategory: 'toString', reasons: undefined }],
    ['both', { mediaAuthenticityCategory: 'hasOwnProperty', reasons: [{ kind: 'valueOf' }] }],
  ])('%s gives plain data with real reasons only (storable, shown)', (_, fields) => {
    const [debunk] = importClaimReviews(JSON.stringify([review({ reviewRating: { alternateName: 'False' }, ...fields })]), 'feed').debunks;
    // What IndexedDB stores and the UI reads: a structured clone keeps it whole, every reason a known kind.
    expect(structuredClone(debunk)).toEqual(debunk);
    expect(debunk!.reasons).toEqual([{ kind: 'false-claim' }]);
  });

  it('skips items without a claim and says why, keeping the good ones', () => {
    const body = JSON.stringify([review(), review({ claimReviewed: '   ' }), review({ claimReviewed: 42, identifier: 'n' }), 'text', null]);
    const report = importClaimReviews(body, 'feed');
    expect(report.debunks.map((d) => d.id)).toEqual(['cr-1', 'n']);
    expect(report.skipped.map((s) => s.reason)).toEqual(['no claimReviewed text', 'not an object', 'not an object']);
    expect(summariseSkipped(report)).toBe('3 of 5 items skipped: 1 × no claimReviewed text; 2 × not an object');
  });

  it('keeps only http(s) links, so a javascript: URL never becomes clickable', () => {
    const [debunk] = importClaimReviews(JSON.stringify(review({ url: 'javascript:alert(1)' })), 'feed').debunks;
    expect(debunk!.reviewUrl).toBeUndefined();
    expect(debunk!.appearances).toEqual(['https://x.com/a/status/1', 'https://youtu.be/Qm3sZ7yA1bE']);
    expect(debunk!.id).toBe('cr-1');
  });

  it('keeps HTML in text as inert text and strips control characters', () => {
    const [debunk] = importClaimReviews(
      JSON.stringify(review({ claimReviewed: '<img src=x onerror=alert(1)>\u0000 claim' })),
      'feed',
    ).debunks;
    expect(debunk!.claim).toBe('<img src=x onerror=alert(1)> claim');
  });

  it('drops invalid dates and caps long texts', () => {
    const [debunk] = importClaimReviews(
      JSON.stringify(review({ datePublished: 'yesterday', claimReviewed: 'x'.repeat(10_000) })),
      'feed',
    ).debunks;
    expect(debunk!.reviewDate).toBeUndefined();
    expect(debunk!.claim.length).toBe(2000);
  });

  it('gives items without identifier or url a stable id from claim and publisher', () => {
    const item = review({ identifier: undefined, url: undefined });
    const a = importClaimReviews(JSON.stringify(item), 'feed').debunks[0]!;
    const b = importClaimReviews(JSON.stringify(item), 'other').debunks[0]!;
    expect(a.id).toMatch(/^h:/);
    expect(a.id).toBe(b.id);
  });

  it('lets a later item with the same id replace an earlier one', () => {
    const report = importClaimReviews(JSON.stringify([review({ claimReviewed: 'old' }), review({ claimReviewed: 'new' })]), 'feed');
    expect(report.debunks.map((d) => d.claim)).toEqual(['new']);
  });
});

describe('claimReviewToDebunk: fields', () => {
  it('maps ClaimReview fields, the verdict and a default reason', () => {
    const [d] = importClaimReviews(
      JSON.stringify(review({ reviewRating: { alternateName: 'زائف' }, description: 'The video is from 2019.' })),
      'feed',
    ).debunks;
    expect(d).toMatchObject({
      claim: 'فيديو يظهر أسر جنود في حلب',
      rating: 'زائف',
      verdict: 'false',
      language: 'ar',
      publisher: { name: 'Misbar', url: 'https://misbar.com/' },
      reviewUrl: 'https://misbar.com/factcheck/2026/01/09/example',
      reviewDate: '2026-01-09',
      claimDate: '2026-01-08',
      conclusion: 'The video is from 2019.',
      reasons: [{ kind: 'false-claim', note: 'The video is from 2019.' }],
      source: 'feed',
    });
  });

  it('keeps an unknown rating as unrated, with no invented reason', () => {
    const [d] = importClaimReviews(JSON.stringify(review({ reviewRating: { alternateName: 'Fishy' } })), 'feed').debunks;
    expect(d!.verdict).toBe('unrated');
    expect(d!.reasons).toEqual([]);
  });

  it('reads structured reasons and drops unknown kinds and artifact codes', () => {
    const reasons = [
      { kind: 'ai-generated', artifacts: ['lip-sync', { code: 'blur', text: 'ضبابية' }, { code: 'made-up' }, { text: 'six fingers' }] },
      { kind: 'old-footage', originalDate: '2019-07', originalPlace: 'ريف حماة', originalUrl: 'javascript:x' },
      { kind: 'DecontextualizedContent', originalDate: 'July' },
      { kind: 'invented' },
    ];
    const [d] = importClaimReviews(JSON.stringify(review({ reasons })), 'feed').debunks;
    expect(d!.reasons).toEqual([
      { kind: 'ai-generated', artifacts: [{ code: 'lip-sync' }, { code: 'blur', text: 'ضبابية' }, { text: 'six fingers' }] },
      { kind: 'old-footage', originalDate: '2019-07', originalPlace: { ar: 'ريف حماة' } },
      { kind: 'old-footage' },
    ]);
  });

  it('reads a MediaReview authenticity category as the reason', () => {
    const [d] = importClaimReviews(
      JSON.stringify(review({ '@type': 'MediaReview', mediaAuthenticityCategory: 'TransformedContent' })),
      'feed',
    ).debunks;
    expect(d!.reasons).toEqual([{ kind: 'ai-generated', artifacts: [] }]);
  });
});

describe('the bundled default list', () => {
  const body = projectFile('public/default-debunks.json');
  const report = importClaimReviews(body, 'bundled');

  it('imports whole, from Misbar, in Arabic, with verdicts and reasons', () => {
    expect(report.skipped).toEqual([]);
    expect(report.debunks.length).toBeGreaterThanOrEqual(2);
    for (const d of report.debunks) {
      expect(d.language).toBe('ar');
      expect(d.publisher.name).toMatch(/Misbar/);
      expect(d.verdict).not.toBe('unrated');
      expect(d.reasons.length).toBeGreaterThan(0);
      expect(d.appearances.some((u) => u.startsWith('https://x.com/'))).toBe(true);
      expect(d.appearances.some((u) => u.startsWith('https://www.youtube.com/'))).toBe(true);
    }
  });

  it('explains the AI-fabricated captured-soldiers video by its artifacts', () => {
    const ai = report.debunks.find((d) => d.reasons.some((r) => r.kind === 'ai-generated'))!;
    expect(ai.verdict).toBe('altered');
    const reason = ai.reasons[0]!;
    expect(reason.kind === 'ai-generated' && reason.artifacts.map((a) => a.code)).toEqual([
      'blur',
      'lip-sync',
      'distorted-body',
      'repeated-motion',
    ]);
  });

  it('explains the 2019 Hama video by its original date and place', () => {
    const old = report.debunks.find((d) => d.reasons.some((r) => r.kind === 'old-footage'))!;
    expect(old.verdict).toBe('misleading');
    expect(old.reasons[0]).toMatchObject({ originalDate: '2019-07', originalPlace: { ar: 'ريف حماة', en: 'Hama countryside' } });
  });
});
