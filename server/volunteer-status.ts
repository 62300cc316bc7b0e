/**
 * What a volunteer may learn about a submission they sent, and how they prove it is theirs without an account:
 * the service answers each delivery with a secret derived from the submission's id (an HMAC under a key only
 * the service holds), so a repeated delivery gets the same secret back and no secret is stored anywhere. The
 * answer names the stage and, once decided, the published link or the desk's reason: nothing about the
 * volunteer, the post or the reviewer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VolunteerStatus } from '../lib/intake/desk-status';
import type { StoredSubmission } from './store';

export const STATUS_SECRET_HEADER = 'x-sanad-status-secret';

export function statusSecret(key: string, submissionId: number): string {
  return createHmac('sha256', key).update(`submission-status:${submissionId}`).digest('base64url');
}

/** The secret that lets a reader withdraw their wrong-match report (the same key, another purpose). */
export function reportSecret(key: string, reportId: number): string {
  return createHmac('sha256', key).update(`wrong-match-report:${reportId}`).digest('base64url');
}

export function isReportSecret(key: string, reportId: number, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(reportSecret(key, reportId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time: a wrong secret takes as long to refuse whatever its first differing byte. */
export function isStatusSecret(key: string, submissionId: number, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(statusSecret(key, submissionId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `deskUrl`: what the feed links when a decision named no fact-check of its own (server/desk-feed.ts). */
export function volunteerStatus(submission: StoredSubmission, deskUrl: string | undefined): VolunteerStatus {
  switch (submission.status) {
    case 'pending':
      return { stage: submission.openedAt ? 'in-review' : 'received' };
    // Added to a debunk already published: the volunteer's post is badged by that one.
    case 'merged':
    case 'verified': {
      const url = submission.review?.factCheckUrl ?? deskUrl;
      return { stage: 'published', ...(url && { url }) };
    }
    case 'rejected':
      return { stage: 'rejected', ...(submission.review?.rejection && { reason: submission.review.rejection }) };
    case 'withdrawn':
      return { stage: 'withdrawn', ...(submission.review?.changed?.note && { reason: submission.review.changed.note }) };
  }
}
