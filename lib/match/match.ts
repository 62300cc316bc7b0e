/**
 * Matching one post against the index: exact ids and links first (certain), then BM25 text retrieval with
 * the badge decision. Pure: the same code runs in the background, the CLI, the eval and the benchmarks.
 */
import { canonicalMediaId, linkKey } from '../urls/canonical';
import { contentStems, postTerms } from './terms';
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

  const postWords = new Set(contentStems(post.text)).size;
  const best = ranked[0]?.[1] ?? 0;
  const runnerUp = ranked[1]?.[1] ?? 0;
  const textCandidates: Candidate[] = ranked.map(([doc, score], rank) => {
    const coverage = Math.min(1, score / (index.selfScore[doc] || 1));
    const lead = rank === 0 ? (best - runnerUp) / (best || 1) : 0;
    return {
      debunkId: index.ids[doc]!,
      verdict: index.verdicts[doc]!,
      how: 'similar-text',
      score: Math.round(coverage * 1000) / 1000,
      // Only the best text match can badge, and only when no certain match already does.
      badge: rank === 0 && certain.length === 0 && textMatchBadges({ coverage, lead, postWords }),
    };
  });

  return { key: post.key, candidates: [...certain, ...textCandidates].slice(0, Math.max(limit, certain.length)) };
}

/** Candidates worth showing: certain and badged ones, and "possibly related" ones above a floor. */
export function shownCandidates(matches: PostMatches): Candidate[] {
  return matches.candidates.filter((c) => c.badge || c.score >= DECISION.minRelated);
}
