/** Article listings: the real saved sitemaps and JSON listings of desks, composed RSS and Atom, robots.txt. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readListing, sitemapsInRobots } from './listing';

const FEEDS = resolve(import.meta.dirname, '../../../shared/factcheck-pages/feeds');
const saved = (file: string) => readFileSync(resolve(FEEDS, file), 'utf8');
const articlesOf = (body: string, base: string) => {
  const listing = readListing(body, base);
  if (!listing.ok || listing.kind === 'sitemap-index') throw new Error(`not an article listing: ${JSON.stringify(listing).slice(0, 200)}`);
  return listing;
};

describe('readListing', () => {
  it('reads a Squarespace sitemap: page addresses, not its image:loc links, newest first', () => {
    const listing = articlesOf(saved('desifacts/desifacts-sitemap.xml'), 'https://www.desifacts.org/sitemap.xml');
    expect(listing.kind).toBe('sitemap');
    expect(listing.articles.length).toBeGreaterThan(10);
    expect(listing.articles.every((a) => a.url.startsWith('https://www.desifacts.org/'))).toBe(true);
    const times = listing.articles.map((a) => Date.parse(a.date!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('reads a Zendesk sitemap with hreflang alternates', () => {
    const listing = articlesOf(saved('tayo/tayo-sitemap.xml'), 'https://www.tayohelp.com/sitemap.xml');
    expect(listing.articles.every((a) => a.url.startsWith('https://www.tayohelp.com/hc/'))).toBe(true);
    expect(new Set(listing.articles.map((a) => a.url)).size).toBe(listing.articles.length);
  });

  it('reads JSON listings: rss2json (Medium) and the WordPress REST posts list', () => {
    const medium = articlesOf(saved('pesacheck/pesacheck-medium-rss2json.json'), 'https://pesacheck.org/');
    expect(medium.articles[0]!.url).toMatch(/^https:\/\/pesacheck\.org\//);
    const wordpress = articlesOf(saved('thip/thip-wp-json-posts.json'), 'https://www.thip.media/wp-json/wp/v2/posts');
    expect(wordpress.articles).toHaveLength(100);
    expect(wordpress.articles.every((a) => a.url.startsWith('https://www.thip.media/'))).toBe(true);
  });

  it('reads RSS 2.0 (CDATA, guid links) and Atom (alternate links), relative links resolved', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><link>https://fatabyyano.net/</link>
      <item><title><![CDATA[زائف: صورة]]></title><link>https://fatabyyano.net/a/</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item>
      <item><title>b</title><guid>https://fatabyyano.net/b/</guid><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item>
    </channel></rss>`;
    expect(articlesOf(rss, 'https://fatabyyano.net/feed/').articles.map((a) => a.url)).toEqual([
      'https://fatabyyano.net/b/',
      'https://fatabyyano.net/a/',
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/atom"/>
      <entry><link rel="replies" href="/c/1"/><link href="/checks/1" rel="alternate"/><updated>2025-01-01T00:00:00Z</updated></entry></feed>`;
    expect(articlesOf(atom, 'https://desk.example/atom').articles).toEqual([
      { url: 'https://desk.example/checks/1', date: '2025-01-01T00:00:00Z' },
    ]);
  });

  it('reads a sitemap index and a news sitemap', () => {
    const index = readListing(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://misbar.com/sitemap-news.xml</loc></sitemap></sitemapindex>`,
      'https://misbar.com/sitemap.xml',
    );
    expect(index).toEqual({ ok: true, kind: 'sitemap-index', sitemaps: [{ url: 'https://misbar.com/sitemap-news.xml' }] });
    const news = `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://misbar.com/factcheck/2026/01/20/x</loc>
      <news:news><news:publication_date>2026-01-20T08:00:00+03:00</news:publication_date></news:news></url></urlset>`;
    expect(articlesOf(news, 'https://misbar.com/sitemap-news.xml').articles).toEqual([
      { url: 'https://misbar.com/factcheck/2026/01/20/x', date: '2026-01-20T08:00:00+03:00' },
    ]);
  });

  it('says what a body is when it is not a listing', () => {
    expect(readListing('', 'https://a.example/')).toEqual({ ok: false, reason: 'empty' });
    expect(readListing('<!doctype html><html></html>', 'https://a.example/')).toEqual({ ok: false, reason: 'an HTML page, not a feed' });
    expect(readListing('<svg></svg>', 'https://a.example/')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a feed/) });
    expect(readListing('{"items": [{"link": "javascript:alert(1)"}]}', 'https://a.example/')).toEqual({
      ok: false,
      reason: 'a JSON document without article links',
    });
  });
});

describe('sitemapsInRobots', () => {
  it('lists Sitemap lines, news sitemaps first, relative ones resolved', () => {
    const robots = 'User-agent: *\nDisallow: /wp-admin/\nSitemap: https://misbar.com/sitemap.xml\nsitemap: /news-sitemap.xml\n';
    expect(sitemapsInRobots(robots, 'https://misbar.com/robots.txt')).toEqual([
      'https://misbar.com/news-sitemap.xml',
      'https://misbar.com/sitemap.xml',
    ]);
  });
});
