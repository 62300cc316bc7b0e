/**
 * Extraction over every real saved desk page in ../shared/factcheck-pages (the manifest says what each
 * holds), composed Arabic cases in the shapes desks publish (JSON-LD nested in an Article with `@id`
 * references, microdata, RDFa), and malformed, partial and hostile markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReviewToDebunk } from '../debunk/claimreview';
import { extractReviews } from './structured-data';

const PAGES = resolve(import.meta.dirname, '../../../shared/factcheck-pages');
interface ManifestRow {
  file: string;
  url: string;
  cr?: string;
  html_lang?: string;
  date?: string;
  date_src?: string;
}

/**
 * The verdict each page's rating means: its words (in the desk's language) or, for words no table holds, the
 * ends of its numeric scale. FactCheckZW's rating is a sentence with an empty ratingValue: nothing to go on.
 */
const VERDICTS: Record<string, string> = {
  'afp-factcheck-en-2020-06-23-cdc-flu-pneumonia': 'false',
  'afp-factcheck-en-2022-03-02-kharkiv-flag': 'misleading',
  'afp-factuel-fr-2022-01-28-mali-france': 'false',
  'afp-factual-es-2021-06-01-morena-fotomontaje': 'misleading',
  'afp-factual-es-2022-06-28-pilotos-dallas': 'false',
  'afp-factual-es-2022-07-08-espana-apellidos': 'false',
  'afp-faktencheck-de-2021-08-24-leipzig-rathaus': 'false',
  'afp-checamos-pt-2020-06-12-soros-bild': 'false',
  'afp-hindi-hi-2021-08-04-tipu-sultan-photo': 'false',
  'boomlive-en-2019-04-10-namaz-karnataka': 'false',
  'boomlive-bn-2021-06-17-nyt-modi-crocodile': 'false',
  'boomlive-hi-2021-08-03-cheetah-temple': 'misleading',
  'aosfatos-pt-2022-08-11-drauzio-video': 'misleading',
  'efe-verifica-es-2022-10-24-detenidos-extranjeros': 'false',
  'estadao-verifica-pt-2023-01-yanomamis': 'false',
  'estadao-verifica-pt-2020-08-31-natura-thammy': 'false',
  'factcheckzw-en-2021-06-18-antibodies-reinfection': 'unrated',
  'indiatoday-en-2022-09-30-modi-gujarat-speech': 'misleading',
  'indiatoday-en-2020-10-13-maternity-shoot': 'misleading',
  'aajtak-hi-2020-07-05-bbc-nyt-modi': 'false',
  'lupa-pt-2020-08-31-viaduto-br277': 'false',
  'uol-confere-pt-2022-09-01-violencia-campo': 'false',
  'vishvasnews-hi-2022-10-18-priyanka-vadra-wedding': 'false',
  'vishvasnews-en-2022-11-01-rishi-sunak-manmohan': 'false',
  'vishvasnews-en-2020-07-galwan-video': 'false',
  'animalpolitico-es-2022-huracan-ian-video': 'false',
  'thip-en-2022-vitamin-d-cancer': 'misleading',
};
const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.html$/, '');
const manifest = JSON.parse(readFileSync(resolve(PAGES, 'manifest.json'), 'utf8')) as { files: ManifestRow[] };
const pages = manifest.files.filter((f) => /^(articles|homepages)\//.test(f.file));

/** "1 ClaimReview | [...] rating "False" / ratingValue='1' (best='5', …" → count, rating words, value. */
function expected(row: ManifestRow): { count: number; rating?: string; ratingValue?: string } {
  const count = Number(row.cr?.match(/^(\d+) (?:ClaimReview|MediaReview)/)?.[1] ?? 0);
  const rating = row.cr?.match(/rating "(.*?)" \/ ratingValue=/)?.[1];
  const ratingValue = row.cr?.match(/ratingValue='?([^',) ]*)'?/)?.[1];
  return { count, ...(rating && { rating }), ...(ratingValue && { ratingValue }) };
}

describe('every saved fact-check page', () => {
  it('has pages to test: every article and listing page the manifest names, negatives included', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    const withReviews = pages.filter((p) => expected(p).count > 0).map((p) => baseName(p.file));
    expect(withReviews.sort()).toEqual(Object.keys(VERDICTS).sort());
    // Real desk pages without ClaimReview (Alt News, Washington Post, VERA Files) and the listing pages.
    expect(pages.filter((p) => expected(p).count === 0).length).toBeGreaterThanOrEqual(6);
  });

  it('reads the Vishvas News claim with its HTML entity decoded', () => {
    const row = pages.find((p) => p.file.endsWith('vishvasnews-en-2022-11-01-rishi-sunak-manmohan.html'))!;
    const [review] = extractReviews(readFileSync(resolve(PAGES, row.file), 'utf8'), row.url).reviews;
    expect(review!.claimReviewed).toBe("Rishi Sunak praises Manmohan Singh's economy ideas");
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s yields the reviews its manifest lists', (_file, row) => {
    const html = readFileSync(resolve(PAGES, row.file), 'utf8');
    const page = extractReviews(html, row.url);
    const want = expected(row);
    expect(page.reviews).toHaveLength(want.count);
    expect(page.problems).toEqual([]);
    // The manifest reads the first <html lang>, which on some pages sits inside an IE conditional comment.
    if (row.html_lang) expect(page.language).toMatch(/^[a-z]{2,3}(-[a-z0-9]+)*$/);
    for (const review of page.reviews) {
      const result = claimReviewToDebunk(review, 'site');
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const debunk = result.debunk;
      expect(debunk.claim.length).toBeGreaterThan(2);
      expect(debunk.reviewUrl).toMatch(/^https?:\/\//);
      if (want.rating) expect(debunk.rating).toBe(want.rating.replace(/\s+/g, ' ').trim().slice(0, 200));
      expect(debunk.verdict).toBe(VERDICTS[baseName(row.file)]);
      // Claims are text: no HTML entities left ("Singh&#039;s"), no surrounding whitespace.
      expect(debunk.claim).not.toMatch(/&(#\d+|#x[0-9a-f]+|[a-z]+);/i);
      expect(debunk.claim).toBe(debunk.claim.trim());
      // Dates as written ("2020-06-24 00:03", "2020-06-22T12:26:08+5:30") are read as their day.
      if (row.date_src === 'ClaimReview.datePublished') expect(debunk.reviewDate).toBe(row.date);
    }
  });

  it('reads ratings by scale when the words are unknown (AFP French, German, Portuguese: 1 of 1–5)', () => {
    for (const file of [
      'articles/afp/afp-factuel-fr-2022-01-28-mali-france.html',
      'articles/afp/afp-faktencheck-de-2021-08-24-leipzig-rathaus.html',
    ]) {
      const row = pages.find((p) => p.file === file)!;
      const [review] = extractReviews(readFileSync(resolve(PAGES, file), 'utf8'), row.url).reviews;
      const result = claimReviewToDebunk(review, 'site');
      expect(result.ok && result.debunk.verdict).toBe('false');
    }
  });

  it('keeps appearance, firstAppearance, image and language where the page gives them (THIP)', () => {
    const row = pages.find((p) => p.file.startsWith('articles/thip/'))!;
    const page = extractReviews(readFileSync(resolve(PAGES, row.file), 'utf8'), row.url);
    const result = claimReviewToDebunk(page.reviews[0], 'site');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.debunk.appearances.length).toBeGreaterThanOrEqual(1);
    expect(result.debunk.language).toBe('en-us');
    expect(result.debunk.verdict).toBe('misleading');
  });

  it('finds the spec examples in microdata as well as JSON-LD, and MediaReview with its appearances', () => {
    const spec = (name: string) => readFileSync(resolve(PAGES, 'jsonld/spec-examples', name), 'utf8');
    const claimReviews = extractReviews(spec('schemaorg-eg-0324-claimreview-politifact-example.txt'), 'https://www.politifact.com/');
    // Two JSON-LD reviews; the microdata copy of the first differs in its quotes only and counts once.
    expect(claimReviews.reviews.map((r) => r['@type'])).toEqual(['ClaimReview', 'ClaimReview']);
    const media = extractReviews(spec('schemaorg-issue-2450-mediareview-politifact-example.txt'), 'https://www.politifact.com/');
    expect(media.reviews).toHaveLength(1);
    const result = claimReviewToDebunk(media.reviews[0], 'site');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.debunk.claim).toMatch(/^Mariah Carey faked/);
    expect(result.debunk.appearances).toEqual(['https://www.instagram.com/p/CNtao_WA0Dr/']);
    expect(result.debunk.reasons[0]?.kind).toBe('old-footage');
  });
});

const ARABIC_ARTICLE = `<!doctype html><html lang="ar" dir="rtl"><head>
<meta property="og:image" content="/images/convoy.jpg">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"NewsArticle","@id":"https://misbar.com/factcheck/1#article","headline":"رتل دبابات","image":{"@type":"ImageObject","url":"https://misbar.com/img/1.jpg"},
  "mainEntity":{"@type":"ClaimReview","url":"https://misbar.com/factcheck/1","claimReviewed":"فيديو يظهر رتل دبابات يدخل حلب اليوم",
   "reviewRating":{"@type":"Rating","alternateName":"مضلل","ratingValue":"2","bestRating":"5","worstRating":"1"},
   "itemReviewed":{"@id":"#claim"},"author":{"@id":"#org"},"datePublished":"2026-01-20"}},
 {"@type":"Claim","@id":"#claim","appearance":[{"@type":"CreativeWork","url":"https://x.com/someone/status/1"}],"firstAppearance":{"url":"https://t.me/channel/5"}},
 {"@type":"Organization","@id":"#org","name":"مسبار"}
]}</script>
<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": "broken
</script></head><body><h1>رتل دبابات</h1></body></html>`;

describe('composed pages', () => {
  it('reads a ClaimReview nested in an Article of a @graph, following @id references; a broken block is reported', () => {
    const page = extractReviews(ARABIC_ARTICLE, 'https://misbar.com/factcheck/1');
    expect(page.reviews).toHaveLength(1);
    expect(page.problems).toEqual([expect.stringMatching(/^JSON-LD block 2 is not JSON/)]);
    expect(page.language).toBe('ar');
    expect(page.image).toBe('https://misbar.com/images/convoy.jpg');
    const result = claimReviewToDebunk(page.reviews[0], 'site');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.debunk).toMatchObject({
      claim: 'فيديو يظهر رتل دبابات يدخل حلب اليوم',
      verdict: 'misleading',
      rating: 'مضلل',
      publisher: { name: 'مسبار' },
      appearances: ['https://x.com/someone/status/1', 'https://t.me/channel/5'],
      image: 'https://misbar.com/img/1.jpg',
      reviewDate: '2026-01-20',
    });
  });

  it('reads microdata, relative links made absolute', () => {
    const html = `<html lang="ar"><body><article itemscope itemtype="https://schema.org/ClaimReview">
      <a itemprop="url" href="/check/7">المقال</a>
      <p itemprop="claimReviewed">صورة لطائرة تسقط فوق دمشق</p>
      <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="alternateName">زائف</span>
        <meta itemprop="ratingValue" content="1"></div>
      <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">
        <div itemprop="appearance" itemscope itemtype="https://schema.org/CreativeWork"><link itemprop="url" href="https://www.facebook.com/p/1"></div>
      </div>
      <span itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">فتبينوا</span></span>
      <time itemprop="datePublished" datetime="2025-12-01">١ ديسمبر</time>
    </article></body></html>`;
    const page = extractReviews(html, 'https://fatabyyano.net/x/');
    expect(page.reviews).toHaveLength(1);
    const result = claimReviewToDebunk(page.reviews[0], 'site');
    expect(result.ok && result.debunk).toMatchObject({
      claim: 'صورة لطائرة تسقط فوق دمشق',
      verdict: 'false',
      reviewUrl: 'https://fatabyyano.net/check/7',
      appearances: ['https://www.facebook.com/p/1'],
      publisher: { name: 'فتبينوا' },
      reviewDate: '2025-12-01',
    });
  });

  it('reads RDFa (typeof / property, prefixed or not)', () => {
    const html = `<div vocab="https://schema.org/" typeof="ClaimReview">
      <span property="claimReviewed">The minister resigned on live television</span>
      <div property="reviewRating" typeof="Rating"><span property="alternateName">False</span></div>
      <a property="url" href="https://example-desk.org/checks/9">read</a>
      <div property="author" typeof="schema:Organization"><span property="schema:name">Example Desk</span></div>
    </div>`;
    const page = extractReviews(html, 'https://example-desk.org/');
    expect(page.reviews).toHaveLength(1);
    const result = claimReviewToDebunk(page.reviews[0], 'site');
    expect(result.ok && result.debunk).toMatchObject({
      claim: 'The minister resigned on live television',
      verdict: 'false',
      reviewUrl: 'https://example-desk.org/checks/9',
      publisher: { name: 'Example Desk' },
    });
  });

  it('survives partial and hostile markup: unclosed tags, a cut page, javascript: links, __proto__ keys, deep nesting', () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const html = `<html><body><div itemscope itemtype="schema:ClaimReview"><p itemprop="claimReviewed">Claim one<p>
      <a itemprop="url" href="javascript:alert(1)">x</a>
      <script type="application/ld+json">{"__proto__":{"polluted":true},"@type":"ClaimReview","claimReviewed":"Claim two","url":"javascript:alert(2)","reviewRating":{"alternateName":"False"}}</script>
      <script type="application/ld+json">${deep}</script>
      <script type="application/ld+json">`;
    const page = extractReviews(html, 'https://desk.example/');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const claims = page.reviews
      .map((r) => claimReviewToDebunk(r, 's'))
      .map((r) => (r.ok ? [r.debunk.claim, r.debunk.reviewUrl] : r.reason));
    expect(claims).toContainEqual(['Claim two', undefined]);
    expect(claims.some((c) => Array.isArray(c) && String(c[0]).startsWith('Claim one'))).toBe(true);
    expect(page.problems.length).toBeLessThanOrEqual(2);
  });

  it('lists the feeds a home page declares, comment feeds included (discovery skips them)', () => {
    const row = pages.find((p) => p.file === 'homepages/climatefactchecks-listing-page2.html')!;
    const page = extractReviews(readFileSync(resolve(PAGES, row.file), 'utf8'), row.url);
    expect(page.feeds.map((f) => f.href)).toEqual(['https://climatefactchecks.org/feed/', 'https://climatefactchecks.org/comments/feed/']);
  });
});
