/**
 * What became of a delivered submission, as the intake service tells its volunteer (server/volunteer-status.ts),
 * and when the outbox asks again: pure rules shared by the service, the outbox and their tests.
 */
import { isObject, readCleanText, readHttpUrl } from '../untrusted/read';

export type VolunteerStage = 'received' | 'in-review' | 'published' | 'rejected' | 'withdrawn';
const STAGES: readonly VolunteerStage[] = ['received', 'in-review', 'published', 'rejected', 'withdrawn'];

export interface VolunteerStatus {
  stage: VolunteerStage;
  /** Published: the fact-check's address. */
  url?: string;
  /** Rejected or withdrawn: the desk's reason. */
  reason?: string;
}

/** After these the desk has decided: the outbox stops asking. */
export const isFinalStage = (stage: VolunteerStage): boolean => stage !== 'received' && stage !== 'in-review';

const MAX_REASON = 500;

/** The service's answer read as a status, or undefined when it is not one (a sign-in page, a broken proxy). */
export function readVolunteerStatus(body: unknown): VolunteerStatus | undefined {
  if (!isObject(body) || !STAGES.includes(body.stage as VolunteerStage)) return undefined;
  const stage = body.stage as VolunteerStage;
  const url = stage === 'published' ? readHttpUrl(body.url) : undefined;
  const reason = stage === 'rejected' || stage === 'withdrawn' ? readCleanText(body.reason, MAX_REASON) : undefined;
  return { stage, ...(url && { url }), ...(reason && { reason }) };
}

/** The first check a minute after delivery, then twice as long each time, up to six hours between checks. */
export function statusCheckDelayMs(checks: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, checks));
}

/** Status checks made in one outbox pass at most, the most overdue first: the rest wait for the next pass. */
export const STATUS_CHECKS_PER_PASS = 10;
