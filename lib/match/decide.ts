/**
 * When a text match earns a badge. A wrong "debunked" badge on a true post is the worst failure Sanad can
 * have, so the bar is high, and very short posts (which match by accident) never pass on text alone.
 *
 * The evidence about the best candidate goes into a logistic model (shapes in decision-types.ts, weights in
 * decision-model.generated.ts, fitted on ../shared/eval dev data by `npm run fit-decision`, each script with its
 * own weights) and the post is badged when the model's log-odds reach 0. The fit places 0 where at most 1.6 % of posts would be badged if their
 * true debunk were missing and badge precision stays ≥ 0.96. Below the bar a match is "possibly related".
 *
 * Each script has two models: one that weighs the rivals (runner-up, third candidate), and one fitted without
 * them for lists too small for rivals to mean anything (a list of two has no rival for a loose match, which
 * would otherwise look clear). On those small lists the word evidence (coverages, weights, rarest stems) is
 * taken from the shipped background statistics alone (claim-overlap.ts, listFreeEvidence), not the list's:
 * an unrelated debunk added or removed then changes a decision only by becoming the best candidate.
 */
import { DECISION_MODEL } from './decision-model.generated';
import type { DecisionWeights, FeatureName, ScriptModels } from './decision-types';

export const DECISION = {
  /** Fewer content words than this never badge on text alone. */
  minWords: 4,
  /**
   * Below this many debunks the rivals (runner-up, third candidate) say little: few debunks share any word
   * with a post. The decision then goes without them; in a demo list of two a loose match has no rival and
   * would otherwise look clear.
   */
  minListForRivals: 1_000,
  /** Candidates under this coverage are not even listed as "possibly related". */
  minRelated: 0.3,
} as const;

export interface RivalEvidence {
  /** The strongest rival's BM25 score / the best one's: two equally close debunks mean an unclear match. */
  runnerUpRatio: number;
  /** The next rival's BM25 score / the best one's. A runner-up well ahead of the third is often a second
   * fact-check of the same claim, which makes the best one likelier right. */
  thirdRatio: number;
  /** The best one's n-gram similarity minus the highest among the rivals. */
  gramLead: number;
}

/** On lists under DECISION.minListForRivals the word features below are background-IDF shares and masses
 * (listFreeEvidence in claim-overlap.ts) in place of the list's BM25 figures. */
export interface TextEvidence {
  /** How much of the debunk's claim the post covers: BM25 score / the debunk's self-score, at most 1. */
  coverage: number;
  /** How much of the post (IDF mass of its words) the debunk covers: a post that only mentions the claim's
   * words in passing is about something else. */
  queryCoverage: number;
  /** Character n-gram similarity of post and claim (0…1). */
  gramSimilarity: number;
  /** What the other candidates say; null when the list is too small for rivals to mean anything. */
  rivals: RivalEvidence | null;
  /** Content words in the post. */
  postWords: number;
  /** The post's IDF mass in units of the rarest possible word: how much it says, comparable across lists. */
  postWeight: number;
  /** The debunk's self-score in the same units: how much its claim says. */
  debunkWeight: number;
  /** Share of the claim's rarest stems the post has (claim-overlap.ts): what the claim is about, not its framing. */
  rareShare: number;
  /** Share of the post's rarest stems the claim has: a post whose own rare words are elsewhere is about something else. */
  postRareShare: number;
  /** The post tells another event about the claim's doer and sufferer (roles.ts: roles swapped, the two side
   * by side, or none of what happened): never a badge, whatever the words share. */
  anotherEvent: boolean;
  arabic: boolean;
}

/** The model's inputs, unclamped (also as logs, whose effect shrinks as a quantity grows); no rivals → NaN. */
export function rawDecisionFeatures(e: TextEvidence): Record<FeatureName, number> {
  return {
    coverage: e.coverage,
    queryCoverage: e.queryCoverage,
    logCoverage: Math.log(e.coverage + 0.01),
    logQueryCoverage: Math.log(e.queryCoverage + 0.01),
    runnerUpRatio: e.rivals?.runnerUpRatio ?? NaN,
    thirdRatio: e.rivals?.thirdRatio ?? NaN,
    gramSimilarity: e.gramSimilarity,
    gramLead: e.rivals?.gramLead ?? NaN,
    logWords: Math.log(e.postWords + 1),
    logDebunkWeight: Math.log(Math.max(e.debunkWeight, 1e-3)),
    logPostWeight: Math.log(Math.max(e.postWeight, 1e-3)),
    rareShare: e.rareShare,
    postRareShare: e.postRareShare,
  };
}

/** The model that decides for `e`: of its script's shipped models, or of `models`. */
export function modelFor(e: TextEvidence, models: ScriptModels = e.arabic ? DECISION_MODEL.arabic : DECISION_MODEL.latin): DecisionWeights {
  return e.rivals ? models.withRivals : models.alone;
}

/** The model's log-odds that the best candidate is the post's claim; badges from 0 up. */
export function badgeLogOdds(e: TextEvidence, model: DecisionWeights = modelFor(e)): number {
  const features = rawDecisionFeatures(e);
  let sum = model.bias;
  for (const [name, weight] of Object.entries(model.weights) as [FeatureName, number][]) {
    const [low, high] = model.ranges[name] ?? [-Infinity, Infinity];
    sum += weight * Math.min(high, Math.max(low, features[name]));
  }
  return sum;
}

export function textMatchBadges(e: TextEvidence): boolean {
  if (e.postWords < DECISION.minWords || e.anotherEvent) return false;
  return badgeLogOdds(e) >= 0;
}
