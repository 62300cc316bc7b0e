/**
 * When a text match earns a badge. A wrong "debunked" badge on a true post is the worst failure Sanad can
 * have, so the bar is high and short posts (which match by accident) need more. Calibrated on
 * ../shared/eval (see `npm run eval`); below the bar a match is only "possibly related".
 */
export const DECISION = {
  /** Share of the debunk's claim (BM25 self-score) the post must cover. */
  minCoverage: 0.5,
  /** Posts shorter than this many content words need the higher bar below. */
  shortPostWords: 8,
  minCoverageShort: 0.7,
  /** Fewer content words than this never badge on text alone. */
  minWords: 4,
  /** The best match must lead the runner-up by this share of its own score. */
  minLead: 0.1,
  /** Candidates under this coverage are not even listed as possibly related. */
  minRelated: 0.2,
} as const;

export interface TextEvidence {
  coverage: number;
  /** (best − runner-up) / best, in raw score. */
  lead: number;
  postWords: number;
}

export function textMatchBadges(e: TextEvidence): boolean {
  if (e.postWords < DECISION.minWords) return false;
  const bar = e.postWords < DECISION.shortPostWords ? DECISION.minCoverageShort : DECISION.minCoverage;
  return e.coverage >= bar && e.lead >= DECISION.minLead;
}
