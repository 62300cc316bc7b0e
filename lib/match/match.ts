/**
 * Matching one post against the index: exact ids and links first (certain), then BM25 text retrieval with
 * the badge decision. Pure: the same code runs in the background, the CLI, the eval and the benchmarks.
 */
import { canonicalMediaId, linkKey } from '../urls/canonical';
import { postTerms } from './terms';
import { BM25, type MatchIndex } from './index';
import { DECISION, textMatchBadges } from './decide';
import type { Candidate, ExtractedPost, PostMatches } from './types';

export interface MatchOptions {
  /** How many candidates to return at most. */
  limit?: number;
  /** Debunk ids the user reported as wrong matches for this post: never returned. */
  exclude?: ReadonlySet<string>;
}

type PostInput = Pick<ExtractedPost, 'key' | 'text'> & Partial<Pick<ExtractedPost, 'permalink' | 'links' | 'media'>>;

function linkCandidates(index: MatchIndex, post: PostInput): Candidate[] {
  const seen = new Map<number, Candidate>();
  const consider = (url: string | undefined, fromMedia: boolean) => {
    const key = url ? linkKey(url) : null;
    if (!key) return;
    for (const doc of index.byLink.get(key) ?? []) {
      if (seen.has(doc)) continue;
      const how = fromMedia || canonicalMediaId(url!) ? 'same-media' : 'same-link';
      seen.set(doc, { debunkId: index.ids[doc]!, verdict: index.verdicts[doc]!, how, score: 1, badge: true });
    }
  };
  consider(post.permalink, true);
  for (const media of post.media ?? []) consider(media.url, true);
  for (const link of post.links ?? []) consider(link, false);
  return [...seen.values()];
}

/** BM25 scores of every document sharing a term with the post. */
function scoreText(index: MatchIndex, terms: Map<string, number>): Map<number, number> {
  const scores = new Map<number, number>();
  for (const term of terms.keys()) {
    const posting = index.postings.get(term);
    if (!posting) continue;
    const idf = index.idf.get(term)!;
    const { docs, tfs } = posting;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (BM25.k1 + 1)) / (tf + index.lengthNorm[doc]!));
    }
  }
  return scores;
}

/** Share of the post's IDF mass (its words that the index knows, and unknown words at full weight) found in `doc`. */
function queryCoverage(index: MatchIndex, terms: Map<string, number>, doc: number): number {
  let total = 0;
  let shared = 0;
  for (const term of terms.keys()) {
    const posting = index.postings.get(term);
    const idf = posting ? index.idf.get(term)! : index.maxIdf;
    total += idf;
    if (posting && sortedIncludes(posting.docs, doc)) shared += idf;
  }
  return total ? shared / total : 0;
}

function sortedIncludes(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/g;

export function matchPost(index: MatchIndex, post: PostInput, options: MatchOptions = {}): PostMatches {
  const limit = options.limit ?? 5;
  const exclude = options.exclude;
  const certain = linkCandidates(index, post).filter((c) => !exclude?.has(c.debunkId));
  const certainIds = new Set(certain.map((c) => c.debunkId));

  const terms = postTerms(post.text);
  const ranked = [...scoreText(index, terms)]
    .filter(([doc]) => !certainIds.has(index.ids[doc]!) && !exclude?.has(index.ids[doc]!))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);

  const coverageOf = (doc: number, score: number) => Math.min(1, score / (index.selfScore[doc] || 1));
  const textCandidates: Candidate[] = ranked.map(([doc, score], rank) => {
    const coverage = coverageOf(doc, score);
    // Only the best text match can badge, and only when no certain match already does.
    let badge = false;
    if (rank === 0 && certain.length === 0) {
      const runnerUp = ranked[1];
      const arabicLetters = post.text.match(ARABIC_SCRIPT)?.length ?? 0;
      badge = textMatchBadges({
        coverage,
        queryCoverage: queryCoverage(index, terms, doc),
        margin: coverage - (runnerUp ? coverageOf(runnerUp[0], runnerUp[1]) : 0),
        postWords: terms.size,
        arabic: arabicLetters * 2 > post.text.replace(/[\s\p{P}\p{S}\d]/gu, '').length,
      });
    }
    return { debunkId: index.ids[doc]!, verdict: index.verdicts[doc]!, how: 'similar-text', score: Math.round(coverage * 1000) / 1000, badge };
  });

  return { key: post.key, candidates: [...certain, ...textCandidates].slice(0, Math.max(limit, certain.length)) };
}

/** Candidates worth showing: certain and badged ones, and "possibly related" ones above a floor. */
export function shownCandidates(matches: PostMatches): Candidate[] {
  return matches.candidates.filter((c) => c.badge || c.score >= DECISION.minRelated);
}
