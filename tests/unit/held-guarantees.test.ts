/**
 * What the outside audit tried and found held (issue #16, "Held"), pinned at the sizes it tried: a change
 * that lets any of it through fails here, not in a later audit. Feed parser and signature side; the
 * service's side (XSS under CSP, CSRF, SQL, CORS) is in server/app.test.ts and the messaging side in
 * lib/background/background.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { importClaimReviews } from '@/lib/debunk/claimreview';
import { canonicalJson } from '@/lib/feeds/canonical-json';
import { parseFeedJson, parseSanadFeed } from '@/lib/feeds/sanad-feed';
import { generateFeedKeys, signFeed, verifyFeed } from '@/lib/feeds/signature';
import {
  acceptedContent,
  assertPrototypeClean,
  FIXED_SEED,
  FUZZ_PROPERTIES,
  nestedJson,
  runFuzzProperty,
  signed,
} from '@/tests/fuzz/properties';
import { feed, item } from '@/tests/unit/support/feeds';

/** A small seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('held: signed feeds', () => {
  it('accepts none of 2,000 byte-mutated signed feeds with changed content', async () => {
    const fixture = await signed();
    const next = random(FIXED_SEED);
    let changedAccepted = 0;
    let refused = 0;
    for (let n = 0; n < 2_000; n++) {
      const bytes = fixture.bytes.slice();
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      const accepted = await acceptedContent(new TextDecoder().decode(bytes), fixture.publicKey);
      if (accepted === undefined) refused++;
      else if (accepted !== fixture.canonical) changedAccepted++;
    }
    expect(changedAccepted).toBe(0);
    // Nearly all are refused; the rest changed only what the signature does not cover (spacing, key spelling).
    expect(refused).toBeGreaterThan(1_900);
  }, 120_000);

  it('refuses every truncation of a signed feed', async () => {
    const fixture = await signed();
    const acceptedAt: number[] = [];
    for (let length = 0; length < fixture.body.length; length++)
      if ((await acceptedContent(fixture.body.slice(0, length), fixture.publicKey)) !== undefined) acceptedAt.push(length);
    expect(acceptedAt).toEqual([]); // of all fixture.body.length cuts (the audit's feed had 1,171 bytes; this one under 800)
    expect(await acceptedContent(fixture.body, fixture.publicKey)).toBe(fixture.canonical);
  }, 120_000);

  it('keeps good items or refuses with a reason across 2,000 structurally fuzzed feeds', async () => {
    const property = FUZZ_PROPERTIES.find((p) => p.name.startsWith('feed parser: structurally fuzzed'))!;
    const result = await runFuzzProperty(property, 2_000, FIXED_SEED);
    expect(result.failure).toBeUndefined();
    expect(result.numRuns).toBe(2_000);
  }, 120_000);

  it('reads other spellings of the same JSON as the same content, and refuses __proto__ added to it', async () => {
    const fixture = await signed();
    const doc = JSON.parse(fixture.body) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const spellings = [
      JSON.stringify(doc, null, 2),
      JSON.stringify(reordered),
      fixture.body.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      fixture.body.replace('"sequence":7', '"sequence":7.0'),
      fixture.body.replace('"sequence":7', '"sequence":70e-1'),
      fixture.body.replace('"sanadFeed":1', '"sanadFeed":1,"sanadFeed":1'),
    ];
    for (const body of spellings) expect(await acceptedContent(body, fixture.publicKey)).toBe(fixture.canonical);

    for (const at of ['{', '"publisher":{', '"items":[{', '"signature":{'])
      for (const value of ['{"polluted":1}', '{"sanadFeed":2}', 'null', '[]']) {
        const body = fixture.body.replace(at, `${at}"__proto__":${value},`);
        const accepted = await acceptedContent(body, fixture.publicKey);
        if (at !== '"signature":{')
          expect(accepted).toBeUndefined(); // inside the signature it changes nothing signed
        else expect([undefined, fixture.canonical]).toContain(accepted);
        assertPrototypeClean();
      }
  });

  it('refuses nesting 10⁶ deep cleanly, in arrays and objects', async () => {
    const fixture = await signed();
    for (const kind of ['array', 'object'] as const) {
      const deep = nestedJson(1_000_000, kind);
      const body = fixture.body.replace('"items":[', `"items":[${deep},`);
      expect(await acceptedContent(body, fixture.publicKey)).toBeUndefined();
      const unsigned = parseSanadFeed(body, 'feed:deep');
      expect(unsigned.ok === false || unsigned.debunks.length <= 3).toBe(true);
      expect(importClaimReviews(`[${deep}]`, 'file:deep').debunks).toEqual([]);
      expect(parseFeedJson(deep)).toBeDefined();
    }
  }, 120_000);
});

describe('held: the nine key and signature cases', async () => {
  const pinned = await generateFeedKeys();
  const other = await generateFeedKeys();
  const good = await signFeed(feed(), pinned.privateKeyPkcs8, pinned.publicKey);
  const otherFeed = await signFeed(feed({ items: [item('z')] }), pinned.privateKeyPkcs8, pinned.publicKey);
  const byOther = await signFeed(feed(), other.privateKeyPkcs8, other.publicKey);
  const cases: [string, Record<string, unknown>, RegExp | null][] = [
    ['the pinned key over the same content', good, null],
    ['content changed after signing', { ...good, items: [item('a', 'slipped in')] }, /bad signature/],
    ['another key, carrying that key', byOther, /different key/],
    [
      'another key, claiming the pinned one',
      { ...byOther, signature: { ...byOther.signature, publicKey: pinned.publicKey } },
      /bad signature/,
    ],
    ['no signature', feed(), /not signed/],
    ['another algorithm', { ...good, signature: { ...good.signature, alg: 'RS256' } }, /unsupported signature algorithm/],
    ['an algorithm that is an object', { ...good, signature: JSON.parse('{"alg":{"toString":1}}') }, /unsupported signature algorithm/],
    ['a value that is no signature', { ...good, signature: { ...good.signature, value: 'not base64!' } }, /not checkable|bad signature/],
    ["another feed's signature by the same key", { ...good, signature: otherFeed.signature }, /bad signature/],
  ];
  it.each(cases)('%s', async (_, doc, refusal) => {
    const check = await verifyFeed(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>, pinned.publicKey);
    if (refusal === null) expect(check).toEqual({ ok: true });
    else expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(refusal) });
  });

  it('signs canonical bytes: the same content in any order verifies', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
});
