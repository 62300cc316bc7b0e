import { describe, expect, it } from 'vitest';
import { feed, item } from '@/tests/unit/support/feeds';
import { generateFeedKeys, signFeed, verifyFeed } from './signature';

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
    expect(
      await verifyFeed({ ...signed, signature: { ...signed.signature, publicKey: pinned.publicKey } }, pinned.publicKey),
    ).toMatchObject({ ok: false, reason: /bad signature/ });
  });

  it('rejects unsigned feeds and unknown algorithms', async () => {
    const keys = await generateFeedKeys();
    expect(await verifyFeed(feed(), keys.publicKey)).toEqual({ ok: false, reason: 'the feed is not signed' });
    expect((await verifyFeed({ ...feed(), signature: { alg: 'RS256' } }, keys.publicKey)).ok).toBe(false);
  });
});
