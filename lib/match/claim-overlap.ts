/**
 * How a post's wording lines up with its best candidate's claim, beyond BM25's bag of words: whether it has
 * the claim's rarest words (what the claim is about, not its framing), and whether the claim has the post's
 * (a post whose own rare words are elsewhere is about something else). Inputs of the badge decision
 * (decide.ts); pure, computed for the best candidate only.
 */
import { stemOf } from './terms';

/** How many of each side's rarest stems are looked for on the other side. */
export const RARE_STEMS = 3;

export interface ClaimOverlap {
  /** Share of the claim's RARE_STEMS highest-IDF stems the post has (0…1). */
  rareShare: number;
  /** Share of the post's RARE_STEMS highest-IDF stems the claim has (0…1). */
  postRareShare: number;
}

/**
 * Share of the RARE_STEMS highest-IDF of `stems` that `other` has (ties broken by stem, so it is
 * deterministic). A running top three: no sort, no array per call beyond it.
 */
function shareOfRarest(stems: Iterable<string>, other: { has(stem: string): boolean }, idfOf: (stem: string) => number): number {
  const top: [string, number][] = [];
  for (const stem of stems) {
    const idf = idfOf(stem);
    let at = top.length;
    while (at > 0 && (top[at - 1]![1] < idf || (top[at - 1]![1] === idf && stem < top[at - 1]![0]))) at--;
    if (at >= RARE_STEMS) continue;
    top.splice(at, 0, [stem, idf]);
    if (top.length > RARE_STEMS) top.pop();
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
  return { rareShare: shareOfRarest(claim, postTerms, idfOf), postRareShare: shareOfRarest(postTerms.keys(), claim, idfOf) };
}
