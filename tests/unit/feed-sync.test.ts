import { storeWriter } from './support/list-writer';
/**
 * Feed sync against a local HTTP server that misbehaves on request: every fault keeps the last good list,
 * records the reason, and a good update replaces the list atomically.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isStale, syncFeed } from '@/lib/feeds/sync';
import { generateFeedKeys, signFeed } from '@/lib/feeds/signature';
import { allDebunks } from '@/lib/store/debunk-store';
import { openSanadDb, type FeedRecord, type SanadDb } from '@/lib/store/db';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
let keys: { privateKeyPkcs8: string; publicKey: string };
let db: SanadDb;

const item = (id: string, claim = `claim ${id}`) => ({
  '@type': 'ClaimReview',
  identifier: id,
  claimReviewed: claim,
  reviewRating: { alternateName: 'False' },
  author: { name: 'Desk' },
});
/** Each publication a second after the one before, as a publisher's clock would have it. */
let published = 0;
const feedDoc = (items: unknown[], tombstones: unknown[] = []) => ({
  sanadFeed: 1,
  publisher: { name: 'Desk' },
  generated: new Date(Date.UTC(2026, 10, 24, 10, 0, published++)).toISOString(),
  items,
  tombstones,
});
const signed = async (items: unknown[], tombstones: unknown[] = [], key = keys) =>
  JSON.stringify(await signFeed(feedDoc(items, tombstones), key.privateKeyPkcs8, key.publicKey));
const serve =
  (body: string, headers: Record<string, string> = {}, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

const feed = (): FeedRecord => ({
  id: 'feed:test',
  url: `${base}/feed.json`,
  kind: 'sanad',
  publicKey: keys.publicKey,
  count: 0,
  addedAt: 0,
});
const deps = { fetch, now: () => 1_000, timeoutMs: 500 };
const ids = async () => (await allDebunks(db)).map((d) => d.id).sort();
const sync = async () => syncFeed(db, (await db.get('feeds', 'feed:test')) ?? feed(), { ...deps, lists: storeWriter(db) });

beforeAll(async () => {
  keys = await generateFeedKeys();
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(async () => {
  db = await openSanadDb();
  await db.put('feeds', feed());
  handler = serve(await signed([item('a'), item('b')]), { etag: '"v1"' });
  expect(await sync()).toEqual({ status: 'updated', count: 2, skipped: 0 });
});

describe('syncFeed against a server that misbehaves', () => {
  it('stores the list and the feed state, then sends conditional requests and accepts 304', async () => {
    expect(await ids()).toEqual(['a', 'b']);
    expect(await db.get('feeds', 'feed:test')).toMatchObject({ etag: '"v1"', lastSuccess: 1_000, count: 2, publisher: 'Desk' });
    let sent: string | undefined;
    handler = (req, res) => {
      sent = req.headers['if-none-match'] as string;
      res.writeHead(304).end();
    };
    expect(await sync()).toEqual({ status: 'not-modified' });
    expect(sent).toBe('"v1"');
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('applies updates and tombstones (withdrawn debunks disappear)', async () => {
    handler = serve(await signed([item('a'), item('c')], [{ id: 'a', withdrawn: '2026-11-24' }]));
    expect(await sync()).toMatchObject({ status: 'updated', count: 1 });
    expect(await ids()).toEqual(['c']);
  });

  it('refuses an older signed feed sent again after a newer one withdrew an item (a replay)', async () => {
    const before = await signed([item('a'), item('c')]);
    const after = await signed([item('c')], [{ id: 'a', withdrawn: '2026-11-24' }]);
    handler = serve(before);
    await sync();
    handler = serve(after);
    await sync();
    expect(await ids()).toEqual(['c']);
    handler = serve(before); // a stale cache, a mirror, or the host itself
    expect(await sync()).toMatchObject({ status: 'failed', reason: expect.stringMatching(/older feed.*replay/) });
    expect(await ids()).toEqual(['c']);
    expect((await db.get('feeds', 'feed:test'))?.lastError).toMatch(/replay/);
  });

  it("never lets one feed's tombstones withdraw another feed's debunks (cross-feed tombstones)", async () => {
    const otherKeys = await generateFeedKeys();
    const other: FeedRecord = { ...feed(), id: 'feed:other', url: `${base}/other.json`, publicKey: otherKeys.publicKey };
    await db.put('feeds', other);
    // The other feed's host withdraws "b", an id that only feed:test published, and publishes its own "a".
    const otherBody = await signed([item('a', 'the other desk’s claim')], [{ id: 'b', withdrawn: '2026-11-24' }], otherKeys);
    handler = serve(otherBody);
    expect(await syncFeed(db, other, { ...deps, lists: storeWriter(db) })).toMatchObject({ status: 'updated', count: 1 });
    const held = (await allDebunks(db)).map((d) => `${d.source}:${d.id}`).sort();
    expect(held).toEqual(['feed:other:a', 'feed:test:a', 'feed:test:b']);
    // And the other way round: feed:test withdrawing "a" leaves the other feed's "a" alone.
    handler = serve(await signed([item('b')], [{ id: 'a', withdrawn: '2026-11-24' }]));
    await sync();
    expect((await allDebunks(db)).map((d) => `${d.source}:${d.id}`).sort()).toEqual(['feed:other:a', 'feed:test:b']);
  });

  const faults: [string, () => Promise<Handler> | Handler, RegExp][] = [
    ['HTTP 500', () => serve('oops', {}, 500), /HTTP 500/],
    ['a timeout', () => (_req, res) => void setTimeout(() => res.end(), 2_000), /timed out/],
    ['truncated JSON', async () => serve((await signed([item('x')])).slice(0, 80)), /not JSON/],
    ['a wrong content type', async () => serve(await signed([item('x')]), { 'content-type': 'text/html' }), /wrong content type/],
    ['an oversized body', () => serve('{}', { 'content-length': String(200 * 1024 * 1024) }), /too large/],
    ['a bad signature', async () => serve((await signed([item('x')])).replace('claim x', 'claim y')), /bad signature/],
    ['a key change', async () => serve(await signed([item('x')], [], await generateFeedKeys())), /different key/],
    ['an unsigned feed', () => serve(JSON.stringify(feedDoc([item('x')]))), /not signed/],
    ['mostly invalid items', async () => serve(await signed([item('x'), { claimReviewed: '' }, 42])), /unusable/],
  ];

  it.each(faults)('keeps the last good list on %s, and records why', async (_, make, reason) => {
    handler = await make();
    const outcome = await sync();
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toMatch(reason);
    expect(await ids()).toEqual(['a', 'b']);
    const state = await db.get('feeds', 'feed:test');
    expect(state!.lastError).toMatch(reason);
    expect(state!.lastSuccess).toBe(1_000);
  });

  it('reads plain ClaimReview URLs (unsigned) and tolerates duplicate ids', async () => {
    await db.put('feeds', { ...feed(), id: 'feed:test', kind: 'claimreview', publicKey: undefined });
    handler = serve(JSON.stringify([item('p'), item('q'), item('p', 'p corrected')]), { 'content-type': 'application/ld+json' });
    expect(await sync()).toMatchObject({ status: 'updated', count: 2 });
    expect((await allDebunks(db)).find((d) => d.id === 'p')!.claim).toBe('p corrected');
  });

  it('flags a feed whose last success is too old', () => {
    expect(isStale({ ...feed(), lastSuccess: 0 }, 25 * 3_600_000, 24 * 3_600_000)).toBe(true);
    expect(isStale({ ...feed(), lastSuccess: 2 * 3_600_000 }, 25 * 3_600_000, 24 * 3_600_000)).toBe(false);
  });
});
