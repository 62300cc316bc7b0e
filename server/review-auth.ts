/**
 * Who may use the desk console, and which form posts it takes. Reviewers log in once with their token (by POST
 * only); the service then gives the browser a random session id (only its hash is stored) that expires, and a
 * per-session token every form carries. A post is taken only when the browser says it came from the console's
 * own origin (`Sec-Fetch-Site`, `Origin`) and it carries that session's token: a cross-site page has neither.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'sanad_session';
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const hashToken = sha256;
export const randomId = () => randomBytes(32).toString('base64url');

/** Why a state-changing post is refused, or null. Tools that send neither header still need the session token. */
export function crossSiteRefusal(headers: { secFetchSite?: string; origin?: string }, publicOrigin: string): string | null {
  const { secFetchSite, origin } = headers;
  if (secFetchSite !== undefined && secFetchSite !== 'same-origin')
    return `cross-site form refused (Sec-Fetch-Site: ${secFetchSite.slice(0, 40)})`;
  if (origin !== undefined && origin !== publicOrigin)
    return `cross-site form refused (Origin: ${origin.slice(0, 100)}, expected ${publicOrigin})`;
  return null;
}

/** Constant-time comparison of the posted session token with the session's. */
export function sameToken(posted: unknown, expected: string): boolean {
  if (typeof posted !== 'string') return false;
  const a = Buffer.from(posted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The address a request came from: the socket's, or behind a trusted proxy the hop it appended last. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').pop()!.trim();
    if (last) return last.slice(0, 64);
  }
  return socketAddress ?? 'unknown';
}
