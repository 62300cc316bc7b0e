/**
 * The in-memory index the matcher searches: platform ids and links for certain hits, and an inverted index
 * of BM25 term weights for text retrieval. Built from debunk records; pure, no browser imports.
 *
 * Postings are flat typed arrays (term t owns docs[offsets[t] … offsets[t+1]]) holding the finished BM25
 * weight of the term in each document, so scoring a post is a sum over its terms' postings. The same flat
 * arrays are what the background persists, so a woken service worker is ready without rebuilding.
 */
import { VERDICTS, type Debunk, type Verdict } from '../debunk/types';
import { linkKey } from '../urls/canonical';
import { words } from '../text/normalise';
import { stemOf } from './terms';
import { mediaIndexBuilder, MediaIndex, updateMediaIndex, type MediaIndexData } from '../media/media-index';
import { runAtOnce, runInSlices, yieldToEventLoop, type Pause } from '../scheduling/yield';
import { NEVER_DUE, SliceClock } from '../scheduling/slice-clock';
import { WordTextsBuilder, type WordTexts } from './char-grams';
import { linkTableUpdater, type LinkTable } from './link-table';
import { claimCueMask } from './stance';
import { BACKGROUND_LENGTH, backgroundDocs, blendedIdf } from './background';
import { DocIds, DocLabels, keptIds, keptLabels } from './doc-strings';

export const BM25 = { k1: 1.2, b: 0.5 };

/** Bump when tokenisation, stemming or weighting changes: persisted indexes of other revisions are rebuilt. */
export const MATCHER_REVISION = 9;

/** How much each field of a debunk counts in text retrieval (each a multiple of TF_UNIT). */
export const FIELD_WEIGHTS = { claim: 1, headline: 0.8, keywords: 0.4, conclusion: 0.4 };

/**
 * Weighted term counts are kept with the postings in units of TF_UNIT (one byte each, at most MAX_TF_UNITS:
 * BM25 has long saturated by then), so an update re-weighs every posting from the new statistics without
 * reading a single old debunk again.
 */
export const TF_UNIT = 0.2;
export const MAX_TF_UNITS = 255;

export interface MatchIndex {
  /** Each document's debunk id (`ids.at(doc)`), as UTF-8 in one byte array; `ids.length` is the document count. */
  ids: DocIds;
  /** The list each document comes from (`Debunk.source`): a debunk is (list, id), never its id alone. */
  lists: DocLabels;
  verdicts: DocLabels<Verdict>;
  /** A hash of what the index reads of each debunk: an update tells a changed debunk from a kept one. */
  contentHashes: Uint32Array;
  /** Canonical link key → the documents that list it as an appearance (link-table.ts). */
  links: LinkTable;
  /** Term → term number (its slot in offsets and idf). */
  termIds: Map<string, number>;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  /** Each posting's weighted term count in TF_UNITs: what `weights` are recomputed from on an update. */
  tfUnits: Uint8Array;
  /** Each document's length (its weighted term counts summed) in TF_UNITs. */
  lengthUnits: Int32Array;
  idf: Float32Array;
  /** The BM25 score a document would get from a query made of all its own terms: the 100 % mark. */
  selfScore: Float32Array;
  /** Each document's claim and headline as normalised words joined by spaces, coded by word: what character n-grams re-rank by. */
  gramTexts: WordTexts;
  /** Each debunk's claimCueMask (stance.ts): the kinds of stance cue its claim has by itself. */
  claimCues: Uint8Array;
  /** The IDF of a term no document has and the background does not know: what a rare post word weighs. */
  maxIdf: number;
  /** How many background documents (background.ts) the list's statistics are blended with: 0 from 1,000 on. */
  backgroundDocs: number;
  /** Terms with a lower IDF (in more than COMMON_SHARE of documents) do not gather candidates. */
  commonIdf: number;
  /** Frame hashes of the debunks' media fingerprints. */
  media: MediaIndex;
}

/** Share of documents above which a term is "common" for candidate gathering. */
export const COMMON_SHARE = 0.02;
// Of a list of n debunks, weighed with its background documents.
const commonIdfFor = (n: number) => {
  const all = n + backgroundDocs(n);
  return Math.log(1 + (all - all * COMMON_SHARE + 0.5) / (all * COMMON_SHARE + 0.5));
};
const maxIdfFor = (n: number) => Math.log(1 + (n + backgroundDocs(n) + 0.5) / 0.5);

/** The texts of a debunk that are indexed, with their weights, and whether n-gram re-ranking reads them. */
function fieldsOf(debunk: IndexedDebunk): [string, number, boolean][] {
  const fields: [string, number, boolean][] = [[debunk.claim, FIELD_WEIGHTS.claim, true]];
  if (debunk.headline) fields.push([debunk.headline, FIELD_WEIGHTS.headline, true]);
  for (const keyword of debunk.keywords) fields.push([keyword, FIELD_WEIGHTS.keywords, false]);
  if (debunk.conclusion) fields.push([debunk.conclusion, FIELD_WEIGHTS.conclusion, false]);
  return fields;
}

/** What the index needs of a debunk. */
export type IndexedDebunk = Pick<
  Debunk,
  'id' | 'source' | 'verdict' | 'claim' | 'headline' | 'keywords' | 'conclusion' | 'appearances' | 'media'
>;

/** A 32-bit FNV-1a hash of everything the index reads of a debunk. */
export function contentHash(debunk: IndexedDebunk): number {
  const text = JSON.stringify([
    debunk.verdict,
    debunk.claim,
    debunk.headline ?? '',
    debunk.keywords,
    debunk.conclusion ?? '',
    debunk.appearances,
    debunk.media ?? null,
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** New documents read into flat (term, count) pairs: document j owns [starts[j], starts[j+1]). */
interface Tokenised {
  starts: Int32Array;
  terms: Int32Array;
  units: Uint8Array;
  lengthUnits: Int32Array;
  claimCues: Uint8Array;
  contentHashes: Uint32Array;
  /** Each document's canonical link keys, deduplicated. */
  linkKeys: string[][];
}

/**
 * Reads new documents; terms not in `termIds` are added to it (numbered after the ones it has), and each
 * document's n-gram text to `grams`.
 */
function* tokenise(
  debunks: readonly IndexedDebunk[],
  termIds: Map<string, number>,
  grams: WordTextsBuilder,
  clock: SliceClock,
): Generator<void, Tokenised> {
  const m = debunks.length;
  // Pairs in two flat arrays that grow by doubling: 100,000 pairs of small typed arrays kept the garbage
  // collector busy.
  let terms = new Int32Array(1 << 16);
  let units = new Uint8Array(1 << 16);
  const starts = new Int32Array(m + 1);
  const lengthUnits = new Int32Array(m);
  const counts = new Map<number, number>();
  const claimCues = new Uint8Array(m);
  const contentHashes = new Uint32Array(m);
  const linkKeys: string[][] = [];
  let total = 0;
  // Word → term number (−1: not indexed). One lookup per word occurrence: hashing fresh strings is the
  // main cost of indexing 100,000 debunks.
  const wordTerms = new Map<string, number>();
  const termOf = (word: string): number => {
    let id = wordTerms.get(word);
    if (id === undefined) {
      const stem = stemOf(word);
      id = stem ? (termIds.get(stem) ?? -1) : -1;
      if (stem && id === -1) {
        id = termIds.size;
        termIds.set(stem, id);
      }
      wordTerms.set(word, id);
    }
    return id;
  };
  for (let doc = 0; doc < m; doc++) {
    if (clock.due()) yield;
    const debunk = debunks[doc]!;
    counts.clear();
    let gramText = '';
    for (const [field, [text, weight, forGrams]] of fieldsOf(debunk).entries()) {
      const fieldWords = words(text);
      if (field === 0) claimCues[doc] = claimCueMask(fieldWords, text); // the claim comes first
      if (forGrams) gramText += (gramText ? ' ' : '') + fieldWords.join(' ');
      const weightUnits = Math.round(weight / TF_UNIT);
      for (const word of fieldWords) {
        const id = termOf(word);
        if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + weightUnits);
      }
    }
    grams.add(gramText);
    contentHashes[doc] = contentHash(debunk);
    if (total + counts.size > terms.length) {
      const grown = Math.max(terms.length * 2, total + counts.size);
      const t = new Int32Array(grown);
      t.set(terms);
      terms = t;
      const u = new Uint8Array(grown);
      u.set(units);
      units = u;
    }
    for (const [id, count] of counts) {
      const u = Math.min(count, MAX_TF_UNITS);
      terms[total] = id;
      units[total++] = u;
      lengthUnits[doc]! += u;
    }
    starts[doc + 1] = total;
    const keys = new Set<string>();
    for (const url of debunk.appearances) {
      const key = linkKey(url);
      if (key) keys.add(key);
    }
    linkKeys.push([...keys]);
  }
  return { starts, terms, units, lengthUnits, claimCues, contentHashes, linkKeys };
}

/** What to change in an index: which documents stay (by number; all when absent) and the debunks to add. */
export interface IndexChange {
  keep?: (doc: number) => boolean;
  add: readonly IndexedDebunk[];
}

const EMPTY_INDEX_PARTS = () => ({
  ids: new DocIds({ bytes: new Uint8Array(0), offsets: new Int32Array(1) }),
  termIds: new Map<string, number>(),
  offsets: new Int32Array(1),
  docs: new Int32Array(0),
  tfUnits: new Uint8Array(0),
});

/**
 * The index change as steps: it yields whenever `clock` says the slice is spent, in every phase alike.
 * Documents that stay keep their order and are renumbered; added ones come after them. Only the added
 * debunks are read and tokenised: the postings of the others are copied and re-weighed from their stored
 * counts with the new list's statistics, so the result is the index a full build of the same debunks in the
 * same order gives.
 */
function* indexUpdater(
  old: Pick<MatchIndex, 'ids' | 'termIds' | 'offsets' | 'docs' | 'tfUnits'> & Partial<MatchIndex>,
  change: IndexChange,
  clock: SliceClock,
): Generator<void, MatchIndex> {
  const oldCount = old.ids.length;
  // Old document → new number (−1: removed); null when every document stays.
  let newDocOf: Int32Array | null = null;
  let kept = oldCount;
  if (change.keep) {
    newDocOf = new Int32Array(oldCount);
    kept = 0;
    for (let d = 0; d < oldCount; d++) {
      newDocOf[d] = change.keep(d) ? kept++ : -1;
      if ((d & 0xfff) === 0 && clock.due()) yield;
    }
    if (kept === oldCount) newDocOf = null;
  }
  const stays = (d: number) => !newDocOf || newDocOf[d]! >= 0;
  // The n-gram texts of the documents that stay, runs of them copied at once; tokenising adds the new ones.
  const grams = new WordTextsBuilder(old.gramTexts);
  if (old.gramTexts) {
    for (let d = 0; d < oldCount;) {
      if (!stays(d)) {
        d++;
        continue;
      }
      let end = d + 1;
      while (end < oldCount && stays(end) && end - d < 0x4000) end++;
      grams.addFrom(old.gramTexts, d, end);
      d = end;
      if (clock.due()) yield;
    }
  }
  // A copy: the old index keeps answering (with its own terms) until the new one is swapped in. Copied in
  // steps, as the word table below is read: each took 3–28 ms in one piece at 100,000 debunks.
  const termIds = new Map<string, number>();
  for (const [term, t] of old.termIds) {
    termIds.set(term, t);
    if ((t & 0xfff) === 0 && clock.due()) yield;
  }
  if (change.add.length) yield* grams.prepare(clock);
  const fresh = yield* tokenise(change.add, termIds, grams, clock);
  const n = kept + change.add.length;
  const termCount = termIds.size;
  const oldTermCount = old.offsets.length - 1;

  // Term loops ask the clock by postings done, not every so many terms: the first terms numbered are the
  // commonest words, and 256 of them held enough postings for a 60 ms slice at 100,000 debunks.
  let work = 0;
  const spent = (postings: number) => {
    work += postings + 16;
    if (work < 0x4000) return false;
    work = 0;
    return clock.due();
  };
  // Postings per term: the old ones that stay, then the new documents' (numbered after all that stay).
  const df = new Int32Array(termCount);
  for (let t = 0; t < oldTermCount; t++) {
    if (!newDocOf) df[t] = old.offsets[t + 1]! - old.offsets[t]!;
    else for (let i = old.offsets[t]!; i < old.offsets[t + 1]!; i++) if (stays(old.docs[i]!)) df[t]!++;
    if (spent(newDocOf ? old.offsets[t + 1]! - old.offsets[t]! : 0)) yield;
  }
  // By document, asking the clock: a full build of 1,000,000 has some 20 million pairs here.
  for (let j = 0; j < change.add.length; j++) {
    for (let i = fresh.starts[j]!; i < fresh.starts[j + 1]!; i++) df[fresh.terms[i]!]!++;
    if (spent(fresh.starts[j + 1]! - fresh.starts[j]!)) yield;
  }
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const total = offsets[termCount]!;
  const docs = new Int32Array(total);
  const tfUnits = new Uint8Array(total);
  const fill = offsets.slice(0, termCount);
  if (clock.due()) yield;
  for (let t = 0; t < oldTermCount; t++) {
    const from = old.offsets[t]!;
    const to = old.offsets[t + 1]!;
    if (!newDocOf) {
      // Nothing removed: each term's old postings are copied as one block.
      docs.set(old.docs.subarray(from, to), fill[t]!);
      tfUnits.set(old.tfUnits.subarray(from, to), fill[t]!);
      fill[t]! += to - from;
    } else {
      for (let i = from; i < to; i++) {
        const d = newDocOf[old.docs[i]!]!;
        if (d < 0) continue;
        const at = fill[t]!++;
        docs[at] = d;
        tfUnits[at] = old.tfUnits[i]!;
      }
    }
    if (spent(to - from)) yield;
  }
  for (let j = 0; j < change.add.length; j++) {
    for (let i = fresh.starts[j]!; i < fresh.starts[j + 1]!; i++) {
      const at = fill[fresh.terms[i]!]!++;
      docs[at] = kept + j;
      tfUnits[at] = fresh.units[i]!;
    }
    if ((j & 0xff) === 0 && clock.due()) yield;
  }

  // Per-document arrays: those of documents that stay, renumbered, then the added ones'.
  function* keptTyped<A extends Uint8Array | Uint32Array | Int32Array>(values: A | undefined, out: A, added: A): Generator<void, A> {
    if (values) {
      for (let d = 0; d < oldCount; d++) {
        if (!newDocOf) out[d] = values[d]!;
        else if (newDocOf[d]! >= 0) out[newDocOf[d]!] = values[d]!;
        if ((d & 0xffff) === 0 && clock.due()) yield;
      }
    }
    out.set(added, kept);
    return out;
  }
  const lengthUnits = yield* keptTyped(old.lengthUnits, new Int32Array(n), fresh.lengthUnits);

  // Weights from the statistics of the whole new list, term by term; a list under 1,000 debunks is blended
  // with background documents (background.ts), so an unrelated debunk more or less hardly moves them.
  const idf = new Float32Array(termCount);
  const extra = backgroundDocs(n);
  const stems = extra ? [...termIds.keys()] : [];
  for (let t = 0; t < termCount; t++) idf[t] = extra ? blendedIdf(stems[t]!, df[t]!, n) : Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  let lengthSum = 0;
  for (let d = 0; d < n; d++) {
    lengthSum += lengthUnits[d]!;
    if ((d & 0xffff) === 0 && clock.due()) yield;
  }
  const avgLength = (lengthSum * TF_UNIT + extra * BACKGROUND_LENGTH) / (n + extra) || 1;
  const norms = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    norms[d] = BM25.k1 * (1 - BM25.b + (BM25.b * lengthUnits[d]! * TF_UNIT) / avgLength);
    if ((d & 0xffff) === 0 && clock.due()) yield;
  }
  if (clock.due()) yield;
  const weights = new Float32Array(total);
  const selfScore = new Float32Array(n);
  for (let t = 0; t < termCount; t++) {
    const termIdf = idf[t]!;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      const doc = docs[i]!;
      const tf = tfUnits[i]! * TF_UNIT;
      const w = (termIdf * tf * (BM25.k1 + 1)) / (tf + norms[doc]!);
      weights[i] = w;
      selfScore[doc]! += w;
    }
    if (spent(offsets[t + 1]! - offsets[t]!)) yield;
  }

  const links = yield* linkTableUpdater(old.links ?? null, newDocOf, kept, fresh.linkKeys, clock);
  const ids = yield* keptIds(
    old.ids,
    newDocOf && stays,
    change.add.map((d) => d.id),
    clock,
  );
  const lists = yield* keptLabels(
    old.lists,
    newDocOf && stays,
    change.add.map((d) => d.source),
    clock,
  );
  const verdicts = yield* keptLabels(
    old.verdicts,
    newDocOf && stays,
    change.add.map((d) => d.verdict),
    clock,
  );
  const contentHashes = yield* keptTyped(old.contentHashes, new Uint32Array(n), fresh.contentHashes);
  const claimCues = yield* keptTyped(old.claimCues, new Uint8Array(n), fresh.claimCues);
  const freshMedia = yield* mediaIndexBuilder(
    change.add.map((d) => d.media),
    clock,
  );
  const media = old.media ? updateMediaIndex(old.media.data, newDocOf, kept, freshMedia) : freshMedia;
  if (clock.due()) yield;
  const gramTexts = grams.finish();
  return {
    ids,
    lists,
    verdicts,
    contentHashes,
    links,
    termIds,
    offsets,
    docs,
    weights,
    tfUnits,
    lengthUnits,
    idf,
    selfScore,
    gramTexts,
    claimCues,
    maxIdf: maxIdfFor(n),
    backgroundDocs: extra,
    commonIdf: commonIdfFor(n),
    media: new MediaIndex(media),
  };
}

export function buildIndex(debunks: readonly IndexedDebunk[]): MatchIndex {
  return runAtOnce(indexUpdater(EMPTY_INDEX_PARTS(), { add: debunks }, NEVER_DUE));
}

/**
 * Builds the index in slices of `clock`'s time, pausing between them so other work (matching with the old
 * index) runs. A caller that did work of its own since its last pause hands over its clock, so that work
 * counts towards the first slice.
 */
export function buildIndexInSlices(
  debunks: readonly IndexedDebunk[],
  pause: Pause = yieldToEventLoop,
  clock: SliceClock = new SliceClock(),
): Promise<MatchIndex> {
  return runInSlices(indexUpdater(EMPTY_INDEX_PARTS(), { add: debunks }, clock), pause, clock);
}

/** A new index with `change` applied (the old one is left as it was, still usable). */
export function updateIndex(index: MatchIndex, change: IndexChange): MatchIndex {
  return runAtOnce(indexUpdater(index, change, NEVER_DUE));
}

/** updateIndex in slices of `clock`'s time, pausing between them. */
export function updateIndexInSlices(
  index: MatchIndex,
  change: IndexChange,
  pause: Pause = yieldToEventLoop,
  clock: SliceClock = new SliceClock(),
): Promise<MatchIndex> {
  return runInSlices(indexUpdater(index, change, clock), pause, clock);
}

/**
 * The index as a few large strings and typed arrays: IndexedDB stores and reads them back far faster than
 * 100,000 small objects, which is what makes a woken service worker ready in milliseconds.
 */
/** Bump when the stored shape changes: a stored index of another format is rebuilt, never read. */
export const INDEX_FORMAT = 9;

export interface SerialisedIndex {
  format: typeof INDEX_FORMAT;
  /** Ids as UTF-8, document d's from idOffsets[d] to idOffsets[d + 1] (format 7: a string joined by SEPARATOR). */
  ids: Uint8Array;
  idOffsets: Int32Array;
  /** The lists' names, and each document's number into them. */
  listNames: string[];
  listOf: Uint16Array | Uint32Array;
  /** Joined by SEPARATOR. */
  terms: string;
  /**
   * WordTexts as they are: the word table (UTF-16 units and their offsets) and each document's word numbers
   * (format 8 stored the texts themselves as UTF-8, format 6 with offsets in UTF-16 units).
   */
  gramWords: Uint16Array;
  gramWordOffsets: Int32Array;
  gramCodes: Uint8Array;
  gramOffsets: Int32Array;
  /** Index into VERDICTS. */
  verdicts: Uint8Array;
  links: LinkTable;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  tfUnits: Uint8Array;
  lengthUnits: Int32Array;
  contentHashes: Uint32Array;
  idf: Float32Array;
  selfScore: Float32Array;
  claimCues: Uint8Array;
  media: MediaIndexData;
}

const SEPARATOR = '\u0001';
const split = (joined: string) => (joined ? joined.split(SEPARATOR) : []);

/** Each document's verdict as its number in VERDICTS (the stored form: independent of the index's name order). */
function verdictBytes(verdicts: DocLabels<Verdict>): Uint8Array {
  const byName = verdicts.names.map((v) => VERDICTS.indexOf(v));
  return Uint8Array.from(verdicts.codes, (c) => byName[c]!);
}

export function serialiseIndex(index: MatchIndex): SerialisedIndex {
  return {
    format: INDEX_FORMAT,
    ids: index.ids.texts.bytes,
    idOffsets: index.ids.texts.offsets,
    listNames: [...index.lists.names],
    listOf: index.lists.codes,
    gramWords: index.gramTexts.words.units,
    gramWordOffsets: index.gramTexts.words.offsets,
    gramCodes: index.gramTexts.codes,
    gramOffsets: index.gramTexts.offsets,
    terms: [...index.termIds.keys()].join(SEPARATOR),
    verdicts: verdictBytes(index.verdicts),
    links: index.links,
    offsets: index.offsets,
    docs: index.docs,
    weights: index.weights,
    tfUnits: index.tfUnits,
    lengthUnits: index.lengthUnits,
    contentHashes: index.contentHashes,
    idf: index.idf,
    selfScore: index.selfScore,
    claimCues: index.claimCues,
    media: index.media.data,
  };
}

export function deserialiseIndex(data: SerialisedIndex): MatchIndex {
  const ids = new DocIds({ bytes: data.ids, offsets: data.idOffsets });
  const termIds = new Map<string, number>();
  split(data.terms).forEach((term, i) => termIds.set(term, i));
  // A verdict number this version does not know reads as 'unrated'.
  const unrated = VERDICTS.indexOf('unrated');
  return {
    ids,
    lists: new DocLabels(data.listNames, data.listOf),
    verdicts: new DocLabels<Verdict>(
      VERDICTS,
      Uint16Array.from(data.verdicts, (v) => (v < VERDICTS.length ? v : unrated)),
    ),
    links: data.links,
    termIds,
    offsets: data.offsets,
    docs: data.docs,
    weights: data.weights,
    tfUnits: data.tfUnits,
    lengthUnits: data.lengthUnits,
    contentHashes: data.contentHashes,
    idf: data.idf,
    selfScore: data.selfScore,
    gramTexts: { words: { units: data.gramWords, offsets: data.gramWordOffsets }, codes: data.gramCodes, offsets: data.gramOffsets },
    claimCues: data.claimCues,
    maxIdf: maxIdfFor(ids.length),
    backgroundDocs: backgroundDocs(ids.length),
    commonIdf: commonIdfFor(ids.length),
    media: new MediaIndex(data.media),
  };
}
