import { describe, expect, it } from 'vitest';
import { runInSlices } from '../scheduling/yield';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';
import { checkSanadFeed, FEED_LIMITS, parseSanadFeed } from './sanad-feed';
import { generateFeedKeys, signFeed, verifyFeed } from './signature';

const item = (id: string, claim = `claim ${id}`) => ({ '@type': 'ClaimReview', identifier: id, claimReviewed: claim, reviewRating: { alternateName: 'False' }, author: { name: 'Desk' } });
const feed = (overrides: Record<string, unknown> = {}) => ({
  sanadFeed: 1,
  publisher: { name: 'Test Desk', url: 'https://desk.example.org' },
  generated: '2026-11-24T10:00:00Z',
  items: [item('a'), item('b')],
  tombstones: [],
  ...overrides,
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: 'é' })).toBe('{"a":[{"c":null,"d":"x"}],"b":1,"e":"é"}');
  });
  it('gives the same bytes for the same content in another order', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":{"b":2,"a":1}}'))).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });
  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
  it('gives the same bytes in slices, pausing inside large arrays', async () => {
    const big = feed({ items: Array.from({ length: 4_321 }, (_, i) => item(`i${i}`, i % 2 ? `ادعاء ${i} “quoted”` : `claim ${i}`)), tombstones: [{ id: 'x', withdrawn: '2026-11-01' }, undefined], extra: undefined });
    let pauses = 0;
    const bytes = await canonicalJsonBytes(big, async () => void pauses++, 1_000);
    expect(new TextDecoder().decode(bytes)).toBe(canonicalJson(big));
    expect(pauses).toBe(5);
    const small = feed();
    expect(new TextDecoder().decode(await canonicalJsonBytes(small, async () => {}))).toBe(canonicalJson(small));
  });
});

describe('feed signatures (Ed25519, WebCrypto)', () => {
  it('verifies a signed feed against the pinned key', async () => {
    const keys = await generateFeedKeys();
    const signed = await signFeed(feed(), keys.privateKeyPkcs8, keys.publicKey);
    expect(await verifyFeed(signed, keys.publicKey)).toEqual({ ok: true });
    // Key order and whitespace do not matter: the bytes are canonical.
    expect(await verifyFeed(JSON.parse(JSON.stringify(signed, null, 2)), keys.publicKey)).toEqual({ ok: true });
  });

  it('rejects a feed changed after signing', async () => {
    const keys = await generateFeedKeys();
    const signed = await signFeed(feed(), keys.privateKeyPkcs8, keys.publicKey);
    const tampered = { ...signed, items: [item('a', 'a claim someone slipped in'), item('b')] };
    expect(await verifyFeed(tampered, keys.publicKey)).toEqual({ ok: false, reason: 'bad signature: the feed was changed after signing' });
  });

  it('rejects a feed signed with another key, even if it carries that key', async () => {
    const pinned = await generateFeedKeys();
    const attacker = await generateFeedKeys();
    const signed = await signFeed(feed(), attacker.privateKeyPkcs8, attacker.publicKey);
    expect((await verifyFeed(signed, pinned.publicKey)).ok).toBe(false);
    expect(await verifyFeed({ ...signed, signature: { ...signed.signature, publicKey: pinned.publicKey } }, pinned.publicKey)).toMatchObject({ ok: false, reason: /bad signature/ });
  });

  it('rejects unsigned feeds and unknown algorithms', async () => {
    const keys = await generateFeedKeys();
    expect(await verifyFeed(feed(), keys.publicKey)).toEqual({ ok: false, reason: 'the feed is not signed' });
    expect((await verifyFeed({ ...feed(), signature: { alg: 'RS256' } }, keys.publicKey)).ok).toBe(false);
  });
});

describe('checking a feed in slices', () => {
  it('pauses every thousand items and gives what parseSanadFeed gives', async () => {
    const body = JSON.stringify(feed({ items: Array.from({ length: 2_500 }, (_, i) => item(`i${i}`)), tombstones: [{ id: 'i7' }] }));
    let pauses = 0;
    const sliced = await runInSlices(checkSanadFeed(JSON.parse(body), 'feed:t'), async () => void pauses++);
    expect(pauses).toBe(2);
    expect(sliced).toEqual(parseSanadFeed(body, 'feed:t'));
    expect(sliced.ok && sliced.debunks).toHaveLength(2_499);
  });
});

describe('parseSanadFeed', () => {
  it('reads items, applies tombstones and reports the header', () => {
    const result = parseSanadFeed(JSON.stringify(feed({ items: [item('a'), item('b'), item('c')], tombstones: [{ id: 'b', withdrawn: '2026-11-23' }] })), 'desk');
    expect(result).toMatchObject({ ok: true, publisher: { name: 'Test Desk' }, generated: '2026-11-24T10:00:00.000Z', tombstones: ['b'], signed: false });
    expect(result.ok && result.debunks.map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('keeps the publisher link only when it is an http(s) URL', () => {
    const publisherUrl = (url: unknown) => {
      const result = parseSanadFeed(JSON.stringify(feed({ publisher: { name: 'Test Desk', url } })), 'desk');
      return result.ok ? result.publisher.url : 'refused';
    };
    expect(publisherUrl('https://desk.example.org/about')).toBe('https://desk.example.org/about');
    // The old check only looked at the prefix: these passed it and would have become the desk's link.
    expect(publisherUrl('https://')).toBeUndefined();
    expect(publisherUrl('https://desk example.org')).toBeUndefined();
    expect(publisherUrl('javascript:alert(1)')).toBeUndefined();
    expect(publisherUrl(42)).toBeUndefined();
  });

  it.each([
    ['truncated JSON', JSON.stringify(feed()).slice(0, 60), /not JSON/],
    ['a plain ClaimReview array', JSON.stringify([item('a')]), /not a Sanad feed/],
    ['another version', JSON.stringify(feed({ sanadFeed: 2 })), /version 1/],
    ['no publisher', JSON.stringify(feed({ publisher: {} })), /no publisher/],
    ['no generated time', JSON.stringify(feed({ generated: 'yesterday' })), /generated/],
    ['items not an array', JSON.stringify(feed({ items: {} })), /"items"/],
    ['mostly invalid items', JSON.stringify(feed({ items: [item('a'), { claimReviewed: '' }, 42] })), /2 of 3 items are unusable/],
    ['an oversized body', ' '.repeat(FEED_LIMITS.bytes + 1), /too large/],
  ])('refuses %s with a reason', (_, body, reason) => {
    const result = parseSanadFeed(body, 'desk');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('tolerates a few bad items and duplicate ids, and says which', () => {
    const items = [...Array.from({ length: 20 }, (_, i) => item(`i${i}`)), { claimReviewed: '' }, item('i3', 'corrected claim')];
    const result = parseSanadFeed(JSON.stringify(feed({ items })), 'desk');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.debunks).toHaveLength(20);
    expect(result.debunks.find((d) => d.id === 'i3')!.claim).toBe('corrected claim');
    expect(result.skipped.map((s) => s.reason)).toEqual(['no claimReviewed text', 'duplicate id i3 (the later item is kept)']);
  });
});

describe('incremental feeds (cursor)', () => {
  it('asks from the cursor, applies a delta (new items in, tombstoned out) and keeps the new cursor', async () => {
    const { openSanadDb } = await import('../store/db');
    const { listDebunks } = await import('../store/debunk-store');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed, feedRequestUrl } = await import('./sync');
    const keys = await generateFeedKeys();
    const item = (id: string, claim: string) => ({ '@type': 'ClaimReview', identifier: id, claimReviewed: claim, reviewRating: { alternateName: 'False' }, author: { name: 'Desk' }, url: `https://desk.example/${id}` });
    const doc = (extra: Record<string, unknown>, items: unknown[], tombstones: unknown[] = []) =>
      signFeed({ sanadFeed: 1, publisher: { name: 'Desk' }, generated: new Date().toISOString(), items, tombstones, ...extra }, keys.privateKeyPkcs8, keys.publicKey);
    const answers = [
      await doc({ cursor: 'c1' }, [item('a', 'Claim A about a convoy video'), item('b', 'Claim B about a bridge video')]),
      await doc({ cursor: 'c2', delta: true }, [item('c', 'Claim C about a market video')], [{ id: 'a', withdrawn: '2026-11-24' }]),
    ];
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof globalThis.fetch;
    const db = await openSanadDb();
    const feed = { id: 'feed:https://desk.example/feed.json', url: 'https://desk.example/feed.json', kind: 'sanad' as const, publicKey: keys.publicKey, count: 0, addedAt: 0 };
    await db.put('feeds', feed);
    expect(await syncFeed(db, feed, { fetch, now: () => 1 })).toMatchObject({ status: 'updated', count: 2 });
    const after = (await db.get('feeds', feed.id))!;
    expect(after.cursor).toBe('c1');
    expect(feedRequestUrl(after)).toBe('https://desk.example/feed.json?since=c1');
    expect(await syncFeed(db, after, { fetch, now: () => 2 })).toMatchObject({ status: 'updated', count: 2 });
    expect(asked).toEqual(['https://desk.example/feed.json', 'https://desk.example/feed.json?since=c1']);
    expect((await listDebunks(db, feed.id)).map((d) => d.id).sort()).toEqual(['b', 'c']);
    expect((await db.get('feeds', feed.id))!.cursor).toBe('c2');
  });

  it('refuses a delta when it holds no starting point, keeping the list', async () => {
    const { openSanadDb } = await import('../store/db');
    const { generateFeedKeys, signFeed } = await import('./signature');
    const { syncFeed } = await import('./sync');
    const keys = await generateFeedKeys();
    const body = JSON.stringify(await signFeed({ sanadFeed: 1, publisher: { name: 'Desk' }, generated: new Date().toISOString(), items: [], tombstones: [], cursor: 'c9', delta: true }, keys.privateKeyPkcs8, keys.publicKey));
    const fetch = (async () => new Response(body, { headers: { 'content-type': 'application/json' } })) as unknown as typeof globalThis.fetch;
    const db = await openSanadDb();
    const feed = { id: 'feed:x', url: 'https://desk.example/f.json', kind: 'sanad' as const, publicKey: keys.publicKey, count: 0, addedAt: 0 };
    expect(await syncFeed(db, feed, { fetch, now: () => 1 })).toMatchObject({ status: 'failed', reason: expect.stringMatching(/without a starting point/) });
  });
});
