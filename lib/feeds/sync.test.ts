import { storeWriter } from '@/tests/unit/support/list-writer';
import { describe, expect, it } from 'vitest';

/** A signed-feed subscription as the options page stores it. */
const subscription = (publicKey: string, url: string, id = `feed:${url}`) => ({
  id,
  url,
  kind: 'sanad' as const,
  publicKey,
  count: 0,
  addedAt: 0,
});
/** A fetch that answers every request with `body`. */
const answering = (body: string) =>
  (async () => new Response(body, { headers: { 'content-type': 'application/json' } })) as unknown as typeof globalThis.fetch;

describe('incremental feeds (cursor)', () => {
  it('asks from the cursor, applies a delta (new items in, tombstoned out) and keeps the new cursor', async () => {
    const { openSanadDb } = await import('../store/db');
    const { listDebunks } = await import('../store/debunk-store');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed, feedRequestUrl } = await import('./sync');
    const keys = await generateFeedKeys();
    const item = (id: string, claim: string) => ({
      '@type': 'ClaimReview',
      identifier: id,
      claimReviewed: claim,
      reviewRating: { alternateName: 'False' },
      author: { name: 'Desk' },
      url: `https://desk.example/${id}`,
    });
    const doc = (extra: Record<string, unknown>, items: unknown[], tombstones: unknown[] = []) =>
      signFeed(
        { sanadFeed: 1, publisher: { name: 'Desk' }, generated: new Date().toISOString(), items, tombstones, ...extra },
        keys.privateKeyPkcs8,
        keys.publicKey,
      );
    const full = await doc({ cursor: 'c1', sequence: 1 }, [
      item('a', 'Claim A about a convoy video'),
      item('b', 'Claim B about a bridge video'),
    ]);
    const delta = await doc(
      { cursor: 'c2', sequence: 2, delta: true, since: 'c1' },
      [item('c', 'Claim C about a market video')],
      [{ id: 'a', withdrawn: '2026-11-24' }],
    );
    const answers = [full, delta];
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof globalThis.fetch;
    const db = await openSanadDb();
    const feed = subscription(keys.publicKey, 'https://desk.example/feed.json');
    await db.put('feeds', feed);
    expect(await syncFeed(db, feed, { fetch, lists: storeWriter(db), now: () => 1 })).toMatchObject({ status: 'updated', count: 2 });
    const after = (await db.get('feeds', feed.id))!;
    expect(after.cursor).toBe('c1');
    expect(feedRequestUrl(after)).toBe('https://desk.example/feed.json?since=c1');
    expect(await syncFeed(db, after, { fetch, lists: storeWriter(db), now: () => 2 })).toMatchObject({ status: 'updated', count: 2 });
    expect(asked).toEqual(['https://desk.example/feed.json', 'https://desk.example/feed.json?since=c1']);
    expect((await listDebunks(db, feed.id)).map((d) => d.id).sort()).toEqual(['b', 'c']);
    expect((await db.get('feeds', feed.id))!.cursor).toBe('c2');

    // Replays: whoever answers for the address resends the old full feed (which still has "a"), or the old
    // delta. Both were really signed; both are refused, and the list and the cursor stay as they are.
    for (const [replayed, reason] of [
      [full, /older .*replay/],
      [delta, /another starting point/],
    ] as const) {
      answers.push(replayed);
      const outcome = await syncFeed(db, (await db.get('feeds', feed.id))!, { fetch, lists: storeWriter(db), now: () => 3 });
      expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(reason) });
      expect((await listDebunks(db, feed.id)).map((d) => d.id).sort()).toEqual(['b', 'c']);
      expect((await db.get('feeds', feed.id))!).toMatchObject({ cursor: 'c2', accepted: { sequence: 2 } });
    }
  });

  it('refuses a feed signed for another address by the same publisher', async () => {
    const { openSanadDb } = await import('../store/db');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed } = await import('./sync');
    const keys = await generateFeedKeys();
    const other = await signFeed(
      {
        sanadFeed: 1,
        feed: 'https://desk.example/drafts.json',
        publisher: { name: 'Desk' },
        generated: new Date().toISOString(),
        items: [],
        tombstones: [],
      },
      keys.privateKeyPkcs8,
      keys.publicKey,
    );
    const fetch = answering(JSON.stringify(other));
    const db = await openSanadDb();
    const feed = subscription(keys.publicKey, 'https://desk.example/feed.json');
    expect(await syncFeed(db, feed, { fetch, lists: storeWriter(db), now: () => 1 })).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/another address/),
    });
  });

  it('refuses a delta when it holds no starting point, keeping the list', async () => {
    const { openSanadDb } = await import('../store/db');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed } = await import('./sync');
    const keys = await generateFeedKeys();
    const body = JSON.stringify(
      await signFeed(
        {
          sanadFeed: 1,
          publisher: { name: 'Desk' },
          generated: new Date().toISOString(),
          items: [],
          tombstones: [],
          cursor: 'c9',
          delta: true,
        },
        keys.privateKeyPkcs8,
        keys.publicKey,
      ),
    );
    const fetch = answering(body);
    const db = await openSanadDb();
    const feed = subscription(keys.publicKey, 'https://desk.example/f.json', 'feed:x');
    expect(await syncFeed(db, feed, { fetch, lists: storeWriter(db), now: () => 1 })).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/without a starting point/),
    });
  });
});

describe('where a desk takes wrong-match reports', () => {
  it('keeps the address a signed feed names on its own origin, refuses another origin’s, and drops it when the feed stops naming it', async () => {
    const { openSanadDb } = await import('../store/db');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed } = await import('./sync');
    const keys = await generateFeedKeys();
    const item = {
      '@type': 'ClaimReview',
      identifier: 'intake-1',
      claimReviewed: 'A claim about a convoy video',
      reviewRating: { alternateName: 'False' },
      author: { name: 'Desk' },
      url: 'https://desk.example/1',
    };
    let sequence = 0;
    const publish = (extra: Record<string, unknown>) =>
      signFeed(
        {
          sanadFeed: 1,
          publisher: { name: 'Desk' },
          generated: new Date(Date.UTC(2026, 10, 1, 0, 0, ++sequence)).toISOString(),
          sequence,
          items: [item],
          ...extra,
        },
        keys.privateKeyPkcs8,
        keys.publicKey,
      );
    const db = await openSanadDb();
    const feed = subscription(keys.publicKey, 'https://desk.example/feed.json');
    await db.put('feeds', feed);
    const syncWith = async (extra: Record<string, unknown>) => {
      const body = JSON.stringify(await publish(extra));
      await syncFeed(db, (await db.get('feeds', feed.id))!, { fetch: answering(body), lists: storeWriter(db), now: () => sequence });
      return (await db.get('feeds', feed.id))!;
    };
    expect((await syncWith({ wrongMatches: 'https://desk.example/v1/wrong-matches' })).wrongMatchesUrl).toBe(
      'https://desk.example/v1/wrong-matches',
    );
    expect((await syncWith({ wrongMatches: 'https://collector.example/v1/wrong-matches' })).wrongMatchesUrl).toBeUndefined();
    expect((await syncWith({ wrongMatches: 'https://desk.example/v1/wrong-matches' })).wrongMatchesUrl).toBeDefined();
    expect((await syncWith({})).wrongMatchesUrl).toBeUndefined();
    // Not an address: the feed is refused, as for any malformed header field.
    const refused = await syncWith({ wrongMatches: 'javascript:alert(1)' });
    expect(refused.lastError).toMatch(/wrongMatches/);
  });
});
