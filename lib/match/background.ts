/**
 * Background term statistics: a list of a few debunks (the bundled demo list, a user's few subscriptions)
 * says almost nothing about how common a word is, and BM25 weights taken from it alone change whenever an
 * unrelated debunk comes or goes. A list shorter than BACKGROUND_LIST is weighed as if it were that long:
 * the missing documents count with the document frequencies of ordinary language, shipped per language in
 * background-terms.generated.ts (`npm run background-terms`). Longer lists use their own statistics only.
 */
import { BACKGROUND_DF } from './background-terms.generated';
import { BACKGROUND_LIST } from './background-size';

export { BACKGROUND_LIST };

/**
 * The length (weighted term count) a background document counts with in BM25's average: close to the mean
 * debunk of the CLEF lists (English 20.7, Arabic 19.1 in the index's units), so weights on a small list sit
 * where they would on a big one.
 */
export const BACKGROUND_LENGTH = 20;

let table: Map<string, number> | null = null;

/** The stem's expected document frequency among BACKGROUND_LIST debunks of ordinary language (0 when rare). */
export function backgroundDf(stem: string): number {
  if (!table) {
    table = new Map();
    for (const [df, stems] of Object.entries(BACKGROUND_DF)) for (const s of stems.split(' ')) table.set(s, Number(df));
  }
  return table.get(stem) ?? 0;
}

/** How many background documents a list of `n` debunks is weighed with. */
export const backgroundDocs = (n: number) => Math.max(0, BACKGROUND_LIST - n);

/** BM25's IDF of a term in `df` of `n` documents. */
export const idfOf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** A term's IDF in a list of `n` debunks of which `df` have it, blended with the background. */
export function blendedIdf(stem: string, df: number, n: number): number {
  const extra = backgroundDocs(n);
  return extra ? idfOf(df + (backgroundDf(stem) * extra) / BACKGROUND_LIST, n + extra) : idfOf(df, n);
}
