import { describe, expect, it, vi } from 'vitest';
import { generateFeedKeys, signFeed } from '../feeds/signature';
import { allDebunks } from '../store/debunk-store';
import { openSanadDb } from '../store/db';
import { BUNDLED_BODY } from '@/tests/unit/support/debunks';
import { checkFeedUrl, FeedService, STALE_AFTER_MS } from './feed-service';
import { ListRegistry } from './list-registry';

const item = (id: string) => ({
  '@type': 'ClaimReview',
  identifier: id,
  claimReviewed: `claim ${id}`,
  reviewRating: { alternateName: 'False' },
  author: { name: 'Desk' },
});

async function setup(body: () => string | Promise<string>, staleAfterMs?: () => Promise<number>) {
  const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
  const rebuild = vi.spyOn(lists, 'indexed');
  const fetchFeed = vi.fn(async () => new Response(await body(), { headers: { 'content-type': 'application/json' } }));
  let now = 1_000;
  const service = new FeedService({
    openDb: () => openSanadDb(),
    lists,
    fetch: fetchFeed as unknown as typeof fetch,
    now: () => now,
    staleAfterMs: staleAfterMs ?? (async () => STALE_AFTER_MS),
  });
  return { service, lists, rebuild, fetchFeed, advance: (ms: number) => (now += ms) };
}

describe('FeedService', () => {
  it.each([
    ['not a URL', 'feed', /not a valid address/],
    ['plain http on the internet', 'http://desk.example.org/feed.json', /https/],
    ['another scheme', 'ftp://desk.example.org/feed.json', /https/],
  ])('refuses %s', (_, url, reason) => {
    expect(() => checkFeedUrl(url)).toThrow(reason);
  });

  it('adds a signed feed, syncs it, rebuilds the index; removes it with its debunks', async () => {
    const keys = await generateFeedKeys();
    const { service, lists } = await setup(async () =>
      JSON.stringify(
        await signFeed(
          { sanadFeed: 1, publisher: { name: 'Desk' }, generated: '2026-11-24T00:00:00Z', items: [item('a')] },
          keys.privateKeyPkcs8,
          keys.publicKey,
        ),
      ),
    );
    const { feed, outcome } = await service.add({ url: 'https://desk.example.org/feed.json', kind: 'sanad', publicKey: keys.publicKey });
    expect(outcome).toEqual({ status: 'updated', count: 1, skipped: 0 });
    expect(feed).toMatchObject({ id: 'feed:https://desk.example.org/feed.json', count: 1, publisher: 'Desk', lastSuccess: 1_000 });
    expect((await allDebunks(await openSanadDb())).map((d) => d.source)).toContain('feed:https://desk.example.org/feed.json');
    expect((await lists.current()).ids).toHaveLength(1 + 2); // matching uses the feed's item beside the bundled two
    await service.remove(feed.id);
    expect((await allDebunks(await openSanadDb())).map((d) => d.source)).toEqual(['bundled', 'bundled']);
    expect((await lists.current()).ids).toHaveLength(2);
    expect(await service.list()).toEqual([]);
  });

  it('asks a Sanad feed for its publisher key, and keeps a feed whose first sync fails, with the reason', async () => {
    const { service } = await setup(() => 'not json');
    await expect(service.add({ url: 'https://desk.example.org/f.json', kind: 'sanad' })).rejects.toThrow(/public key/);
    const { feed, outcome } = await service.add({ url: 'https://desk.example.org/f.json', kind: 'claimreview' });
    expect(outcome.status).toBe('failed');
    expect(feed.lastError).toMatch(/not JSON/);
  });

  it('keeps a feed that failed when added as failing, and "Try again" reads it once it answers', async () => {
    let body = 'not json';
    const { service } = await setup(() => body);
    const { feed } = await service.add({ url: 'https://desk.example.org/f.json', kind: 'claimreview' });
    expect(feed).toMatchObject({ count: 0, lastError: expect.stringMatching(/not JSON/) });
    expect(feed.lastSuccess).toBeUndefined();
    body = JSON.stringify([item('late')]);
    expect(await service.retry(feed.id)).toEqual({ status: 'updated', count: 1, skipped: 0 });
    const [after] = await service.list();
    expect(after).toMatchObject({ count: 1, lastSuccess: 1_000 });
    expect(after!.lastError).toBeUndefined();
    await expect(service.retry('feed:https://gone.example/')).rejects.toThrow(/no longer/);
  });

  it('syncs all feeds one at a time and flags stale ones', async () => {
    const { service, fetchFeed, advance } = await setup(() => JSON.stringify([item('x')]));
    await service.add({ url: 'https://a.example.org/f.json', kind: 'claimreview' });
    await service.add({ url: 'https://b.example.org/f.json', kind: 'claimreview' });
    const [first, second] = [service.syncAll(), service.syncAll()];
    expect(Object.values(await first).map((o) => o.status)).toEqual(['updated', 'updated']);
    expect(Object.keys(await second)).toHaveLength(2);
    expect(fetchFeed).toHaveBeenCalledTimes(6);
    advance(STALE_AFTER_MS + 1);
    expect((await service.list()).map((f) => f.stale)).toEqual([true, true]);
  });

  it('marks feeds stale after the age the user chose', async () => {
    let days = 7;
    const { service, advance } = await setup(
      () => JSON.stringify([item('x')]),
      async () => days * 86_400_000,
    );
    await service.add({ url: 'https://a.example.org/f.json', kind: 'claimreview' });
    advance(4 * 86_400_000);
    expect((await service.list())[0]!.stale).toBe(false);
    days = 1;
    expect((await service.list())[0]!.stale).toBe(true);
  });

  it('syncs a Google Fact Check Tools search page by page, sending only the search terms and the key', async () => {
    const review = (n: number) => ({
      text: `Claim number ${n} about a video from Aleppo`,
      claimReview: [{ publisher: { name: 'Misbar', site: 'misbar.com' }, url: `https://misbar.com/fc/${n}`, textualRating: 'False' }],
    });
    const pages: Record<string, unknown> = { '': { claims: [review(1), review(2)], nextPageToken: 'P2' }, P2: { claims: [review(3)] } };
    const seen: string[] = [];
    const fetchGoogle = vi.fn(async (url: string) => {
      seen.push(url);
      return Response.json(pages[new URL(url).searchParams.get('pageToken') ?? '']);
    });
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
    const service = new FeedService({
      openDb: () => openSanadDb(),
      lists,
      fetch: fetchGoogle as unknown as typeof fetch,
      staleAfterMs: async () => STALE_AFTER_MS,
    });
    const { feed, outcome } = await service.add({
      url: '',
      kind: 'google',
      google: { apiKey: 'AIzaSyA-test_key_0123456789abcdefghi', publisherSite: 'misbar.com', languageCode: 'ar', maxAgeDays: 30 },
    });
    expect(outcome).toMatchObject({ status: 'updated', count: 3 });
    expect(feed).toMatchObject({ kind: 'google', publisher: 'Google Fact Check Tools', count: 3 });
    expect(feed.url).not.toContain('AIzaSy'); // the key is not part of the shown address
    expect(seen).toHaveLength(2);
    expect(seen.every((u) => new URL(u).searchParams.get('reviewPublisherSiteFilter') === 'misbar.com')).toBe(true);

    fetchGoogle.mockResolvedValueOnce(Response.json({ error: { code: 400, message: 'API key not valid.' } }, { status: 400 }));
    const failed = await service.syncAll();
    expect(Object.values(failed)[0]).toMatchObject({ status: 'failed', reason: 'Google refused: API key not valid.' });
    expect((await service.list())[0]).toMatchObject({ count: 3, lastError: 'Google refused: API key not valid.' }); // the last good list stays
  });
});
