/**
 * How a post's wording lines up with its best candidate's claim, beyond BM25's bag of words: whether it has
 * the claim's rarest words (what the claim is about, not its framing), and whether the claim has the post's
 * (a post whose own rare words are elsewhere is about something else). Inputs of the badge decision
 * (decide.ts); pure, computed for the best candidate only.
 */
import { stemOf } from './terms';

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
