/**
 * A fact-checker's website as a subscription: added by its address, harvested into a list whose cards name
 * the desk's domain, synced again for new articles only; a failed sync keeps the last good list and says why.
 */
import { describe, expect, it } from 'vitest';
import { allDebunks } from '../store/debunk-store';
import { openSanadDb } from '../store/db';
import { BUNDLED_BODY } from '@/tests/unit/support/debunks';
import { HARVEST_LIMITS } from '../harvest/harvest';
import { FeedService, STALE_AFTER_MS } from './feed-service';
import { ListRegistry } from './list-registry';

const article = (n: number, rating: string) => `<html lang="ar"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","review":{"@type":"ClaimReview","url":"https://misbar.com/factcheck/${n}",
 "claimReviewed":"ادعاء رقم ${n} عن رتل دبابات","author":{"@type":"Organization","name":"Someone else"},
 "reviewRating":{"@type":"Rating","alternateName":"${rating}"},"datePublished":"2026-01-${10 + n}"}}</script></head></html>`;

function site() {
  const pages: Record<string, string> = {
    'https://misbar.com/': '<html><head><link rel="alternate" type="application/atom+xml" href="/feed.atom"></head></html>',
    'https://misbar.com/factcheck/1': article(1, 'زائف'),
    'https://misbar.com/factcheck/2': article(2, 'مضلل'),
    'https://misbar.com/factcheck/3': '<html><script type="application/ld+json">{"@type":"ClaimReview",</script></html>',
  };
  let listed = [1];
  let down = false;
  const requested: string[] = [];
  pages['https://misbar.com/feed.atom'] = '';
  const fetch = (async (url: string) => {
    requested.push(url);
    if (down) throw new TypeError('Failed to fetch');
    const body =
      url === 'https://misbar.com/feed.atom'
        ? `<feed>${listed.map((n) => `<entry><link href="/factcheck/${n}"/></entry>`).join('')}</feed>`
        : pages[url];
    return body === undefined ? new Response('', { status: 404 }) : new Response(body, { headers: { 'content-type': 'text/html' } });
  }) as unknown as typeof globalThis.fetch;
  const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
  const service = new FeedService({
    openDb: () => openSanadDb(),
    lists,
    fetch,
    now: () => 5_000,
    staleAfterMs: async () => STALE_AFTER_MS,
    sleep: async () => {},
    harvestLimits: { ...HARVEST_LIMITS, delayMs: 0 },
  });
  return { service, requested, list: (...n: number[]) => (listed = n), goDown: () => (down = true) };
}

describe('fact-checker website subscriptions', () => {
  it('harvests on add, adds only new articles on sync, and keeps the list when the site is down', async () => {
    const desk = site();
    const { feed, outcome } = await desk.service.add({ url: 'https://misbar.com', kind: 'site' });
    expect(outcome).toEqual({ status: 'updated', count: 1, skipped: 0 });
    expect(feed).toMatchObject({
      kind: 'site',
      count: 1,
      publisher: 'misbar.com',
      site: { listing: 'https://misbar.com/feed.atom', seen: ['https://misbar.com/factcheck/1'] },
      lastHarvest: { nothingNew: false, articles: 1, factChecks: 1, noMarkup: 0, malformed: 0, unreachable: 0, unusable: 0 },
    });
    const mine = async () => (await allDebunks(await openSanadDb())).filter((d) => d.source === feed.id);
    expect((await mine()).map((d) => [d.claim, d.verdict, d.publisher])).toEqual([
      ['ادعاء رقم 1 عن رتل دبابات', 'false', { name: 'misbar.com', url: 'https://misbar.com' }],
    ]);

    desk.list(1, 2, 3);
    desk.requested.length = 0;
    const outcomes = await desk.service.syncAll();
    expect(outcomes[feed.id]).toEqual({ status: 'updated', count: 2, skipped: 0 });
    expect(desk.requested).toEqual(['https://misbar.com/feed.atom', 'https://misbar.com/factcheck/2', 'https://misbar.com/factcheck/3']);
    expect((await mine()).map((d) => d.verdict).sort()).toEqual(['false', 'misleading']);
    const [after] = await desk.service.list();
    expect(after!.lastHarvest).toMatchObject({
      articles: 2,
      factChecks: 1,
      malformed: 1,
      malformedDetail: expect.stringMatching(/^JSON-LD block 1 is not JSON/),
    });

    desk.goDown();
    expect((await desk.service.syncAll())[feed.id]).toEqual({
      status: 'failed',
      reason: 'misbar.com could not be reached (Failed to fetch)',
    });
    const [failed] = await desk.service.list();
    expect(failed).toMatchObject({ lastError: 'misbar.com could not be reached (Failed to fetch)', count: 2 });
    expect(await mine()).toHaveLength(2);
  });
});
