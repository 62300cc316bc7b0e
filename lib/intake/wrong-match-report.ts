/**
 * A reader's "wrong match" report as it reaches a desk, when the reader ticked "Also tell <desk>": which of
 * the desk's debunks badged the wrong post, why, and that post's address. Nothing else about the reader.
 */
import { isWrongMatchReason, type WrongMatchReason } from '../wire/shapes';
import { readHttpUrl } from '../untrusted/read';

export interface WrongMatchReport {
  /** Chosen by the extension: a repeated delivery of the same report is stored once. */
  idempotencyKey: string;
  /** The desk feed's item id, as the card carries it. */
  debunkId: string;
  reason: WrongMatchReason;
  /** The post the debunk was wrongly shown on (its permalink or page address). */
  postUrl: string;
}

export const WRONG_MATCH_LIMITS = { bodyBytes: 4 * 1024, keyLength: 100, debunkIdLength: 200, urlLength: 2048 } as const;

export function checkWrongMatchReport(raw: unknown): { ok: true; value: WrongMatchReport } | { ok: false; errors: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['the report must be a JSON object'] };
  const r = raw as Record<string, unknown>;
  const errors: string[] = [];
  const known = new Set(['idempotencyKey', 'debunkId', 'reason', 'postUrl']);
  for (const key of Object.keys(r)) if (!known.has(key)) errors.push(`${key.slice(0, 40)}: not part of a report`);
  const key = r.idempotencyKey;
  if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,100}$/.test(key)) errors.push('idempotencyKey: 8–100 letters, digits or ._:-');
  const debunkId = r.debunkId;
  if (typeof debunkId !== 'string' || !debunkId.trim() || debunkId.length > WRONG_MATCH_LIMITS.debunkIdLength)
    errors.push(`debunkId: the debunk's id (at most ${WRONG_MATCH_LIMITS.debunkIdLength} characters)`);
  if (!isWrongMatchReason(r.reason)) errors.push('reason: not-repeated, refutes, other-media or other');
  const postUrl = typeof r.postUrl === 'string' && r.postUrl.length <= WRONG_MATCH_LIMITS.urlLength ? readHttpUrl(r.postUrl) : undefined;
  if (!postUrl) errors.push('postUrl: the post’s http(s) address');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      idempotencyKey: key as string,
      debunkId: (debunkId as string).trim(),
      reason: r.reason as WrongMatchReason,
      postUrl: postUrl!,
    },
  };
}
