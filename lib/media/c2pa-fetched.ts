/**
 * Content Credentials of the images the background already fetches to hash (posters, photos). Sanad's own
 * bounded reader looks at the bytes first; only a file it finds a manifest in goes to the official SDK (WASM,
 * loaded on first need), so an ordinary feed never loads it. Pure: the SDK is passed in as `verify`.
 */
import { readContentCredentials } from './c2pa';
import { summariseManifestStore, type VerifiedCredentials } from './c2pa-verified';

/** What the SDK said of one image a post shows; only images that carry a manifest get one. */
export interface ImageCredentials {
  url: string;
  verified: VerifiedCredentials;
}

export type CredentialVerifier = (bytes: Uint8Array, type: string) => Promise<VerifiedCredentials>;

/** Whether Sanad's own reader finds a C2PA manifest store in the bytes (JPEG APP11, PNG caBX, MP4 uuid). */
export function carriesManifest(bytes: Uint8Array): boolean {
  const found = readContentCredentials(bytes);
  return found.present || found.manifestCount > 0;
}

/** How long the SDK may take with one image before it is reported unreadable (a first load compiles its WASM). */
export const VERIFY_TIMEOUT_MS = 20_000;

/**
 * The SDK's verdict on an image's bytes, or `null` when the image carries no manifest (nothing to show:
 * absence proves nothing). A failing or slow SDK gives "unreadable", never "valid".
 */
export async function credentialsOfImage(
  bytes: Uint8Array,
  type: string,
  verify: CredentialVerifier,
  timeoutMs = VERIFY_TIMEOUT_MS,
): Promise<VerifiedCredentials | null> {
  if (!carriesManifest(bytes)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the Content Credentials check took over ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const verified = await Promise.race([verify(bytes, type), timeout]);
    // The SDK found no manifest where Sanad's reader saw one: it is the SDK that validates, so nothing to show.
    return verified.state === 'none' ? null : verified;
  } catch (error) {
    return summariseManifestStore(null, error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Why credentials are invalid, for the one line a person reads: the content changed, or the signature fails. */
export type InvalidReason = 'changed' | 'signature' | 'other';

export function invalidReason(c: VerifiedCredentials): InvalidReason {
  if (c.hashesValid === false) return 'changed';
  if (!c.signatureValid) return 'signature';
  return 'other';
}

/** The signer as the line names it: its common name, then its issuer (or nothing if the manifest names none). */
export function signerName(c: VerifiedCredentials): string | undefined {
  const parts = [c.signer?.commonName, c.signer?.issuer].filter((p): p is string => !!p);
  return parts.length ? [...new Set(parts)].join(', ') : undefined;
}
