/**
 * Character n-gram similarity between a post and debunks, used to re-rank the best BM25 candidates.
 * Grams of 4 characters inside each word padded with a space at both ends (" حلب", "حلب ", "capt", …) match
 * words that stemming leaves apart: Arabic clitics and spellings the folding does not unify, compounds,
 * typos, words run together. (3–5-letter grams scored the same on the dev sets at three times the cost.)
 * Weights are 1 + ln(count) and vectors are L2-normalised, so the similarity is a cosine in 0…1.
 *
 * Runs for every post against ~10 candidates, so it allocates nothing per call: grams are hashed (FNV-1a)
 * into open-addressing tables that are reused, and emptied by bumping a generation stamp.
 */

const GRAM = 4;
/** Texts are read up to this many characters: a 50 KB post costs no more than a long tweet. */
export const GRAM_TEXT_LIMIT = 2_000;
const CAPACITY = 1 << 14; // > 2 × the grams of GRAM_TEXT_LIMIT characters: probing stays short
const MASK = CAPACITY - 1;

/** A reusable gram → count table. */
class GramCounts {
  readonly keys = new Int32Array(CAPACITY);
  readonly counts = new Int32Array(CAPACITY);
  private readonly stamps = new Uint32Array(CAPACITY);
  private generation = 0;
  /** Slots in use, in first-seen order. */
  readonly used = new Int32Array(CAPACITY);
  size = 0;

  clear(): void {
    this.generation++;
    this.size = 0;
  }

  add(key: number): void {
    let slot = Math.imul(key, 0x9e3779b1) >>> 18; // top 14 bits of a multiplicative hash
    while (this.stamps[slot] === this.generation && this.keys[slot] !== key) slot = (slot + 1) & MASK;
    if (this.stamps[slot] !== this.generation) {
      this.stamps[slot] = this.generation;
      this.keys[slot] = key;
      this.counts[slot] = 0;
      this.used[this.size++] = slot;
    }
    this.counts[slot]!++;
  }

  /** The count of `key` (0 when absent). */
  count(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 18;
    while (this.stamps[slot] === this.generation) {
      if (this.keys[slot] === key) return this.counts[slot]!;
      slot = (slot + 1) & MASK;
    }
    return 0;
  }

  /** Counts the grams of normalised words joined by single spaces (see `words` in normalise.ts): `text`, or
   * its part from `from` to `to`. */
  fill(text: string, from = 0, to = text.length): void {
    this.clear();
    const length = Math.min(to - from, GRAM_TEXT_LIMIT);
    // The text's character codes between two padding spaces.
    codes[0] = 32;
    for (let i = 0; i < length; i++) codes[i + 1] = text.charCodeAt(from + i);
    codes[length + 1] = 32;
    for (let start = 0; start <= length; start++) {
      // A space opens the next word's grams and closes the previous word's: grams never span two words.
      let h = 0x811c9dc5;
      const stop = Math.min(start + GRAM, length + 2);
      for (let end = start; end < stop; end++) {
        const c = codes[end]!;
        h = Math.imul(h ^ c, 0x01000193);
        if (end - start + 1 === GRAM) this.add(h);
        if (c === 32 && end > start) break;
      }
    }
  }
}

const codes = new Uint16Array(GRAM_TEXT_LIMIT + 2);
const weight = (count: number) => (count === 1 ? 1 : 1 + Math.log(count));
const post = new GramCounts();
const doc = new GramCounts();

/**
 * All documents' normalised texts in one string: document d is texts[offsets[d] … offsets[d+1]) (one string
 * and one array, not 100,000 strings, for memory and for a woken worker's start).
 */
export interface GramTexts {
  texts: string;
  offsets: Int32Array;
}

export function joinGramTexts(texts: readonly string[]): GramTexts {
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((text, d) => (offsets[d + 1] = offsets[d]! + text.length));
  return { texts: texts.join(''), offsets };
}

/** Cosine similarity of the post's grams with each document's, in order. */
export function gramSimilarities(postWords: string, all: GramTexts, docs: readonly number[]): number[] {
  post.fill(postWords);
  let postNorm = 0;
  for (let i = 0; i < post.size; i++) postNorm += weight(post.counts[post.used[i]!]!) ** 2;
  return docs.map((d) => {
    if (!postNorm) return 0;
    doc.fill(all.texts, all.offsets[d], all.offsets[d + 1]);
    let docNorm = 0;
    let dot = 0;
    for (let i = 0; i < doc.size; i++) {
      const slot = doc.used[i]!;
      const w = weight(doc.counts[slot]!);
      docNorm += w * w;
      const shared = post.count(doc.keys[slot]!);
      if (shared) dot += w * weight(shared);
    }
    return docNorm ? Math.min(1, dot / Math.sqrt(postNorm * docNorm)) : 0;
  });
}
