/**
 * When a text match earns a badge. A wrong "debunked" badge on a true post is the worst failure Sanad can
 * have, so the bar is high, and short posts (which match by accident) never pass on text alone.
 *
 * The evidence for the best candidate is summed into one confidence:
 *   coverage       how much of the debunk's claim the post covers (BM25 score / the debunk's self-score)
 *   queryCoverage  how much of the post (IDF mass of its words) the debunk covers: a long post that only
 *                  mentions the claim's words in passing is about something else
 *   margin         coverage lead over the runner-up: two equally close debunks mean an unclear match
 * Thresholds were chosen on ../shared/eval dev data (`npm run eval`) for badge precision ≥ 0.95 with at most
 * ~2 % of posts badged when their true debunk is missing. Arabic gets its own bar: the Arabic list holds many
 * near-duplicate fact-checks, so the same confidence means less there.
 */
export const DECISION = {
  /** Fewer content words than this never badge on text alone. */
  minWords: 4,
  /** Posts with fewer content words than this need `shortPostExtra` more confidence. */
  shortPostWords: 8,
  shortPostExtra: 0.2,
  minConfidence: { latin: 0.9, arabic: 1.25 },
  /** Candidates under this coverage are not even listed as "possibly related". */
  minRelated: 0.3,
} as const;

export interface TextEvidence {
  coverage: number;
  queryCoverage: number;
  /** coverage − the runner-up's coverage. */
  margin: number;
  postWords: number;
  arabic: boolean;
}

export function confidence(e: Pick<TextEvidence, 'coverage' | 'queryCoverage' | 'margin'>): number {
  return e.coverage + e.queryCoverage + e.margin;
}

export function textMatchBadges(e: TextEvidence): boolean {
  if (e.postWords < DECISION.minWords) return false;
  const bar = (e.arabic ? DECISION.minConfidence.arabic : DECISION.minConfidence.latin) + (e.postWords < DECISION.shortPostWords ? DECISION.shortPostExtra : 0);
  return confidence(e) >= bar;
}
