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

import { NEVER_DUE, type SliceClock } from '../scheduling/slice-clock';
import { runAtOnce } from '../scheduling/yield';

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

  /** The same for document d of word-coded texts, decoded word by word with single spaces between. */
  fillWords(all: WordTexts, d: number): void {
    const { units, offsets } = all.words;
    const codeBytes = all.codes;
    let length = -1; // the first word has no space before it
    for (let i = all.offsets[d]!, end = all.offsets[d + 1]!; i < end && length < GRAM_TEXT_LIMIT;) {
      let word = codeBytes[i++]!;
      if (word >= 0x80) {
        word &= 0x7f;
        for (let shift = 7; ; shift += 7) {
          const b = codeBytes[i++]!;
          word |= (b & 0x7f) << shift;
          if (b < 0x80) break;
        }
      }
      if (length >= 0) codes[++length] = 32;
      else length = 0;
      // The word's UTF-16 units as they are, copied in a loop (a subarray per word would allocate).
      let u = offsets[word]!;
      const to = Math.min(offsets[word + 1]!, u + GRAM_TEXT_LIMIT - length);
      while (u < to) codes[++length] = units[u++]!;
    }
    if (length < 0) length = 0;
    this.countCodes(length);
  }

  /**
   * The same for document d, from each word's grams as `cache` has them: grams never span two words, so a
   * text's grams, in order, are its words' grams (each word between its two spaces) one word after another.
   * A text longer than GRAM_TEXT_LIMIT is cut inside a word: that one is read as fillWords reads it.
   */
  fillWordsCached(all: WordTexts, d: number, cache: WordGrams): void {
    const { offsets } = all.words;
    const codeBytes = all.codes;
    let count = 0;
    let length = -1;
    for (let i = all.offsets[d]!, end = all.offsets[d + 1]!; i < end;) {
      let word = codeBytes[i++]!;
      if (word >= 0x80) {
        word &= 0x7f;
        for (let shift = 7; ; shift += 7) {
          const b = codeBytes[i++]!;
          word |= (b & 0x7f) << shift;
          if (b < 0x80) break;
        }
      }
      length += 1 + offsets[word + 1]! - offsets[word]!;
      if (length > GRAM_TEXT_LIMIT) return this.fillWords(all, d);
      docWords[count++] = word;
    }
    this.clear();
    for (let k = 0; k < count; k++) {
      const word = docWords[k]!;
      let at = cache.start[word]!;
      if (at < 0) at = cache.learn(all.words, word);
      for (const to = cache.start[word]! + cache.count[word]!; at < to; at++) this.add(cache.pool[at]!);
    }
  }

  /** Counts the grams of codes[1 … length] between two padding spaces. */
  private countCodes(length: number): void {
    this.clear();
    const n = hashGrams(length);
    for (let i = 0; i < n; i++) this.add(hashes[i]!);
  }
}

const codes = new Uint16Array(GRAM_TEXT_LIMIT + 2);
const hashes = new Int32Array(GRAM_TEXT_LIMIT + 2);
// A document's word numbers (a text within GRAM_TEXT_LIMIT has at most that many words).
const docWords = new Int32Array(GRAM_TEXT_LIMIT + 1);

/** The hashes of the grams of codes[1 … length] between two padding spaces, in order, into `hashes`; how many. */
function hashGrams(length: number): number {
  codes[0] = 32;
  codes[length + 1] = 32;
  let n = 0;
  for (let start = 0; start <= length; start++) {
    // A space opens the next word's grams and closes the previous word's: grams never span two words.
    let h = 0x811c9dc5;
    const stop = Math.min(start + GRAM, length + 2);
    for (let end = start; end < stop; end++) {
      const c = codes[end]!;
      h = Math.imul(h ^ c, 0x01000193);
      if (end - start + 1 === GRAM) hashes[n++] = h;
      if (c === 32 && end > start) break;
    }
  }
  return n;
}

/**
 * Each word's gram hashes, worked out the first time a re-ranked candidate has the word: re-ranking then
 * costs a table insert per gram instead of copying and hashing every character four times. Grows with
 * the words candidates have had, at most the word table's size in grams (one per character, plus one).
 */
export class WordGrams {
  /** Word → its first hash in `pool` (−1: not worked out yet), and how many it has. */
  readonly start: Int32Array;
  readonly count: Int32Array;
  pool = new Int32Array(1 << 12);
  private size = 0;

  constructor(wordCount: number) {
    this.start = new Int32Array(wordCount).fill(-1);
    this.count = new Int32Array(wordCount);
  }

  /** Works out word w's hashes; where they start in `pool`. */
  learn(table: WordTable, w: number): number {
    let length = 0;
    for (let u = table.offsets[w]!, end = table.offsets[w + 1]!; u < end && length < GRAM_TEXT_LIMIT; u++)
      codes[++length] = table.units[u]!;
    const n = hashGrams(length);
    if (this.size + n > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.size + n));
      grown.set(this.pool.subarray(0, this.size));
      this.pool = grown;
    }
    this.pool.set(hashes.subarray(0, n), this.size);
    this.start[w] = this.size;
    this.count[w] = n;
    this.size += n;
    return this.start[w]!;
  }
}

const wordGrams = new WeakMap<WordTable, WordGrams>();
/** The gram cache of a word table (one per index; dropped with it). */
function wordGramsOf(table: WordTable): WordGrams {
  let cache = wordGrams.get(table);
  if (!cache) wordGrams.set(table, (cache = new WordGrams(table.offsets.length - 1)));
  return cache;
}

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

/** Distinct words as UTF-16 units (what the gram counter reads, copied as they are): word w is units[offsets[w] … offsets[w + 1]). */
export interface WordTable {
  units: Uint16Array;
  offsets: Int32Array;
}

function wordOf(table: WordTable, w: number): string {
  const units = table.units.subarray(table.offsets[w], table.offsets[w + 1]);
  if (units.length <= 1024) return String.fromCharCode(...units);
  // A very long word in pieces: a spread of it all could pass more arguments than the stack holds.
  let out = '';
  for (let i = 0; i < units.length; i += 1024) out += String.fromCharCode(...units.subarray(i, i + 1024));
  return out;
}

/**
 * Texts coded by word: a table of the distinct words and, per document, its words'
 * numbers as LEB128 varints (7 bits a byte: one byte below 128, two below 16,384, three below 2,097,152).
 * Document d is codes[offsets[d] … offsets[d + 1]); its text is its words joined by single spaces. At
 * 1,000,000 debunks claim and headline words are ~20 a document: ~2 bytes each instead of ~7.
 */
export interface WordTexts {
  words: WordTable;
  codes: Uint8Array;
  offsets: Int32Array;
}

/**
 * Builds WordTexts one document at a time. Started from `base`, it keeps base's word table (numbers stay
 * valid, so base's documents are copied as bytes) and reads the table into a word → number map only when
 * a new document comes: a woken worker holds no map of its words.
 */
export class WordTextsBuilder {
  private units = new Uint16Array(1 << 12);
  private unitCount = 0;
  private readonly wordOffsets: number[] = [0];
  private numbers: Map<string, number> | null = null;
  private codes = new Uint8Array(1 << 16);
  private readonly offsets: number[] = [0];
  private size = 0;

  constructor(private readonly base?: WordTexts) {
    if (base) {
      this.units = base.words.units.slice();
      this.unitCount = this.units.length;
      this.wordOffsets = Array.from(base.words.offsets);
    }
  }

  private addWord(word: string): void {
    if (this.unitCount + word.length > this.units.length) {
      const grown = new Uint16Array(Math.max(this.units.length * 2, this.unitCount + word.length));
      grown.set(this.units.subarray(0, this.unitCount));
      this.units = grown;
    }
    for (let i = 0; i < word.length; i++) this.units[this.unitCount++] = word.charCodeAt(i);
    this.wordOffsets.push(this.unitCount);
  }

  /**
   * Reads base's word table into the word → number map, yielding when `clock` is due: at 100,000 debunks
   * that is 22,000 words and took 22–28 ms in one piece (where an update starts tokenising). Call before
   * the first `add` of a sliced job; `add` reads the table at once otherwise.
   */
  *prepare(clock: SliceClock): Generator<void, void> {
    if (this.numbers) return;
    const numbers = new Map<string, number>();
    const table = this.base?.words;
    if (table) {
      // All words as one string, then a slice per word: a String.fromCharCode of each word's units was 1 µs a word.
      let all = '';
      for (let i = 0; i < table.units.length; i += 1024) {
        all += String.fromCharCode(...table.units.subarray(i, i + 1024));
        if ((i & 0xffff) === 0 && clock.due()) yield;
      }
      for (let w = 0; w < table.offsets.length - 1; w++) {
        numbers.set(all.slice(table.offsets[w], table.offsets[w + 1]), w);
        if ((w & 0x3ff) === 0 && clock.due()) yield;
      }
    }
    this.numbers = numbers;
  }

  private numberOf(word: string): number {
    if (!this.numbers) runAtOnce(this.prepare(NEVER_DUE));
    const numbers = this.numbers!;
    let n = numbers.get(word);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(word, n);
      this.addWord(word);
    }
    return n;
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.codes.length) return;
    const grown = new Uint8Array(Math.max(this.codes.length * 2, this.size + extra));
    grown.set(this.codes.subarray(0, this.size));
    this.codes = grown;
  }

  /** Adds the next document's text (words joined by single spaces, as `words` in normalise.ts gives them). */
  add(text: string): void {
    // split, not words(): the text comes back exactly, an empty word (a trailing space) included.
    const words = text ? text.split(' ') : [];
    this.reserve(words.length * 5);
    for (const word of words) {
      let n = this.numberOf(word);
      while (n >= 0x80) {
        this.codes[this.size++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      this.codes[this.size++] = n;
    }
    this.offsets.push(this.size);
  }

  /** Adds documents from … to-1 of the base texts as they are. */
  addFrom(other: WordTexts, from: number, to: number): void {
    if (other !== this.base) throw new Error('WordTextsBuilder.addFrom: documents of another word table');
    const start = other.offsets[from]!;
    const end = other.offsets[to]!;
    this.reserve(end - start);
    this.codes.set(other.codes.subarray(start, end), this.size);
    for (let d = from + 1; d <= to; d++) this.offsets.push(this.size + other.offsets[d]! - start);
    this.size += end - start;
  }

  finish(): WordTexts {
    const words = { units: this.units.slice(0, this.unitCount), offsets: Int32Array.from(this.wordOffsets) };
    return { words, codes: this.codes.slice(0, this.size), offsets: Int32Array.from(this.offsets) };
  }
}

export function joinWordTexts(texts: readonly string[]): WordTexts {
  const builder = new WordTextsBuilder();
  for (const text of texts) builder.add(text);
  return builder.finish();
}

// Each word table's words as strings, made the first time a candidate's claim is read (twice a post).
const wordStrings = new WeakMap<WordTable, Map<number, string>>();
function cachedWordOf(table: WordTable, w: number): string {
  let strings = wordStrings.get(table);
  if (!strings) wordStrings.set(table, (strings = new Map()));
  let word = strings.get(w);
  if (word === undefined) strings.set(w, (word = wordOf(table, w)));
  return word;
}

/** Document d's text as a string. */
export function wordText(all: WordTexts, d: number): string {
  const out: string[] = [];
  for (let i = all.offsets[d]!, end = all.offsets[d + 1]!; i < end;) {
    let word = 0;
    for (let shift = 0; ; shift += 7) {
      const b = all.codes[i++]!;
      word |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    out.push(cachedWordOf(all.words, word));
  }
  return out.join(' ');
}

/**
 * Cosine similarity of the post's grams with each document's, in order. `cached`: grams from each word's
 * cached hashes (the same grams in the same order, so the same figures to the last bit; false reads the
 * texts character by character, as a test's reference).
 */
export function gramSimilarities(postWords: string, all: WordTexts, docs: readonly number[], cached = true): number[] {
  post.fill(postWords);
  let postNorm = 0;
  for (let i = 0; i < post.size; i++) postNorm += weight(post.counts[post.used[i]!]!) ** 2;
  const cache = wordGramsOf(all.words);
  return docs.map((d) => {
    if (!postNorm) return 0;
    if (cached) doc.fillWordsCached(all, d, cache);
    else doc.fillWords(all, d);
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
