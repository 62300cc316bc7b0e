/**
 * `npm run feed -- harvest`: a desk's saved pages (served by a stand-in for the network) become a feed that
 * `feed sign` and `feed verify` accept; a second run is incremental through the state file. Then the command
 * itself, run as a person runs it, over every saved desk article in ../shared/factcheck-pages served by a
 * local HTTP server.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvestToFeed } from '../../scripts/feed/harvest';

const PAGES = resolve(import.meta.dirname, '../../../shared/factcheck-pages/articles/vishvasnews');
const ARTICLES: Record<string, string> = {
  'https://www.vishvasnews.com/politics/fact-check-priyanka-gandhi-and-robert-vadras-marriage-was-officiated-by-kashmiri-priest-fake-claim-viral/':
    'vishvasnews-hi-2022-10-18-priyanka-vadra-wedding.html',
  'https://www.vishvasnews.com/english/viral/fact-check-rishi-sunak-did-not-make-a-viral-statement-about-former-pm-manmohan-singh-viral-post-is-fake/':
    'vishvasnews-en-2022-11-01-rishi-sunak-manmohan.html',
  'https://www.vishvasnews.com/politics/fact-check-this-video-is-not-related-with-galwan-valley-clash-between-indian-and-chinese-army/':
    'vishvasnews-en-2020-07-galwan-video.html',
};
const feedXml = `<rss version="2.0"><channel>${Object.keys(ARTICLES)
  .map((u) => `<item><link>${u}</link></item>`)
  .join('')}<item><link>https://elsewhere.example/copy</link></item></channel></rss>`;

function network() {
  const requested: string[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    requested.push(url);
    if (url === 'https://www.vishvasnews.com/feed/')
      return new Headers(init?.headers).get('if-none-match') === '"1"'
        ? new Response(null, { status: 304 })
        : new Response(feedXml, { headers: { 'content-type': 'application/rss+xml', etag: '"1"' } });
    const file = ARTICLES[url];
    return file ? new Response(readFileSync(join(PAGES, file), 'utf8')) : new Response('', { status: 404 });
  }) as unknown as typeof globalThis.fetch;
  return { deps: { fetch, sleep: async () => {} }, requested };
}

const cli = (...args: string[]) =>
  execFileSync('npx', ['tsx', 'scripts/feed/cli.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('feed harvest', () => {
  it('turns a desk’s pages into a feed that verifies once signed; the next run fetches nothing new', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-harvest-'));
    const options = {
      sites: ['https://www.vishvasnews.com/feed/'],
      stateFile: join(dir, 'state.json'),
      feedUrl: 'https://aggregator.example/vishvas.json',
      publisher: 'Vishvas News (harvested)',
    };
    const first = network();
    const { feed, log } = await harvestToFeed(options, first.deps);
    expect(first.requested).not.toContain('https://elsewhere.example/copy');
    expect(log).toEqual(['https://www.vishvasnews.com/feed/: 3 new articles read, 3 fact-checks; 3 items in the feed']);
    expect(feed).toMatchObject({
      sequence: 1,
      items: [{ '@type': 'ClaimReview' }, { '@type': 'ClaimReview' }, { '@type': 'ClaimReview' }],
    });

    writeFileSync(join(dir, 'feed.json'), JSON.stringify(feed));
    cli('keygen', '--out', dir);
    writeFileSync(
      join(dir, 'signed.json'),
      cli('sign', '--key', join(dir, 'feed-private-key.txt'), '--public', join(dir, 'feed-public-key.txt'), join(dir, 'feed.json')),
    );
    expect(cli('verify', '--public', join(dir, 'feed-public-key.txt'), join(dir, 'signed.json'))).toMatch(
      /^ok: 3 debunks, 0 tombstones, 0 items skipped, signed by Vishvas News \(harvested\)/,
    );

    const second = network();
    const again = await harvestToFeed(options, second.deps);
    expect(second.requested).toEqual(['https://www.vishvasnews.com/feed/']);
    expect(again.log).toEqual(['https://www.vishvasnews.com/feed/: no new articles; 3 items in the feed']);
    expect(again.feed).toMatchObject({ sequence: 2 });
    expect((again.feed.items as unknown[]).length).toBe(3);
  });

  it('refuses to run without the sites named, or faster than one request every 200 ms', () => {
    expect(() => cli('harvest', '--state', 'x.json')).toThrow(/usage: feed harvest --site URL/);
    expect(() =>
      cli(
        'harvest',
        '--site',
        'https://misbar.com',
        '--state',
        'x.json',
        '--feed-url',
        'https://a.example/f.json',
        '--publisher',
        'A',
        '--delay-ms',
        '10',
      ),
    ).toThrow(/--delay-ms: at least 200/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Every saved desk article, through the command.

const SHARED = resolve(import.meta.dirname, '../../../shared/factcheck-pages');
interface Row {
  file: string;
  url: string;
  cr?: string;
  date?: string;
}
const rows = (JSON.parse(readFileSync(join(SHARED, 'manifest.json'), 'utf8')) as { files: Row[] }).files.filter((f) =>
  f.file.startsWith('articles/'),
);
const reviewsOn = (row: Row) => Number(row.cr?.match(/^(\d+) (?:ClaimReview|MediaReview)/)?.[1] ?? 0);
/** Each desk's site (one per host: AFP's desks each have their own) → its saved articles. */
const desks = new Map<string, Row[]>();
for (const row of rows) {
  const site = `${new URL(row.url).origin}/`;
  desks.set(site, [...(desks.get(site) ?? []), row]);
}
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * What each desk's host answers. The articles are the saved pages; no desk's home page or RSS was saved
 * (the factcheck-pages README), so each home page declares `/feed/` as the desks' WordPress sites do, and
 * that feed lists the saved articles' real addresses. The feed answers 304 to its own ETag.
 */
function deskServer(requests: string[]): Server {
  return createServer((req, res) => {
    const [, host = '', ...rest] = (req.url ?? '').split('/');
    const path = `/${rest.join('/')}`;
    requests.push(`${host}${path}`);
    const site = `https://${host}/`;
    const articles = desks.get(site);
    if (!articles) return res.writeHead(404).end();
    if (path === '/')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body></body></html>');
    if (path === '/feed/') {
      const etag = `"${articles.length}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      const items = articles.map((a) => `<item><link>${xml(a.url)}</link><pubDate>${new Date(a.date ?? 0).toUTCString()}</pubDate></item>`);
      return res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><link>${site}</link>${items.join('')}</channel></rss>`);
    }
    const article = articles.find((a) => {
      const u = new URL(a.url);
      return `${u.pathname}${u.search}` === path;
    });
    if (!article) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(SHARED, article.file)));
  });
}

describe('npm run feed -- harvest over every saved desk', () => {
  const requests: string[] = [];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = deskServer(requests);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  let lastLog: string[] = [];
  const run = async (...args: string[]) => {
    const { stdout, stderr } = await promisify(execFile)(
      'npx',
      ['tsx', '--import', './tests/unit/support/fetch-to-local.ts', 'scripts/feed/cli.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, SANAD_TEST_SERVER: base }, maxBuffer: 50_000_000 },
    );
    lastLog = stderr.split('\n').filter(Boolean);
    return stdout;
  };

  it('harvests each desk’s articles, and the signed feed verifies with every ClaimReview', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-harvest-all-'));
    const sites = [...desks.keys()];
    const harvest = () =>
      run(
        'harvest',
        ...sites.flatMap((s) => ['--site', s]),
        '--state',
        join(dir, 'state.json'),
        '--feed-url',
        'https://aggregator.example/desks.json',
        '--publisher',
        'Saved desks (harvested)',
        '--delay-ms',
        '200',
      );
    writeFileSync(join(dir, 'feed.json'), await harvest());
    const expectedReviews = rows.reduce((n, r) => n + reviewsOn(r), 0);
    expect(expectedReviews).toBe(27);
    const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { claimReviewed: string; url: string }[] };
    expect(feed.items).toHaveLength(expectedReviews);
    // Each review comes from its own article, on that desk's host.
    expect(new Set(feed.items.map((i) => i.url)).size).toBe(expectedReviews);
    // One log line per desk, in plain words; the desks' pages without ClaimReview are counted as such.
    expect(lastLog).toHaveLength(sites.length);
    for (const [site, articles] of desks) {
      const found = articles.reduce((n, r) => n + reviewsOn(r), 0);
      const none = articles.filter((r) => !reviewsOn(r)).length;
      const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
      const words = `${site}: ${plural(articles.length, 'new article')} read, ${plural(found, 'fact-check')}${none ? `; ${plural(none, 'page')} without fact-check markup` : ''}; ${plural(found, 'item')} in the feed`;
      expect(lastLog).toContain(words);
    }
    // Only the sites named were asked: their home page, feed and articles, each once.
    const asked = new Set(requests.map((r) => r.split('/')[0]));
    expect([...asked].sort()).toEqual(sites.map((s) => new URL(s).host).sort());
    expect(requests).toHaveLength(sites.length * 2 + rows.length);
    expect(new Set(requests).size).toBe(requests.length);

    await run('keygen', '--out', dir);
    writeFileSync(
      join(dir, 'signed.json'),
      await run('sign', '--key', join(dir, 'feed-private-key.txt'), '--public', join(dir, 'feed-public-key.txt'), join(dir, 'feed.json')),
    );
    expect(await run('verify', '--public', join(dir, 'feed-public-key.txt'), join(dir, 'signed.json'))).toMatch(
      new RegExp(`^ok: ${expectedReviews} debunks, 0 tombstones, 0 items skipped, signed by Saved desks \\(harvested\\)`),
    );

    // The next run asks each desk's feed only, with its ETag, and gets 304: nothing new is fetched.
    requests.length = 0;
    const again = JSON.parse(await harvest()) as { sequence: number; items: unknown[] };
    expect(again.sequence).toBe(2);
    expect(again.items).toHaveLength(expectedReviews);
    expect(requests.sort()).toEqual(sites.map((s) => `${new URL(s).host}/feed/`).sort());
    expect(lastLog.every((line) => line.includes(': no new articles;'))).toBe(true);
  });
});
