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
import { buildMediaIndex, MediaIndex, type MediaIndexData } from '../media/media-index';
import { runAtOnce, runInSlices, yieldToEventLoop, type Pause } from '../scheduling/yield';
import { joinGramTexts, type GramTexts } from './char-grams';
import { claimCueMask } from './stance';

export const BM25 = { k1: 1.2, b: 0.5 };

/** Bump when tokenisation, stemming or weighting changes: persisted indexes of other revisions are rebuilt. */
export const MATCHER_REVISION = 4;

/** How much each field of a debunk counts in text retrieval. */
export const FIELD_WEIGHTS = { claim: 1, headline: 0.8, keywords: 0.4, conclusion: 0.4 };

export interface MatchIndex {
  ids: string[];
  /** The list each document comes from (`Debunk.source`): a debunk is (list, id), never its id alone. */
  lists: string[];
  verdicts: Verdict[];
  /**
   * Canonical link key (`x:123`, `youtube:…`, `url:…`) → link number; link l is listed as an appearance by
   * documents linkDocs[linkOffsets[l] … linkOffsets[l+1]] (flat, so a woken worker builds one Map, not
   * 100,000 small arrays).
   */
  links: Map<string, number>;
  linkOffsets: Int32Array;
  linkDocs: Int32Array;
  /** Term → term number (its slot in offsets and idf). */
  termIds: Map<string, number>;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  idf: Float32Array;
  /** The BM25 score a document would get from a query made of all its own terms: the 100 % mark. */
  selfScore: Float32Array;
  /** Each document's claim and headline as normalised words joined by spaces: what character n-grams re-rank by. */
  gramTexts: GramTexts;
  /** Each debunk's claimCueMask (stance.ts): the kinds of stance cue its claim has by itself. */
  claimCues: Uint8Array;
  /** The IDF of a term no document has: what an unknown post word weighs. */
  maxIdf: number;
  /** Terms with a lower IDF (in more than COMMON_SHARE of documents) do not gather candidates. */
  commonIdf: number;
  /** Frame hashes of the debunks' media fingerprints. */
  media: MediaIndex;
}

/** Share of documents above which a term is "common" for candidate gathering. */
export const COMMON_SHARE = 0.02;
const commonIdfFor = (n: number) => Math.log(1 + (n - n * COMMON_SHARE + 0.5) / (n * COMMON_SHARE + 0.5));
const maxIdfFor = (n: number) => Math.log(1 + (n + 0.5) / 0.5);

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

/** Documents indexed between two pauses when building in slices. */
export const BUILD_SLICE = 2_000;

/**
 * The index build as steps: it yields after every slice of documents, so a caller can pause between slices
 * and keep answering (buildIndexInSlices), or run it straight through (buildIndex).
 */
function* indexBuilder(debunks: readonly IndexedDebunk[], slice = BUILD_SLICE): Generator<void, MatchIndex> {
  const n = debunks.length;
  // First pass: raw term frequencies per document, and each term's document frequency.
  const termIds = new Map<string, number>();
  const df: number[] = [];
  // Every document's (term, tf) pairs in two flat arrays that grow by doubling: document d owns
  // [docStarts[d], docStarts[d+1]). 100,000 pairs of small typed arrays kept the garbage collector busy.
  let docTerms = new Int32Array(1 << 16);
  let docTfs = new Float32Array(1 << 16);
  const docStarts = new Int32Array(n + 1);
  const counts = new Map<number, number>();
  const lengths = new Float64Array(n);
  const byLink = new Map<string, number[]>();
  const gramTexts: string[] = [];
  const claimCues = new Uint8Array(n);
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
        id = df.length;
        termIds.set(stem, id);
        df.push(0);
      }
      wordTerms.set(word, id);
    }
    return id;
  };
  for (let doc = 0; doc < debunks.length; doc++) {
    if (doc && doc % slice === 0) yield;
    const debunk = debunks[doc]!;
    counts.clear();
    let gramText = '';
    for (const [field, [text, weight, forGrams]] of fieldsOf(debunk).entries()) {
      const fieldWords = words(text);
      if (field === 0) claimCues[doc] = claimCueMask(fieldWords, text); // the claim comes first
      if (forGrams) gramText += (gramText ? ' ' : '') + fieldWords.join(' ');
      for (const word of fieldWords) {
        const id = termOf(word);
        if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + weight);
      }
    }
    gramTexts.push(gramText);
    if (total + counts.size > docTerms.length) {
      const grown = Math.max(docTerms.length * 2, total + counts.size);
      const terms = new Int32Array(grown);
      terms.set(docTerms);
      docTerms = terms;
      const tfs = new Float32Array(grown);
      tfs.set(docTfs);
      docTfs = tfs;
    }
    let i = total;
    for (const [id, tf] of counts) {
      df[id]!++;
      docTerms[i] = id;
      docTfs[i++] = tf;
      lengths[doc]! += tf;
    }
    total += counts.size;
    docStarts[doc + 1] = total;
    for (const url of debunk.appearances) {
      const key = linkKey(url);
      if (!key) continue;
      const docs = byLink.get(key) ?? [];
      if (!docs.includes(doc)) docs.push(doc);
      byLink.set(key, docs);
    }
  }

  // Second pass: lay postings out by term, documents ascending, with finished weights.
  const termCount = df.length;
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const fill = offsets.slice(0, termCount);
  const idf = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  const avgLength = n ? lengths.reduce((a, b) => a + b, 0) / n || 1 : 1;
  const docs = new Int32Array(total);
  const weights = new Float32Array(total);
  const selfScore = new Float32Array(n);
  for (let doc = 0; doc < n; doc++) {
    if (doc && doc % (slice * 4) === 0) yield;
    const norm = BM25.k1 * (1 - BM25.b + (BM25.b * lengths[doc]!) / avgLength);
    for (let i = docStarts[doc]!; i < docStarts[doc + 1]!; i++) {
      const t = docTerms[i]!;
      const tf = docTfs[i]!;
      const w = (idf[t]! * tf * (BM25.k1 + 1)) / (tf + norm);
      const at = fill[t]!++;
      docs[at] = doc;
      weights[at] = w;
      selfScore[doc]! += w;
    }
  }

  const linkOffsets = new Int32Array(byLink.size + 1);
  const links = new Map<string, number>();
  let l = 0;
  for (const [key, linked] of byLink) {
    links.set(key, l);
    linkOffsets[l + 1] = linkOffsets[l]! + linked.length;
    l++;
  }
  return {
    ids: debunks.map((d) => d.id),
    lists: debunks.map((d) => d.source),
    verdicts: debunks.map((d) => d.verdict),
    links,
    linkOffsets,
    linkDocs: Int32Array.from([...byLink.values()].flat()),
    termIds,
    offsets,
    docs,
    weights,
    idf,
    selfScore,
    gramTexts: joinGramTexts(gramTexts),
    claimCues,
    maxIdf: maxIdfFor(n),
    commonIdf: commonIdfFor(n),
    media: new MediaIndex(buildMediaIndex(debunks.map((d) => d.media))),
  };
}

export function buildIndex(debunks: readonly IndexedDebunk[]): MatchIndex {
  return runAtOnce(indexBuilder(debunks));
}

/** Builds the index in slices, pausing between them so other work (matching with the old index) runs. */
export function buildIndexInSlices(
  debunks: readonly IndexedDebunk[],
  pause: Pause = yieldToEventLoop,
  /** Documents per slice: fewer for a server that must answer requests within a few ms meanwhile. */
  slice = BUILD_SLICE,
): Promise<MatchIndex> {
  return runInSlices(indexBuilder(debunks, slice), pause);
}

/**
 * The index as a few large strings and typed arrays: IndexedDB stores and reads them back far faster than
 * 100,000 small objects, which is what makes a woken service worker ready in milliseconds.
 */
export interface SerialisedIndex {
  format: 4;
  /** Joined by SEPARATOR. */
  ids: string;
  lists: string;
  terms: string;
  linkKeys: string;
  /** GramTexts.texts as UTF-8: IndexedDB stores and reads bytes far faster than a 14 MB string. */
  gramTexts: Uint8Array;
  gramOffsets: Int32Array;
  /** Index into VERDICTS. */
  verdicts: Uint8Array;
  /** Link l owns linkDocs[linkOffsets[l] … linkOffsets[l+1]]. */
  linkOffsets: Int32Array;
  linkDocs: Int32Array;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  idf: Float32Array;
  selfScore: Float32Array;
  claimCues: Uint8Array;
  media: MediaIndexData;
}

const SEPARATOR = '\u0001';
const split = (joined: string) => (joined ? joined.split(SEPARATOR) : []);

export function serialiseIndex(index: MatchIndex): SerialisedIndex {
  return {
    format: 4,
    ids: index.ids.join(SEPARATOR),
    lists: index.lists.join(SEPARATOR),
    gramTexts: new TextEncoder().encode(index.gramTexts.texts),
    gramOffsets: index.gramTexts.offsets,
    terms: [...index.termIds.keys()].join(SEPARATOR),
    // Map order is link-number order: keys were inserted as numbered.
    linkKeys: [...index.links.keys()].join(SEPARATOR),
    verdicts: Uint8Array.from(index.verdicts, (v) => VERDICTS.indexOf(v)),
    linkOffsets: index.linkOffsets,
    linkDocs: index.linkDocs,
    offsets: index.offsets,
    docs: index.docs,
    weights: index.weights,
    idf: index.idf,
    selfScore: index.selfScore,
    claimCues: index.claimCues,
    media: index.media.data,
  };
}

export function deserialiseIndex(data: SerialisedIndex): MatchIndex {
  const ids = split(data.ids);
  const termIds = new Map<string, number>();
  split(data.terms).forEach((term, i) => termIds.set(term, i));
  const links = new Map<string, number>();
  split(data.linkKeys).forEach((key, i) => links.set(key, i));
  return {
    ids,
    lists: split(data.lists),
    verdicts: Array.from(data.verdicts, (v) => VERDICTS[v] ?? 'unrated'),
    links,
    linkOffsets: data.linkOffsets,
    linkDocs: data.linkDocs,
    termIds,
    offsets: data.offsets,
    docs: data.docs,
    weights: data.weights,
    idf: data.idf,
    selfScore: data.selfScore,
    // Decoding gives back the same string, so the offsets (in UTF-16 units) still hold.
    gramTexts: { texts: new TextDecoder().decode(data.gramTexts), offsets: data.gramOffsets },
    claimCues: data.claimCues,
    maxIdf: maxIdfFor(ids.length),
    commonIdf: commonIdfFor(ids.length),
    media: new MediaIndex(data.media),
  };
}
