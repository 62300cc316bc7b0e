/**
 * Lookup of frame hashes across every debunk's media fingerprints. Whole frames are stored once, upright
 * (video.ts), so a mirrored or rotated query costs one lookup more per nearby upright choice, not seven. A 256-bit hash within distance 31 of
 * another agrees exactly, or but for one bit, on at least one of its sixteen 16-bit words (pigeonhole:
 * 16 words × 2 differing bits would be 32), so each word indexes the entries and a query probes each of
 * its words and their 16 one-bit neighbours, then checks the full distance. The same decision as
 * compareVideos, without comparing against every stored frame.
 */
import type { MediaFingerprint } from '../debunk/types';
import { NEVER_DUE, type SliceClock } from '../scheduling/slice-clock';
import { runAtOnce } from '../scheduling/yield';
import {
  frameHashes,
  lookupHashes,
  uniqueFrames,
  videoDecision,
  VIDEO_MATCH,
  PLAIN_PDQ_SLOT,
  UPRIGHT_SLOT,
  CENTRE_SLOT,
  type FrameHash,
  type VideoComparison,
} from './video';

/** Plain typed arrays, stored with the text index. */
export interface MediaIndexData {
  /** Entry e's hash is words[16e … 16e+16], word 0 = the hash's lowest 16 bits. */
  words: Uint16Array;
  docs: Int32Array;
  /**
   * 0: the trimmed whole frame as it is (only for frames written without an upright hash); 1–4: its halves;
   * 5: plain PDQ; 6: the trimmed whole frame upright; 7: its centres. Only equal slots are compared.
   */
  slots: Uint8Array;
  /** Whole second of the reference frame, for the share of the reference that was seen. */
  seconds: Int32Array;
  /** Per document: how many distinct seconds its fingerprints cover (0: no media). */
  docSeconds: Int32Array;
  /**
   * Per document: 1 when it has stored frames with a whole-frame or plain PDQ hash but no upright one (written
   * before it, or imported from a plain PDQ list): queries look up all their turns while any document has.
   * Per document, not one count, so an index update that drops documents keeps it exact. Absent in indexes
   * persisted before it: then any slot-0 entry counts.
   */
  docUnturned?: Uint8Array;
}

export interface MediaMatch extends VideoComparison {
  doc: number;
}

export function hexToWords(hex: string, into = new Uint16Array(16), at = 0): Uint16Array {
  for (let w = 0; w < 16; w++) into[at + w] = parseInt(hex.slice((15 - w) * 4, (15 - w) * 4 + 4), 16);
  return into;
}

export function buildMediaIndex(docMedia: readonly (readonly MediaFingerprint[] | undefined)[]): MediaIndexData {
  return runAtOnce(mediaIndexBuilder(docMedia, NEVER_DUE));
}

/** buildMediaIndex as steps that yield whenever `clock` is due (the text index's build shares its clock). */
export function* mediaIndexBuilder(
  docMedia: readonly (readonly MediaFingerprint[] | undefined)[],
  clock: SliceClock,
): Generator<void, MediaIndexData> {
  const words: number[] = [];
  const docs: number[] = [];
  const slots: number[] = [];
  const seconds: number[] = [];
  const docSeconds = new Int32Array(docMedia.length);
  const docUnturned = new Uint8Array(docMedia.length);
  const scratch = new Uint16Array(16);
  for (let doc = 0; doc < docMedia.length; doc++) {
    if (clock.due()) yield;
    const media = docMedia[doc];
    const covered = new Set<number>();
    for (const fingerprint of media ?? []) {
      for (const frame of uniqueFrames(fingerprint.frames)) {
        covered.add(Math.floor(frame.t));
        const stored = frameHashes(frame);
        // An upright hash stands for the whole frame in every orientation, the one as it is included.
        if (stored[UPRIGHT_SLOT]) stored[0] = null;
        else if (stored[0] || stored[PLAIN_PDQ_SLOT]) docUnturned[doc] = 1;
        const add = (hash: string, slot: number) => {
          hexToWords(hash, scratch);
          words.push(...scratch);
          docs.push(doc);
          slots.push(slot);
          seconds.push(Math.floor(frame.t));
        };
        stored.forEach((hash, slot) => {
          if (hash) add(hash, slot);
        });
        if (stored[UPRIGHT_SLOT]) for (const hash of frame.centre ?? []) add(hash, CENTRE_SLOT);
      }
    }
    docSeconds[doc] = covered.size;
  }
  return {
    words: Uint16Array.from(words),
    docs: Int32Array.from(docs),
    slots: Uint8Array.from(slots),
    seconds: Int32Array.from(seconds),
    docSeconds,
    docUnturned,
  };
}

/**
 * The media index after an index update: entries of documents that stay, renumbered by `newDocOf` (−1: the
 * document is gone), then those of `fresh`, whose documents come after the `kept` that stay.
 */
export function updateMediaIndex(old: MediaIndexData, newDocOf: Int32Array | null, kept: number, fresh: MediaIndexData): MediaIndexData {
  const keep = (e: number) => !newDocOf || newDocOf[old.docs[e]!]! >= 0;
  let count = 0;
  for (let e = 0; e < old.docs.length; e++) if (keep(e)) count++;
  const total = count + fresh.docs.length;
  const words = new Uint16Array(total * 16);
  const docs = new Int32Array(total);
  const slots = new Uint8Array(total);
  const seconds = new Int32Array(total);
  let at = 0;
  for (let e = 0; e < old.docs.length; e++) {
    if (!keep(e)) continue;
    words.set(old.words.subarray(e * 16, e * 16 + 16), at * 16);
    docs[at] = newDocOf ? newDocOf[old.docs[e]!]! : old.docs[e]!;
    slots[at] = old.slots[e]!;
    seconds[at++] = old.seconds[e]!;
  }
  words.set(fresh.words, at * 16);
  for (let e = 0; e < fresh.docs.length; e++) docs[at + e] = kept + fresh.docs[e]!;
  slots.set(fresh.slots, at);
  seconds.set(fresh.seconds, at);
  const docSeconds = new Int32Array(kept + fresh.docSeconds.length);
  for (let d = 0; d < old.docSeconds.length; d++) {
    const to = newDocOf ? newDocOf[d]! : d;
    if (to >= 0) docSeconds[to] = old.docSeconds[d]!;
  }
  docSeconds.set(fresh.docSeconds, kept);
  if (!old.docUnturned || !fresh.docUnturned) return { words, docs, slots, seconds, docSeconds };
  const docUnturned = new Uint8Array(docSeconds.length);
  for (let d = 0; d < old.docUnturned.length; d++) {
    const to = newDocOf ? newDocOf[d]! : d;
    if (to >= 0) docUnturned[to] = old.docUnturned[d]!;
  }
  docUnturned.set(fresh.docUnturned, kept);
  return { words, docs, slots, seconds, docSeconds, docUnturned };
}

/** Entries by the value of one 16-bit word: entries[offsets[v] … offsets[v+1]] have value v there. */
interface WordBuckets {
  offsets: Uint32Array;
  /** Entry numbers; in the upright table, CENTRE_TAG marks a centre hash. */
  entries: Uint32Array;
}

/**
 * Bucket tables are kept apart for the upright and centre slots (one table: a query's upright hash is looked
 * up in both, in one walk of its buckets) and the other slots, so a probe of one never walks the others'
 * entries. One table instead of two: half the bucket memory, which at 100,000 frames is what the probes miss
 * the cache on.
 */
const tableGroup = (slot: number) => (slot === UPRIGHT_SLOT || slot === CENTRE_SLOT ? 1 : 0);
/** High bit of an upright-table entry: it is a centre hash (each bucket lists them last), which a probe of the upright slot alone never reads. */
const CENTRE_TAG = 0x80000000;

/** Bits set in a 32-bit word. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Hamming distance of two 256-bit hashes as eight 32-bit words (entry `at` of `words`, and `query`), cut
 * short once it exceeds `limit`: then some number above the limit, else the exact distance.
 */
export function distanceWithin(words: Uint32Array, at: number, query: Uint32Array, limit: number): number {
  let d = 0;
  for (let w = 0, base = at * 8; w < 8; w++) {
    d += popcount32(words[base + w]! ^ query[w]!);
    if (d > limit) return d;
  }
  return d;
}

/** Eight 32-bit words over the same bytes as sixteen 16-bit ones (a copy if they are not 4-byte aligned). */
function as32(words: Uint16Array): Uint32Array {
  const aligned = words.byteOffset % 4 === 0 ? words : words.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 1);
}

export class MediaIndex {
  /** Per table group, one bucket table per word, in typed arrays (a query probes 16 × 17 buckets). Built on first lookup. */
  private tables: WordBuckets[][] | null = null;
  /** The stored hashes as 32-bit words (popcount per word, half the loads). */
  private words32: Uint32Array | null = null;
  /** Per entry: the probe that last saw it, so an entry is checked once per probe without a Set. */
  private seenBy: Uint32Array | null = null;
  private probe = 0;
  /** Whether some frames are stored without an upright hash, so queries also look up all their turns. */
  private readonly legacy: boolean;

  constructor(readonly data: MediaIndexData) {
    this.legacy = data.docUnturned === undefined ? data.slots.includes(0) : data.docUnturned.includes(1);
  }

  get size(): number {
    return this.data.docs.length;
  }

  private buckets(): WordBuckets[][] {
    if (this.tables) return this.tables;
    const { words, slots } = this.data;
    this.tables = [0, 1].map((group) => {
      const members: number[] = [];
      for (let e = 0; e < this.size; e++) if (tableGroup(slots[e]!) === group && slots[e] !== CENTRE_SLOT) members.push(e);
      // Centres after the upright hashes: within each bucket too (the sort below is stable), so a probe of
      // the upright slot alone stops at the first centre.
      if (group === 1) for (let e = 0; e < this.size; e++) if (slots[e] === CENTRE_SLOT) members.push(e);
      return Array.from({ length: 16 }, (_, w) => {
        const offsets = new Uint32Array(65_537);
        for (const e of members) offsets[words[e * 16 + w]! + 1]!++;
        for (let v = 0; v < 65_536; v++) offsets[v + 1]! += offsets[v]!;
        const next = offsets.slice(0, 65_536);
        const entries = new Uint32Array(members.length);
        for (const e of members) entries[next[words[e * 16 + w]!]!++] = slots[e] === CENTRE_SLOT ? (e | CENTRE_TAG) >>> 0 : e;
        return { offsets, entries };
      });
    });
    this.words32 = as32(words);
    this.seenBy = new Uint32Array(this.size);
    return this.tables;
  }

  /**
   * Entries within the match distance of `hash` in `slot`, and also in CENTRE_SLOT when `alsoCentre` (slot
   * is then UPRIGHT_SLOT): both walk the same buckets once.
   */
  private near(hash: string, slot: number, found: (entry: number) => void, alsoCentre = false): void {
    const query16 = hexToWords(hash);
    const query = new Uint32Array(query16.buffer);
    const tables = this.buckets()[tableGroup(slot)]!;
    const words = this.words32!;
    const seenBy = this.seenBy!;
    const { slots } = this.data;
    const limit = VIDEO_MATCH.frameDistance;
    // In the upright table the slot is in the entry's tag: which tagged and untagged entries are wanted.
    const upright = tableGroup(slot) === 1;
    const wantCentre = slot === CENTRE_SLOT || alsoCentre;
    const wantUpright = slot === UPRIGHT_SLOT;
    if (++this.probe === 0xffffffff) {
      seenBy.fill(0);
      this.probe = 1;
    }
    const stamp = this.probe;
    for (let w = 0; w < 16; w++) {
      const { offsets, entries } = tables[w]!;
      const value = query16[w]!;
      for (let bit = -1; bit < 16; bit++) {
        const v = bit < 0 ? value : value ^ (1 << bit);
        for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
          const raw = entries[k]!;
          let entry = raw;
          if (upright) {
            const centre = raw >= CENTRE_TAG;
            if (centre && !wantCentre) break; // the rest of the bucket is centres
            if (!centre && !wantUpright) continue;
            if (centre) entry = raw - CENTRE_TAG;
          } else if (slots[entry] !== slot) continue;
          if (seenBy[entry] === stamp) continue;
          seenBy[entry] = stamp;
          if (distanceWithin(words, entry, query, limit) <= limit) found(entry);
        }
      }
    }
  }

  /** Every document whose media the query frames hit, with the share decision of compareVideos. */
  lookup(queryFrames: readonly FrameHash[]): MediaMatch[] {
    if (!this.size) return [];
    const unique = uniqueFrames(queryFrames);
    const matchedFrames = new Map<number, number>();
    const matchedSeconds = new Map<number, Set<number>>();
    for (const frame of unique) {
      const docsHit = new Set<number>();
      const found = (entry: number) => {
        const doc = this.data.docs[entry]!;
        docsHit.add(doc);
        if (!matchedSeconds.has(doc)) matchedSeconds.set(doc, new Set());
        matchedSeconds.get(doc)!.add(this.data.seconds[entry]!);
      };
      const lookups = lookupHashes(frame, this.legacy);
      // The upright hash is the one looked up in the centres: one walk of its buckets for both slots.
      const centres = lookups[CENTRE_SLOT]!;
      const together = centres.length === 1 && lookups[UPRIGHT_SLOT]![0] === centres[0];
      lookups.forEach((hashes, slot) => {
        if (slot === CENTRE_SLOT && together) return;
        hashes.forEach((hash, k) => this.near(hash, slot, found, together && slot === UPRIGHT_SLOT && k === 0));
      });
      for (const doc of docsHit) matchedFrames.set(doc, (matchedFrames.get(doc) ?? 0) + 1);
    }
    return [...matchedFrames].map(([doc, matched]) => ({
      doc,
      ...videoDecision(matched, unique.length, matchedSeconds.get(doc)!.size, this.data.docSeconds[doc]!),
    }));
  }
}
