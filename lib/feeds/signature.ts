/**
 * Ed25519 signatures of Sanad feeds with WebCrypto (browsers and Node alike). The signature covers the
 * canonical JSON of the whole feed except its `signature` field, so any change to items, tombstones,
 * publisher or time breaks it.
 */
import { fromBase64, toBase64 } from '../text/base64';
import { yieldToEventLoop, type Pause } from '../scheduling/yield';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';
import { isObject } from '../untrusted/read';

export interface FeedSignature {
  alg: 'Ed25519';
  /** Base64 of the 32-byte raw public key that verifies it (pinned by subscribers on first add). */
  publicKey: string;
  /** Base64 of the 64-byte signature. */
  value: string;
}

const ED25519 = { name: 'Ed25519' } as const;

/** The bytes a feed's signature covers. */
export function signedBytes(feed: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...rest } = feed;
  return new TextEncoder().encode(canonicalJson(rest)) as Uint8Array<ArrayBuffer>;
}

export async function generateFeedKeys(): Promise<{ privateKeyPkcs8: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    privateKeyPkcs8: toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
  };
}

export async function signFeed<T extends Record<string, unknown>>(
  feed: T,
  privateKeyPkcs8: string,
  publicKey: string,
): Promise<T & { signature: FeedSignature }> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKeyPkcs8), ED25519, false, ['sign']);
  const value = toBase64(await crypto.subtle.sign(ED25519, key, signedBytes(feed)));
  return { ...feed, signature: { alg: 'Ed25519', publicKey, value } };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Verifies a feed against the publisher key pinned when it was added (never the key the feed carries). The
 * signed bytes are built in slices: a 100,000-item feed never holds up the worker for long.
 */
export async function verifyFeed(
  feed: Record<string, unknown>,
  pinnedPublicKey: string,
  pause: Pause = yieldToEventLoop,
): Promise<SignatureCheck> {
  if (!isObject(feed.signature)) return { ok: false, reason: 'the feed is not signed' };
  const signature = feed.signature as Partial<FeedSignature>;
  // Named only when it is text: String() of a parsed `{"toString": 1}` throws.
  const alg: unknown = signature.alg;
  if (alg !== 'Ed25519')
    return { ok: false, reason: `unsupported signature algorithm ${typeof alg === 'string' ? alg.slice(0, 40) : typeof alg}` };
  if (signature.publicKey !== pinnedPublicKey)
    return { ok: false, reason: 'the feed is signed with a different key than the one pinned for this publisher' };
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(pinnedPublicKey), ED25519, false, ['verify']);
    const { signature: _signature, ...rest } = feed;
    const valid = await crypto.subtle.verify(
      ED25519,
      key,
      fromBase64(typeof signature.value === 'string' ? signature.value : ''),
      await canonicalJsonBytes(rest, pause),
    );
    return valid ? { ok: true } : { ok: false, reason: 'bad signature: the feed was changed after signing' };
  } catch (error) {
    return { ok: false, reason: `signature not checkable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
