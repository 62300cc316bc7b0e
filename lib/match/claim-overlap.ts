/**
 * How a post's wording lines up with its best candidate's claim, beyond BM25's bag of words: whether it has
 * the claim's rarest words (what the claim is about, not its framing), its word pairs (its key phrase), and
 * its figures. Inputs of the badge decision (decide.ts); pure, computed for the best candidate only.
 */
import { stemOf } from './terms';

/** How many of the claim's rarest stems `rareShare` looks for. */
export const RARE_STEMS = 3;

export interface ClaimOverlap {
  /** Share of the claim's RARE_STEMS highest-IDF stems the post has (0…1). */
  rareShare: number;
  /** Share of the post's RARE_STEMS highest-IDF stems the claim has: a post whose own rare words are elsewhere is about something else. */
  postRareShare: number;
  /** Share of the claim's adjacent content-stem pairs the post has as adjacent pairs too (0…1). */
  pairShare: number;
  /** +1 when post and claim share a figure, −1 when both have figures and share none, else 0. */
  figures: number;
  /** The claim's content stems (its length, for the post's relative length). */
  claimStems: number;
}

const FIGURE = /^\d+$/;

/** Content stems in text order (stop words dropped, so pairs bridge them as an index would). */
function stemSequence(normalisedWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of normalisedWords) {
    const stem = stemOf(word);
    if (stem) out.push(stem);
  }
  return out;
}

/** Share of the RARE_STEMS highest-IDF of `stems` (distinct) that `other` has; ties by stem, so it is deterministic. */
function shareOfRarest(stems: readonly string[], other: ReadonlySet<string>, idfOf: (stem: string) => number): number {
  const rare = stems
    .map((stem) => [stem, idfOf(stem)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, RARE_STEMS);
  return rare.length ? rare.filter(([stem]) => other.has(stem)).length / rare.length : 0;
}

const pairsOf = (stems: readonly string[]) => {
  const pairs = new Set<string>();
  for (let i = 1; i < stems.length; i++) pairs.add(`${stems[i - 1]} ${stems[i]}`);
  return pairs;
};

/**
 * `postWords` and `claimWords` are normalised words (PostText.words, the index's claim-and-headline text)
 * split on spaces; `idfOf` gives a stem's IDF in the list (unknown stems weigh most).
 */
export function claimOverlap(postWords: readonly string[], claimWords: readonly string[], idfOf: (stem: string) => number): ClaimOverlap {
  const post = stemSequence(postWords);
  const claim = stemSequence(claimWords);
  const postSet = new Set(post);
  const distinct = [...new Set(claim)];
  const claimSet = new Set(claim);
  const rareShare = shareOfRarest(distinct, postSet, idfOf);
  const postRareShare = shareOfRarest([...postSet], claimSet, idfOf);
  const claimPairs = pairsOf(claim);
  const postPairs = pairsOf(post);
  let sharedPairs = 0;
  for (const pair of claimPairs) if (postPairs.has(pair)) sharedPairs++;
  const claimFigures = new Set(distinct.filter((s) => FIGURE.test(s)));
  const postFigures = [...postSet].filter((s) => FIGURE.test(s));
  const figures = !claimFigures.size || !postFigures.length ? 0 : postFigures.some((f) => claimFigures.has(f)) ? 1 : -1;
  return { rareShare, postRareShare, pairShare: claimPairs.size ? sharedPairs / claimPairs.size : 0, figures, claimStems: distinct.length };
}
