import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { FEED_LIMITS, parseSanadFeed } from './sanad-feed';
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

describe('parseSanadFeed', () => {
  it('reads items, applies tombstones and reports the header', () => {
    const result = parseSanadFeed(JSON.stringify(feed({ items: [item('a'), item('b'), item('c')], tombstones: [{ id: 'b', withdrawn: '2026-11-23' }] })), 'desk');
    expect(result).toMatchObject({ ok: true, publisher: { name: 'Test Desk' }, generated: '2026-11-24T10:00:00.000Z', tombstones: ['b'], signed: false });
    expect(result.ok && result.debunks.map((d) => d.id)).toEqual(['a', 'c']);
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
