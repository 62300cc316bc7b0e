/**
 * How a post's wording lines up with its best candidate's claim, beyond BM25's bag of words: whether it has
 * the claim's rarest words (what the claim is about, not its framing), and whether the claim has the post's
 * (a post whose own rare words are elsewhere is about something else). Inputs of the badge decision
 * (decide.ts); pure, computed for the best candidate only.
 */
import { stemOf } from './terms';
import { BACKGROUND_LIST, backgroundDf, idfOf } from './background';

/**
 * How many of the claim's and of the post's rarest stems are looked for on the other side. Chosen by
 * cross-validated English recall at the same bar (claim 3: 0.504–0.520, 2: 0.513–0.528, 1: 0.500–0.508; both 5:
 * 0.492–0.504); the model for small lists lost recall with the post's 2 (0.360–0.363 → 0.349–0.356).
 */
export const RARE_STEMS = { claim: 2, post: 3 } as const;

export interface ClaimOverlap {
  /** Share of the claim's RARE_STEMS.claim highest-IDF stems the post has (0…1). */
  rareShare: number;
  /** Share of the post's RARE_STEMS.post highest-IDF stems the claim has (0…1). */
  postRareShare: number;
}

/**
 * Share of the `k` highest-IDF of `stems` that `other` has (ties broken by stem, so it is
 * deterministic). A running top k: no sort, no array per call beyond it.
 */
function shareOfRarest(stems: Iterable<string>, other: { has(stem: string): boolean }, idfOf: (stem: string) => number, k: number): number {
  const top: [string, number][] = [];
  for (const stem of stems) {
    const idf = idfOf(stem);
    let at = top.length;
    while (at > 0 && (top[at - 1]![1] < idf || (top[at - 1]![1] === idf && stem < top[at - 1]![0]))) at--;
    if (at >= k) continue;
    top.splice(at, 0, [stem, idf]);
    if (top.length > k) top.pop();
  }
  return top.length ? top.filter(([stem]) => other.has(stem)).length / top.length : 0;
}

/**
 * `postTerms` are the post's stems (PostText.terms), `claimWords` the index's normalised claim-and-headline
 * words; `idfOf` gives a stem's IDF in the list (unknown stems weigh most).
 */
export function claimOverlap(
  postTerms: ReadonlyMap<string, number>,
  claimWords: readonly string[],
  idfOf: (stem: string) => number,
): ClaimOverlap {
  const claim = new Set<string>();
  for (const word of claimWords) {
    const stem = stemOf(word);
    if (stem) claim.add(stem);
  }
  return {
    rareShare: shareOfRarest(claim, postTerms, idfOf, RARE_STEMS.claim),
    postRareShare: shareOfRarest(postTerms.keys(), claim, idfOf, RARE_STEMS.post),
  };
}

/** A stem's IDF among BACKGROUND_LIST documents of ordinary language alone: the same on every list. */
export const backgroundIdf = (stem: string) => idfOf(backgroundDf(stem), BACKGROUND_LIST);

/** The IDF of a stem ordinary language does not know, in the same units. */
export const BACKGROUND_MAX_IDF = idfOf(0, BACKGROUND_LIST);

/** The decision's word evidence taken from the background alone (see listFreeEvidence). */
export interface ListFreeEvidence extends ClaimOverlap {
  /** Background-IDF mass of the claim's stems the post has / of all the claim's stems. */
  coverage: number;
  /** Background-IDF mass of the post's stems the claim has / of all the post's stems. */
  queryCoverage: number;
  /** The post's background-IDF mass in units of BACKGROUND_MAX_IDF. */
  postWeight: number;
  /** The claim's, likewise. */
  debunkWeight: number;
}

/**
 * On a small list the list's own document frequencies, even blended with the background, move with every
 * debunk added: 100 unrelated fact-checks make "video", "shows", "claims" common and shrink the gold debunk's
 * BM25 self-score, so a post badged on a list of two lost its badge on a list of 102 (26 of 27 such flips on
 * clef-en dev). Here every weight is the stem's background IDF, which no list changes: the decision for a given
 * best candidate depends on the post and that debunk only. Sets of stems, not BM25 (no term frequency, no
 * length norm: both would bring the list's average length back in).
 */
export function listFreeEvidence(postTerms: ReadonlyMap<string, number>, claimWords: readonly string[]): ListFreeEvidence {
  const claim = new Set<string>();
  for (const word of claimWords) {
    const stem = stemOf(word);
    if (stem) claim.add(stem);
  }
  let claimMass = 0;
  let claimShared = 0;
  for (const stem of claim) {
    const idf = backgroundIdf(stem);
    claimMass += idf;
    if (postTerms.has(stem)) claimShared += idf;
  }
  let postMass = 0;
  let postShared = 0;
  for (const stem of postTerms.keys()) {
    const idf = backgroundIdf(stem);
    postMass += idf;
    if (claim.has(stem)) postShared += idf;
  }
  return {
    coverage: claimMass ? claimShared / claimMass : 0,
    queryCoverage: postMass ? postShared / postMass : 0,
    postWeight: postMass / BACKGROUND_MAX_IDF,
    debunkWeight: claimMass / BACKGROUND_MAX_IDF,
    rareShare: shareOfRarest(claim, postTerms, backgroundIdf, RARE_STEMS.claim),
    postRareShare: shareOfRarest(postTerms.keys(), claim, backgroundIdf, RARE_STEMS.post),
  };
}
