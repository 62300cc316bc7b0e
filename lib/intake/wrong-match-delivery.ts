/**
 * A reader's wrong-match report on its way to the desk that published the debunk (only when they ticked
 * "Also tell <desk>"), and its undo: pure rules shared by the outbox and its tests. What is sent is exactly
 * the service's report shape (lib/intake/wrong-match-report.ts): the debunk's id, the reason and the post's
 * address. Never the post's text, the page's other posts, or anything about the reader.
 */
import { outcomeOf, type AttemptOutcome } from './delivery';
import { checkWrongMatchReport, type WrongMatchReport } from './wrong-match-report';
import { isObject, readHttpUrl, readString } from '../untrusted/read';
import type { WrongMatchReason } from '../wire/shapes';

/** The service sends 43 characters; anything much longer is not its secret. */
const MAX_SECRET = 128;

/**
 * Where a desk feed takes reports: the address its signed header names, accepted only on the feed's own origin,
 * so "Also tell <desk>" never sends to a third party the feed points at.
 */
export function wrongMatchEndpoint(feedUrl: string, advertised: unknown): string | undefined {
  const endpoint = readHttpUrl(advertised);
  if (!endpoint) return undefined;
  try {
    const url = new URL(endpoint);
    if (url.origin !== new URL(feedUrl).origin || url.search || url.hash) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The report as it will be sent: the post's permalink, or the page's address when the site gave none. Undefined
 * when the service would refuse it (no http(s) address), so nothing unsendable is queued.
 */
export function deskReportFor(input: {
  idempotencyKey: string;
  debunkId: string;
  reason: WrongMatchReason;
  permalink?: string;
  pageUrl?: string;
}): WrongMatchReport | undefined {
  const postUrl = readHttpUrl(input.permalink) ?? readHttpUrl(input.pageUrl);
  const checked = checkWrongMatchReport({
    idempotencyKey: input.idempotencyKey,
    debunkId: input.debunkId,
    reason: input.reason,
    postUrl,
  });
  return checked.ok ? checked.value : undefined;
}

export type ReportOutcome = Exclude<AttemptOutcome, { kind: 'sent' }> | { kind: 'sent'; remoteId: number; withdrawSecret: string };

/**
 * After `POST /v1/wrong-matches`: the same rules as a submission's (5xx, 408, 429 and network failures retry;
 * another 4xx is the desk refusing it), and delivered only with the receipt: the report's id and its secret.
 */
export function reportOutcomeOf(status: number, body: unknown, retryAfterHeader?: string | null): ReportOutcome {
  const outcome = outcomeOf(status, body, retryAfterHeader);
  if (outcome.kind !== 'sent') return outcome;
  const secret =
    isObject(body) && typeof body.withdrawSecret === 'string' && body.withdrawSecret.length <= MAX_SECRET
      ? readString(body.withdrawSecret, MAX_SECRET)
      : undefined;
  if (outcome.remoteId === undefined || !secret)
    return { kind: 'retry', reason: `HTTP ${status}, but the answer is not the desk's receipt for a report` };
  return { kind: 'sent', remoteId: outcome.remoteId, withdrawSecret: secret };
}

export type WithdrawOutcome =
  { kind: 'done' } | { kind: 'retry'; reason: string; retryAfterMs?: number } | { kind: 'rejected'; reason: string };

/**
 * After `DELETE /v1/wrong-matches/:id`: 2xx is done, and so is 404 (the desk holds no such report any more:
 * nothing is left to take back). Temporary failures retry; another 4xx is kept with the desk's reason.
 */
export function withdrawOutcomeOf(status: number, body: unknown, retryAfterHeader?: string | null): WithdrawOutcome {
  if ((status >= 200 && status < 300) || status === 404) return { kind: 'done' };
  const outcome = outcomeOf(status, body, retryAfterHeader);
  return outcome.kind === 'sent' ? { kind: 'done' } : outcome;
}
