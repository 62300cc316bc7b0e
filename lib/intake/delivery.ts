/**
 * What to do after an attempt to deliver a submission: pure rules, shared by the outbox and its tests.
 * Network failures, timeouts, 5xx, 408 and 429 are temporary (retry with backoff); any other 4xx is the
 * service refusing this submission (kept, marked rejected, with the service's reason); 2xx with the service's
 * receipt is delivered.
 */
import { isObject, readFiniteNumber, readString } from '../untrusted/read';

export type AttemptOutcome =
  | { kind: 'sent'; remoteId?: number; statusSecret?: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; reason: string };

/** The longest reason from the service that is kept with a submission. */
const MAX_REASON = 500;
/** A status secret longer than this is not the service's (it sends 43 characters). */
const MAX_SECRET = 128;

export function outcomeOf(status: number, body: unknown, retryAfterHeader?: string | null): AttemptOutcome {
  const answer = isObject(body) ? body : {};
  const reason = readString(answer.error, MAX_REASON) ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) {
    // Only the service's receipt means delivered: a captive portal or proxy also answers 200, with a page.
    const id = readFiniteNumber(answer.id);
    if (id === undefined)
      return { kind: 'retry', reason: `HTTP ${status}, but the answer is not the intake service's receipt (a network sign-in page?)` };
    const statusSecret =
      typeof answer.statusSecret === 'string' && answer.statusSecret.length <= MAX_SECRET
        ? readString(answer.statusSecret, MAX_SECRET)
        : undefined;
    return { kind: 'sent', remoteId: id, ...(statusSecret && { statusSecret }) };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const seconds = Number(retryAfterHeader);
    return { kind: 'retry', reason, ...(Number.isFinite(seconds) && seconds > 0 && { retryAfterMs: seconds * 1000 }) };
  }
  return { kind: 'rejected', reason };
}

/** 30 s, 1 min, 2 min … up to an hour between attempts; never gives up. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  const backoff = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.max(backoff, retryAfterMs ?? 0);
}
