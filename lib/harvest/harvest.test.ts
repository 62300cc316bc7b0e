/**
 * The harvest engine against a desk's site made of real saved pages: discovery, conditional listing
 * requests, only unseen articles, the per-run bound, the pause between requests, the site's host only, and
 * every kind of failure counted without failing the source.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkedBody, MiB } from '../../tests/support/chunked-body';
import { describeHarvest, harvestSite, HARVEST_LIMITS, onSite, siteOrigins, type SiteState } from './harvest';

const PAGES = resolve(import.meta.dirname, '../../../shared/factcheck-pages');
const saved = (file: string) => readFileSync(resolve(PAGES, file), 'utf8');
const ARTICLE_1 = 'https://factcheck.afp.com/cdc-does-not-add-flu-and-pneumonia-deaths-covid-19-toll';
const ARTICLE_2 = 'https://factcheck.afp.com/doc.afp.com.32427BX';
const NO_MARKUP = 'https://factcheck.afp.com/explainer';
const GONE = 'https://factcheck.afp.com/gone';
const FLAKY = 'https://factcheck.afp.com/flaky';
const OFF_SITE = 'https://tracker.example/afp-copy';

type Answer = { status: number; body?: string; type?: string; headers?: Record<string, string> };

function fakeSite(routes: Record<string, Answer | ((headers: Headers) => Answer)>) {
  const requests: { url: string; headers: Headers; credentials?: string }[] = [];
  const sleeps: number[] = [];
  const fetch = (async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    requests.push({ url: input, headers, credentials: init?.credentials });
    const route = routes[input];
    if (!route) throw new TypeError('Failed to fetch');
    const answer = typeof route === 'function' ? route(headers) : route;
    return new Response(answer.status === 304 ? null : (answer.body ?? ''), {
      status: answer.status,
      headers: { 'content-type': answer.type ?? 'text/html', ...answer.headers },
    });
  }) as unknown as typeof globalThis.fetch;
  return { deps: { fetch, sleep: async (ms: number) => void sleeps.push(ms) }, requests, sleeps };
}

const rss = (...urls: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${urls
    .map((u, i) => `<item><link>${u}</link><pubDate>${new Date(Date.UTC(2026, 0, 30 - i)).toUTCString()}</pubDate></item>`)
    .join('')}</channel></rss>`;

const HOME = `<html lang="en"><head>
  <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
  <link rel="alternate" type="application/rss+xml" title="AFP Fact Check" href="/rss.xml"></head><body></body></html>`;

function afpSite(listing: (headers: Headers) => Answer) {
  return fakeSite({
    'https://factcheck.afp.com/': { status: 200, body: HOME },
    'https://factcheck.afp.com/rss.xml': listing,
    [ARTICLE_1]: { status: 200, body: saved('articles/afp/afp-factcheck-en-2020-06-23-cdc-flu-pneumonia.html') },
    [ARTICLE_2]: { status: 200, body: saved('articles/afp/afp-factcheck-en-2022-03-02-kharkiv-flag.html') },
    [NO_MARKUP]: { status: 200, body: saved('articles/altnews/altnews-en-2016-04-10-kollam-fire-dynamite.html') },
    [GONE]: { status: 404 },
    [FLAKY]: { status: 503 },
    [OFF_SITE]: { status: 200, body: saved('articles/afp/afp-factcheck-en-2020-06-23-cdc-flu-pneumonia.html') },
  });
}

const start: SiteState = { site: 'https://factcheck.afp.com/', seen: [] };
const limits = { ...HARVEST_LIMITS, maxPages: 2, firstBackfill: 5, delayMs: 1_500 };

describe('harvestSite', () => {
  it('discovers the feed, backfills a bounded number of articles politely, counts each failure, stays on the site', async () => {
    const site = afpSite(() => ({
      status: 200,
      body: rss(ARTICLE_1, OFF_SITE, NO_MARKUP, GONE, FLAKY, ARTICLE_2),
      headers: { etag: '"v1"' },
    }));
    const result = await harvestSite(start, site.deps, limits);
    expect(result.ok).toBe(true);
    expect(site.requests.map((r) => r.url)).toEqual([
      'https://factcheck.afp.com/',
      'https://factcheck.afp.com/rss.xml',
      ARTICLE_1,
      NO_MARKUP,
      GONE,
      FLAKY,
      ARTICLE_2,
    ]);
    expect(site.requests.every((r) => r.credentials === 'omit')).toBe(true);
    expect(site.sleeps).toEqual(Array(6).fill(1_500));
    expect(result.outcomes.map((o) => [o.url, o.status, o.count])).toEqual([
      [ARTICLE_1, 'reviews', 1],
      [NO_MARKUP, 'no-markup', 0],
      [GONE, 'unreachable', 0],
      [FLAKY, 'unreachable', 0],
      [ARTICLE_2, 'reviews', 1],
    ]);
    expect(result.pages.map((p) => p.reviews[0]!.claimReviewed)).toHaveLength(2);
    // Filled from the page: the review's language.
    expect(result.pages[0]!.reviews[0]!.inLanguage).toBe('en');
    expect(result.state).toMatchObject({ listing: 'https://factcheck.afp.com/rss.xml', etag: '"v1"' });
    // The 503 page is tried again next time; the 404 one is not.
    expect(result.state.seen).toEqual([ARTICLE_1, NO_MARKUP, GONE, ARTICLE_2]);
    expect(describeHarvest(result)).toBe(
      '5 new articles read, 2 fact-checks; 1 page without fact-check markup; 2 pages could not be fetched (HTTP 404)',
    );
  });

  it('asks for the listing conditionally and fetches nothing more when it has not changed', async () => {
    const site = afpSite((headers) => (headers.get('if-none-match') === '"v1"' ? { status: 304 } : { status: 200, body: rss(ARTICLE_1) }));
    const state: SiteState = { ...start, listing: 'https://factcheck.afp.com/rss.xml', etag: '"v1"', seen: [ARTICLE_1] };
    const result = await harvestSite(state, site.deps, limits);
    expect(result).toMatchObject({ ok: true, notModified: true, pages: [] });
    expect(site.requests.map((r) => r.url)).toEqual(['https://factcheck.afp.com/rss.xml']);
    expect(describeHarvest(result)).toBe('no new articles');
  });

  it('fetches only unseen articles, at most maxPages per run', async () => {
    const site = afpSite(() => ({ status: 200, body: rss(ARTICLE_2, FLAKY, NO_MARKUP, ARTICLE_1), headers: { 'last-modified': 'x' } }));
    const state: SiteState = { ...start, listing: 'https://factcheck.afp.com/rss.xml', seen: [ARTICLE_1] };
    const result = await harvestSite(state, site.deps, limits);
    expect(site.requests.map((r) => r.url)).toEqual(['https://factcheck.afp.com/rss.xml', ARTICLE_2, FLAKY]);
    expect(result.state.seen).toEqual([ARTICLE_1, ARTICLE_2]);
    expect(result.state.lastModified).toBe('x');
  });

  it('finds a sitemap through robots.txt when the home page links no feed', async () => {
    const site = fakeSite({
      'https://misbar.com/': { status: 200, body: '<html><body>home</body></html>' },
      'https://misbar.com/robots.txt': {
        status: 200,
        type: 'text/plain',
        body: 'Sitemap: https://misbar.com/sitemap.xml\nSitemap: https://cdn.example/x.xml',
      },
      'https://misbar.com/sitemap.xml': {
        status: 200,
        type: 'application/xml',
        body: '<sitemapindex><sitemap><loc>https://misbar.com/sitemap-pages.xml</loc></sitemap><sitemap><loc>https://misbar.com/sitemap-news.xml</loc></sitemap></sitemapindex>',
      },
      'https://misbar.com/sitemap-news.xml': {
        status: 200,
        type: 'application/xml',
        body: '<urlset><url><loc>https://www.misbar.com/factcheck/1</loc></url></urlset>',
      },
      'https://www.misbar.com/factcheck/1': { status: 200, body: '<html lang="ar"></html>' },
    });
    const result = await harvestSite({ site: 'https://misbar.com/', seen: [] }, site.deps, limits);
    expect(result.ok).toBe(true);
    expect(result.state.listing).toBe('https://misbar.com/sitemap-news.xml');
    expect(site.requests.map((r) => r.url)).not.toContain('https://cdn.example/x.xml');
    expect(result.outcomes).toEqual([{ url: 'https://www.misbar.com/factcheck/1', status: 'no-markup', count: 0 }]);
  });

  it('finds a WordPress desk’s posts through its REST API when its page links no feed (Animal Político’s real section page)', async () => {
    // The saved section front declares no RSS, only WordPress's API root; the posts list is in the shape
    // WordPress answers (links and dates, as asked), naming the desk's real saved article.
    const SECTION = 'https://www.animalpolitico.com/sabueso/';
    const ARTICLE = 'https://www.animalpolitico.com/elsabueso/video-ojo-del-huracan-ian-sacado-de-contexto/';
    const POSTS = 'https://www.animalpolitico.com/wp-json/wp/v2/posts?_fields=link%2Cdate_gmt&per_page=20';
    const site = fakeSite({
      [SECTION]: { status: 200, body: saved('homepages/animalpolitico-el-sabueso-section.html') },
      [POSTS]: { status: 200, type: 'application/json', body: JSON.stringify([{ date_gmt: '2022-09-30T18:00:00', link: ARTICLE }]) },
      [ARTICLE]: { status: 200, body: saved('articles/animalpolitico/animalpolitico-es-2022-huracan-ian-video.html') },
    });
    const result = await harvestSite({ site: SECTION, seen: [] }, site.deps, limits);
    // The page's JSON alternate (its own REST record) is not taken for a list: no request for it.
    expect(site.requests.map((r) => r.url)).toEqual([SECTION, POSTS, ARTICLE]);
    expect(result).toMatchObject({ ok: true, state: { listing: POSTS, seen: [ARTICLE] } });
    expect(result.pages[0]!.reviews).toHaveLength(1);
    expect(describeHarvest(result)).toBe('1 new article read, 1 fact-check');
  });

  it('fails the source in plain words, keeping its state, when the site is down or lists nothing', async () => {
    const down = await harvestSite(start, fakeSite({}).deps, limits);
    expect(down).toMatchObject({ ok: false, reason: 'factcheck.afp.com could not be reached (Failed to fetch)', state: start });
    const bare = fakeSite({
      'https://factcheck.afp.com/': { status: 200, body: '<html></html>' },
      'https://factcheck.afp.com/robots.txt': { status: 404 },
    });
    expect(await harvestSite(start, bare.deps, limits)).toMatchObject({
      ok: false,
      reason: 'no feed or news sitemap found on factcheck.afp.com',
    });
    const listed: SiteState = { ...start, listing: 'https://factcheck.afp.com/rss.xml', seen: [ARTICLE_1] };
    const broken = afpSite(() => ({ status: 200, body: '<html>maintenance</html>' }));
    expect(await harvestSite(listed, broken.deps, limits)).toMatchObject({
      ok: false,
      reason: 'the article list at https://factcheck.afp.com/rss.xml is an HTML page, not a feed',
      state: listed,
    });
  });

  it('refuses a redirect off the site', async () => {
    const fetch = (async () => {
      const response = new Response('<rss><channel></channel></rss>', { status: 200 });
      Object.defineProperty(response, 'url', { value: 'https://elsewhere.example/rss' });
      return response;
    }) as unknown as typeof globalThis.fetch;
    const result = await harvestSite(start, { fetch, sleep: async () => {} }, limits);
    expect(result).toMatchObject({ ok: false, reason: 'factcheck.afp.com could not be reached (redirected away from factcheck.afp.com)' });
  });
});

describe('site addresses', () => {
  it('treats www. and the bare host as one site, nothing else', () => {
    expect(onSite('https://www.misbar.com/a', 'https://misbar.com/')).toBe(true);
    expect(onSite('https://cdn.misbar.com/a', 'https://misbar.com/')).toBe(false);
    expect(onSite('javascript:alert(1)', 'https://misbar.com/')).toBe(false);
    expect(siteOrigins('https://www.misbar.com/ar')).toEqual(['https://misbar.com/*', 'https://www.misbar.com/*']);
  });
});

describe('harvest bodies are read with a byte cap', () => {
  it('stops a chunked 200 MiB article at the page cap, counts it, and still takes the other articles', async () => {
    const site = afpSite(() => ({ status: 200, body: rss(ARTICLE_1, ARTICLE_2) }));
    let pulled = { bytes: 0 };
    const fetch = (async (input: string, init?: RequestInit) => {
      if (input !== ARTICLE_1) return site.deps.fetch(input, init);
      const body = chunkedBody(200, { headers: { 'content-type': 'text/html' } });
      pulled = body.pulled;
      return body.response;
    }) as unknown as typeof globalThis.fetch;
    const result = await harvestSite(start, { ...site.deps, fetch }, limits);
    expect(result.ok).toBe(true);
    expect(result.outcomes.find((o) => o.url === ARTICLE_1)).toMatchObject({
      status: 'unreachable',
      detail: expect.stringMatching(/too large/),
    });
    expect(result.outcomes.find((o) => o.url === ARTICLE_2)?.status).toBe('reviews');
    expect(pulled.bytes).toBeLessThanOrEqual(HARVEST_LIMITS.maxBytes + 2 * MiB);
  });

  it('stops a chunked 200 MiB home page and feed the same way: the source fails, nothing grows', async () => {
    const pulls: { bytes: number }[] = [];
    const fetch = (async () => {
      const body = chunkedBody(200, { headers: { 'content-type': 'text/html' } });
      pulls.push(body.pulled);
      return body.response;
    }) as unknown as typeof globalThis.fetch;
    const result = await harvestSite(start, { fetch, sleep: async () => {} }, limits);
    expect(result.ok).toBe(false);
    expect(pulls.length).toBeGreaterThan(0);
    for (const pulled of pulls) expect(pulled.bytes).toBeLessThanOrEqual(HARVEST_LIMITS.maxBytes + 2 * MiB);
  });
});
