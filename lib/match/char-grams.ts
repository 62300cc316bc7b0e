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

  /** Counts the grams of normalised words joined by single spaces (see `words` in normalise.ts). */
  fill(text: string): void {
    const length = Math.min(text.length, GRAM_TEXT_LIMIT);
    for (let i = 0; i < length; i++) codes[i + 1] = text.charCodeAt(i);
    this.countCodes(length);
  }

  /** The same for text stored as UTF-8 in bytes[from … to): decoded to the UTF-16 units `fill` reads. */
  fillUtf8(bytes: Uint8Array, from: number, to: number): void {
    let length = 0;
    for (let i = from; i < to && length < GRAM_TEXT_LIMIT;) {
      const b = bytes[i]!;
      let c: number;
      if (b < 0x80) {
        c = b;
        i += 1;
      } else if (b < 0xe0) {
        c = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
        i += 2;
      } else if (b < 0xf0) {
        c = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
        i += 3;
      } else {
        // Outside the BMP: two UTF-16 units, as the string held them.
        const cp = (((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
        i += 4;
        codes[++length] = 0xd800 + (cp >> 10);
        if (length >= GRAM_TEXT_LIMIT) break;
        c = 0xdc00 + (cp & 0x3ff);
      }
      codes[++length] = c;
    }
    this.countCodes(length);
  }

  /** Counts the grams of codes[1 … length] between two padding spaces. */
  private countCodes(length: number): void {
    this.clear();
    codes[0] = 32;
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
 * All documents' normalised texts as UTF-8 in one byte array: document d is bytes[offsets[d] … offsets[d+1]).
 * One array, not 100,000 strings, for memory and for a woken worker's start; bytes, not one joined string,
 * because one Arabic letter anywhere makes V8 store a joined string at two bytes per character throughout,
 * and IndexedDB hands bytes back without decoding.
 */
export interface GramTexts {
  bytes: Uint8Array;
  offsets: Int32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Builds GramTexts one document at a time, in a byte arena that grows by doubling. */
export class GramTextsBuilder {
  private bytes: Uint8Array;
  private readonly offsets: number[] = [0];
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + extra));
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }

  /** Adds the next document's text. */
  add(text: string): void {
    this.reserve(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
    this.size += encoder.encodeInto(text, this.bytes.subarray(this.size)).written;
    this.offsets.push(this.size);
  }

  /** Adds documents from … to-1 of `other` as they are. */
  addFrom(other: GramTexts, from: number, to: number): void {
    const start = other.offsets[from]!;
    const end = other.offsets[to]!;
    this.reserve(end - start);
    this.bytes.set(other.bytes.subarray(start, end), this.size);
    for (let d = from + 1; d <= to; d++) this.offsets.push(this.size + other.offsets[d]! - start);
    this.size += end - start;
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** The texts, in arrays of their exact size. */
  finish(): GramTexts {
    return { bytes: this.bytes.slice(0, this.size), offsets: Int32Array.from(this.offsets) };
  }
}

export function joinGramTexts(texts: readonly string[]): GramTexts {
  const builder = new GramTextsBuilder();
  for (const text of texts) builder.add(text);
  return builder.finish();
}

/** Document d's text as a string. */
export function gramText(all: GramTexts, d: number): string {
  return decoder.decode(all.bytes.subarray(all.offsets[d], all.offsets[d + 1]));
}

/** Cosine similarity of the post's grams with each document's, in order. */
export function gramSimilarities(postWords: string, all: GramTexts, docs: readonly number[]): number[] {
  post.fill(postWords);
  let postNorm = 0;
  for (let i = 0; i < post.size; i++) postNorm += weight(post.counts[post.used[i]!]!) ** 2;
  return docs.map((d) => {
    if (!postNorm) return 0;
    doc.fillUtf8(all.bytes, all.offsets[d]!, all.offsets[d + 1]!);
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
