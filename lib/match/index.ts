/**
 * The in-memory index the matcher searches: platform ids and links for certain hits, and an inverted index
 * of weighted terms for BM25 retrieval. Built from debunk records; pure, no browser imports.
 */
import type { Debunk, Verdict } from '../debunk/types';
import { linkKey } from '../urls/canonical';
import { termCounts } from './terms';

export const BM25 = { k1: 1.2, b: 0.5 };

/** How much each field of a debunk counts in text retrieval. */
export const FIELD_WEIGHTS = {
  claim: 1,
  headline: 0.8,
  keywords: 0.4,
  conclusion: 0.4,
};

interface Posting {
  docs: number[];
  tfs: number[];
}

export interface MatchIndex {
  ids: string[];
  verdicts: Verdict[];
  /** Canonical link key (`x:123`, `youtube:…`, `url:…`) → documents that list it as an appearance. */
  byLink: Map<string, number[]>;
  postings: Map<string, Posting>;
  idf: Map<string, number>;
  /** The IDF of a term no document has: what an unknown post word weighs. */
  maxIdf: number;
  /** Each document's length normaliser, precomputed: k1 · (1 − b + b · len / avgLen). */
  lengthNorm: Float64Array;
  /** The BM25 score a document would get from a query made of all its own terms: the 100 % mark. */
  selfScore: Float64Array;
}

export function debunkTerms(debunk: Debunk): Map<string, number> {
  const counts = termCounts(debunk.claim, FIELD_WEIGHTS.claim);
  if (debunk.headline) termCounts(debunk.headline, FIELD_WEIGHTS.headline, counts);
  for (const keyword of debunk.keywords) termCounts(keyword, FIELD_WEIGHTS.keywords, counts);
  if (debunk.conclusion) termCounts(debunk.conclusion, FIELD_WEIGHTS.conclusion, counts);
  return counts;
}

export function buildIndex(debunks: readonly Debunk[]): MatchIndex {
  const n = debunks.length;
  const postings = new Map<string, Posting>();
  const byLink = new Map<string, number[]>();
  const lengths = new Float64Array(n);
  const docTerms: Map<string, number>[] = [];

  debunks.forEach((debunk, doc) => {
    const terms = debunkTerms(debunk);
    docTerms.push(terms);
    for (const [term, tf] of terms) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = { docs: [], tfs: [] }));
      posting.docs.push(doc);
      posting.tfs.push(tf);
      lengths[doc]! += tf;
    }
    for (const url of debunk.appearances) {
      const key = linkKey(url);
      if (!key) continue;
      const docs = byLink.get(key) ?? [];
      if (!docs.includes(doc)) docs.push(doc);
      byLink.set(key, docs);
    }
  });

  const avgLength = n ? lengths.reduce((a, b) => a + b, 0) / n || 1 : 1;
  const lengthNorm = lengths.map((len) => BM25.k1 * (1 - BM25.b + (BM25.b * len) / avgLength));
  const idf = new Map<string, number>();
  for (const [term, posting] of postings) {
    const df = posting.docs.length;
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const selfScore = new Float64Array(n);
  docTerms.forEach((terms, doc) => {
    let s = 0;
    for (const [term, tf] of terms) s += (idf.get(term) ?? 0) * ((tf * (BM25.k1 + 1)) / (tf + lengthNorm[doc]!));
    selfScore[doc] = s;
  });

  return {
    ids: debunks.map((d) => d.id),
    verdicts: debunks.map((d) => d.verdict),
    byLink,
    postings,
    idf,
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
    lengthNorm,
    selfScore,
  };
}
