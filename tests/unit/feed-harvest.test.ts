/**
 * `npm run feed -- harvest`: a desk's saved pages (served by a stand-in for the network) become a feed that
 * `feed sign` and `feed verify` accept; a second run is incremental through the state file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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
