/**
 * A post's image credentials as the badge panel gets them: the SDK's verdict reduced to plain, bounded fields
 * (no manifest JSON, no image address), so the content script renders words, never the file's own structure.
 */
import { invalidReason, signerName, type ImageCredentials } from '../media/c2pa-fetched';
import type { VerifiedCredentials } from '../media/c2pa-verified';
import type { PageCredentials } from './shapes';

const MAX_CODES = 8;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One verdict as plain fields; `null` for "none" (no credentials: nothing to say, absence proves nothing). */
export function pageCredentialsOf(c: VerifiedCredentials): PageCredentials | null {
  if (c.state === 'none') return null;
  const signer = signerName(c);
  const base = { ...(signer && { signer: cut(signer, 200) }), signerTrusted: c.signerTrusted };
  if (c.state === 'unreadable') return { state: 'unreadable', ...base, ...(c.error && { error: cut(c.error, 300) }) };
  if (c.state === 'invalid') {
    const codes = [...new Set(c.failures.map((f) => cut(f.code, 100)))].slice(0, MAX_CODES);
    return { state: 'invalid', ...base, reason: invalidReason(c), failureCodes: codes };
  }
  // 'trusted' is valid with a signer on a trust list: the wording says which through `signerTrusted`.
  return { state: 'valid', ...base, sourceKind: c.sourceKind };
}

/** The credentials of a badged post's images for its page answer (an image without any is not named). */
export function pageCredentials(list: readonly ImageCredentials[] | undefined): PageCredentials[] {
  return (list ?? []).flatMap((c) => pageCredentialsOf(c.verified) ?? []);
}
