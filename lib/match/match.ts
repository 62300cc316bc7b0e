/**
 * Matching one post against the index: exact ids and links first (certain), then the footage it shows
 * (frame hashes computed by the caller), then BM25 text retrieval re-ranked by character n-grams, with the
 * badge decision. Pure: the same code runs in the background, the CLI, the eval and the benchmarks.
 */
import { debunkRef } from '../debunk/types';
import { canonicalMediaId, linkKey } from '../urls/canonical';
import { readPost, type PostText } from './terms';
import { gramSimilarities, wordText } from './char-grams';
import { docsWithLink } from './link-table';
import type { MatchIndex } from './bm25-index';
import { blendedIdf } from './background';
import { DECISION, textMatchBadges, type TextEvidence } from './decide';
import { onlyMentionsClaim, postWordsOf } from './stance';
import { nearMiss } from './edits';
import { claimOverlap, listFreeEvidence } from './claim-overlap';
import { anotherEventOfParties } from './roles';
import type { Candidate, ExtractedPost, PostMatches } from './types';
import type { FrameHash } from '../media/video';

export interface MatchOptions {
  /** How many candidates to return at most. */
  limit?: number;
  /** Debunk ids the user reported as wrong matches for this post: never returned. */
  exclude?: ReadonlySet<string>;
  /** Whether a post that only mentions the claim (refutes, reports, asks) is kept from the badge; the eval
   * turns it off to measure what the stance step changes. Default true. */
  stance?: boolean;
}

type PostInput = Pick<ExtractedPost, 'key' | 'text'> &
  Partial<Pick<ExtractedPost, 'permalink' | 'links' | 'media' | 'author'>> & {
    /** Hashes of what the post shows (its poster, sampled video frames), computed by the caller. */
    frames?: readonly FrameHash[];
  };

/** Debunk ref (list and id) → document number of the candidates found for one post (the stance step reads their claims). */
type DocsOf = Map<string, number>;

function footageCandidates(
  index: MatchIndex,
  frames: readonly FrameHash[] | undefined,
  skip: (doc: number) => boolean,
  docsOf: DocsOf,
): Candidate[] {
  if (!frames?.length || !index.media.size) return [];
  return index.media
    .lookup(frames)
    .filter((m) => m.queryShare > 0 && !skip(m.doc))
    .sort((a, b) => Number(b.match) - Number(a.match) || b.queryShare - a.queryShare)
    .map((m) => (docsOf.set(debunkRef(index.lists.at(m.doc), index.ids.at(m.doc)), m.doc), m))
    .map((m) => ({
      debunkId: index.ids.at(m.doc),
      listId: index.lists.at(m.doc),
      verdict: index.verdicts.at(m.doc),
      how: 'same-footage' as const,
      score: Math.round(m.queryShare * 1000) / 1000,
      referenceShare: Math.round(m.referenceShare * 1000) / 1000,
      badge: m.match,
    }));
}

function linkCandidates(index: MatchIndex, post: PostInput, docsOf: DocsOf): Candidate[] {
  const seen = new Map<number, Candidate>();
  const consider = (url: string | undefined, fromMedia: boolean) => {
    const key = url ? linkKey(url) : null;
    if (!key) return;
    for (const doc of docsWithLink(index.links, key)) {
      if (seen.has(doc)) continue;
      const how = fromMedia || canonicalMediaId(url!) ? 'same-media' : 'same-link';
      docsOf.set(debunkRef(index.lists.at(doc), index.ids.at(doc)), doc);
      seen.set(doc, {
        debunkId: index.ids.at(doc),
        listId: index.lists.at(doc),
        verdict: index.verdicts.at(doc),
        how,
        score: 1,
        badge: true,
      });
    }
  };
  consider(post.permalink, true);
  for (const media of post.media ?? []) consider(media.url, true);
  for (const link of post.links ?? []) consider(link, false);
  return [...seen.values()];
}

// One score per document, and the list of documents touched, reused across calls (matching is synchronous):
// a post touching 20,000 documents allocates nothing, so matching leaves the garbage collector little to do.
let scratch = new Float32Array(0);
let touched = new Int32Array(0);
// The best documents so far and their scores, best first (at most `limit`; reused likewise).
let bestDocs = new Int32Array(0);
let bestScores = new Float64Array(0);

/** The `limit` best documents by BM25 score, best first, skipping `skip`; equal scores in the order first touched. */
function topByText(index: MatchIndex, terms: Map<string, number>, limit: number, skip: (doc: number) => boolean): [number, number][] {
  if (scratch.length < index.ids.length) {
    scratch = new Float32Array(index.ids.length);
    touched = new Int32Array(index.ids.length + 1); // one past the last: the walk below writes a slot ahead
  }
  if (bestDocs.length < limit) {
    bestDocs = new Int32Array(limit);
    bestScores = new Float64Array(limit);
  }
  // Locals, not the module's bindings: each use of a module-level `let` in a loop is a context load and a check.
  const score = scratch;
  const seen = touched;
  const { offsets, docs, weights, idf, termIds, commonIdf } = index;
  // Terms found in many documents (low IDF) only add to documents a rarer term already found: walking
  // their long posting lists to collect new candidates costs most of the time and changes almost no ranking.
  const gathering: number[] = [];
  const adding: number[] = [];
  for (const term of terms.keys()) {
    const t = termIds.get(term);
    // A term whose documents were all removed by an update counts as unknown, as after a full build.
    if (t === undefined || offsets[t + 1]! <= offsets[t]!) continue;
    (idf[t]! < commonIdf ? adding : gathering).push(t);
  }
  // When every term is common, they all gather.
  if (!gathering.length) gathering.push(...adding.splice(0));
  let touchedCount = 0;
  for (const t of gathering) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      const doc = docs[i]!;
      const s = score[doc]!;
      // Written always, kept only on a first touch: no branch to mispredict (the same documents in the same
      // order; this function took a median 0.85 of the branching walk's time, interleaved, at 100,000).
      seen[touchedCount] = doc;
      touchedCount += s === 0 ? 1 : 0;
      score[doc] = s + weights[i]!;
    }
  }
  for (const t of adding) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      const doc = docs[i]!;
      const s = score[doc]!;
      if (s !== 0) score[doc] = s + weights[i]!;
    }
  }
  // Keep the best `limit` in a small sorted array (touched can be tens of thousands long); a document enters
  // only past the last kept score, so of equal scores the first touched stays.
  const top = bestDocs;
  const tops = bestScores;
  let kept = 0;
  let bar = -Infinity;
  for (let i = 0; i < touchedCount; i++) {
    const doc = seen[i]!;
    const s = score[doc]!;
    score[doc] = 0;
    if (s <= bar || skip(doc)) continue;
    let at = kept < limit ? kept++ : limit - 1;
    while (at > 0 && tops[at - 1]! < s) {
      top[at] = top[at - 1]!;
      tops[at] = tops[at - 1]!;
      at--;
    }
    top[at] = doc;
    tops[at] = s;
    if (kept === limit) bar = tops[limit - 1]!;
  }
  const best: [number, number][] = [];
  for (let i = 0; i < kept; i++) best.push([top[i]!, tops[i]!]);
  return best;
}

/** The term number of `stem` while some document still has it (as in topByText: a term emptied by an update is unknown). */
function liveTerm(index: MatchIndex, stem: string): number | undefined {
  const t = index.termIds.get(stem);
  return t !== undefined && index.offsets[t + 1]! > index.offsets[t]! ? t : undefined;
}

/** A stem's IDF: an unknown one weighs as the rarest, except on a small list, where the background may know it. */
function idfOf(index: MatchIndex, stem: string, t = liveTerm(index, stem)): number {
  if (t !== undefined) return index.idf[t]!;
  return index.backgroundDocs ? blendedIdf(stem, 0, index.ids.length) : index.maxIdf;
}

/**
 * The post's IDF mass (its words that the index knows, and unknown words at full weight) and the share of
 * it found in `doc`.
 */
function queryCoverage(index: MatchIndex, terms: Map<string, number>, doc: number): { total: number; share: number } {
  let total = 0;
  let shared = 0;
  for (const term of terms.keys()) {
    const t = liveTerm(index, term);
    const idf = idfOf(index, term, t);
    total += idf;
    if (t !== undefined && sortedIncludes(index.docs, index.offsets[t]!, index.offsets[t + 1]! - 1, doc)) shared += idf;
  }
  return { total, share: total ? shared / total : 0 };
}

const coverageOf = (index: MatchIndex, doc: number, score: number) => Math.min(1, score / (index.selfScore[doc] || 1));

/** A text candidate: its BM25 score and its character n-gram similarity to the post. */
export interface TextCandidate {
  doc: number;
  bm25: number;
  gram: number;
}

/**
 * Re-ranking: the best `depth` BM25 candidates are ordered by BM25 relative to the best plus `gramWeight` ×
 * n-gram similarity. Chosen on the dev sets by MAP@5 (depth 5/10/20 × weight 0–3): English 0.861 → 0.874
 * at depth 10, weight 2 (depth 20 adds 0.0005 at twice the cost); Arabic 0.866 → 0.889 at depth 20, weight 2.5.
 */
export const RERANK = {
  latin: { depth: 10, gramWeight: 2 },
  arabic: { depth: 20, gramWeight: 2.5 },
} as const;

/**
 * The post's text candidates, best first, skipping `skip`: at least `limit`, and all that were re-ranked
 * (the badge decision looks at every rival, however many the caller shows).
 */
export function rankText(index: MatchIndex, post: PostText, limit: number, skip: (doc: number) => boolean): TextCandidate[] {
  const { depth, gramWeight } = post.arabic ? RERANK.arabic : RERANK.latin;
  const byBm25 = topByText(index, post.terms, Math.max(limit, depth), skip);
  if (!byBm25.length) return [];
  const grams = gramSimilarities(
    post.words,
    index.gramTexts,
    byBm25.map(([doc]) => doc),
  );
  const best = byBm25[0]![1];
  const ranked = byBm25.map(([doc, bm25], i) => ({ doc, bm25, gram: grams[i]! }));
  const fused = (c: TextCandidate) => c.bm25 / best + gramWeight * c.gram;
  return ranked.sort((a, b) => fused(b) - fused(a));
}

/** What the badge decision weighs about the best of `ranked` (the post's text candidates, best first). */
export function textEvidence(index: MatchIndex, post: PostText, ranked: readonly TextCandidate[]): TextEvidence {
  const { doc, bm25, gram } = ranked[0]!;
  const others = ranked.slice(1);
  // The strongest rivals by BM25 (re-ranking may have put one of them below the best).
  const [runnerUp, third] = others.map((c) => c.bm25).sort((a, b) => b - a);
  const rivalsMeanSomething = index.ids.length >= DECISION.minListForRivals && third !== undefined && bm25 > 0;
  const claimWords = claimWordsOf(index, doc);
  const common = {
    gramSimilarity: gram,
    postWords: post.terms.size,
    anotherEvent: post.arabic && anotherEventOfParties(post.words.split(' '), claimWords),
    arabic: post.arabic,
  };
  // A small list's own statistics move with every debunk added or removed: its decision weighs the post and
  // its best candidate by background statistics only (claim-overlap.ts), so an unrelated debunk changes it
  // only by winning the first place. A post without rivals on a big list goes to the same model, so it gets
  // the evidence that model was fitted on.
  if (!rivalsMeanSomething) return { ...common, ...listFreeEvidence(post.terms, claimWords), rivals: null };
  const covered = queryCoverage(index, post.terms, doc);
  const overlap = claimOverlap(post.terms, claimWords, (stem) => idfOf(index, stem));
  return {
    ...common,
    coverage: coverageOf(index, doc, bm25),
    queryCoverage: covered.share,
    rivals: { runnerUpRatio: runnerUp! / bm25, thirdRatio: third! / bm25, gramLead: gram - Math.max(...others.map((c) => c.gram)) },
    postWeight: covered.total / index.maxIdf,
    debunkWeight: index.selfScore[doc]! / index.maxIdf,
    rareShare: overlap.rareShare,
    postRareShare: overlap.postRareShare,
  };
}

/** Binary search for `value` in sorted[lo…hi]. */
function sortedIncludes(sorted: Int32Array, lo: number, hi: number, value: number): boolean {
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function matchPost(index: MatchIndex, post: PostInput, options: MatchOptions = {}): PostMatches {
  const limit = options.limit ?? 5;
  const exclude = options.exclude;
  const docsOf: DocsOf = new Map();
  const refOf = (doc: number) => debunkRef(index.lists.at(doc), index.ids.at(doc));
  const excluded = (doc: number) => !!exclude?.has(index.ids.at(doc));
  const links = linkCandidates(index, post, docsOf).filter((c) => !exclude?.has(c.debunkId));
  const linked = new Set(links.map((c) => debunkRef(c.listId, c.debunkId)));
  const footage = footageCandidates(index, post.frames, (doc) => excluded(doc) || linked.has(refOf(doc)), docsOf);
  // Ids, links and matching footage are evidence of a different kind than similar words: they come first.
  const certain = [...links, ...footage.filter((c) => c.badge)];
  const certainRefs = new Set([...certain, ...footage].map((c) => debunkRef(c.listId, c.debunkId)));

  const text = readPost(post.text);
  // Most posts have no certain match and no report: then nothing is skipped, and no ref is built per candidate.
  const ranked = rankText(index, text, limit, (doc) => (certainRefs.size > 0 && certainRefs.has(refOf(doc))) || excluded(doc));

  const textCandidates: Candidate[] = ranked.slice(0, limit).map(({ doc, bm25 }, rank) => {
    // Only the best text match can badge, and only when no certain match already does.
    const badge = rank === 0 && certain.length === 0 && textMatchBadges(textEvidence(index, text, ranked));
    const coverage = coverageOf(index, doc, bm25);
    docsOf.set(refOf(doc), doc);
    return {
      debunkId: index.ids.at(doc),
      listId: index.lists.at(doc),
      verdict: index.verdicts.at(doc),
      how: 'similar-text',
      score: Math.round(coverage * 1000) / 1000,
      badge,
    };
  });

  const weakFootage = footage.filter((c) => !c.badge);
  const candidates = [...certain, ...textCandidates, ...weakFootage].slice(0, Math.max(limit, certain.length));
  return { key: post.key, candidates: options.stance === false ? candidates : withStance(index, post, text.arabic, candidates, docsOf) };
}

/**
 * Badges that the post's stance withdraws: a post that only mentions a claim (denies it, reports its debunk,
 * asks about it) is not spreading it. The post's first candidate is read when it would badge or would be
 * listed as "possibly related" (a denial on a small list often is), so it is listed as mentioning the claim;
 * other candidates cost nothing.
 */
function withStance(index: MatchIndex, post: PostInput, arabic: boolean, candidates: Candidate[], docsOf: DocsOf): Candidate[] {
  let postWords: string[] | undefined; // read once, for the first candidate that needs them
  return candidates.map((c, rank) => {
    if (!c.badge && (rank > 0 || c.score < DECISION.minRelated)) return c;
    const doc = docsOf.get(debunkRef(c.listId, c.debunkId));
    const claimCues = doc === undefined ? 0 : index.claimCues[doc]!;
    // A text match is read against the claim's words too (another place, number or the opposite fact is
    // another claim); ids and footage are the same item whatever the words say.
    const claimWords = doc !== undefined && c.how === 'similar-text' ? claimWordsOf(index, doc) : undefined;
    // A near miss (another part of the series, the event told of another subject) is another claim, not a
    // mention of this one: no badge, and not listed as mentioning it. By rule: the stance data has no such pairs.
    postWords ??= postWordsOf(post.text);
    if (claimWords && nearMiss(postWords, claimWords, post.text)) return { ...c, badge: false };
    return onlyMentionsClaim({ text: post.text, postWords, links: post.links, author: post.author, claimCues, claimWords }, arabic)
      ? { ...c, badge: false, mentions: true }
      : c;
  });
}

/** The debunk's claim and headline as normalised words (the text its n-grams are taken from). */
function claimWordsOf(index: MatchIndex, doc: number): string[] {
  return wordText(index.gramTexts, doc).split(' ');
}

/** Candidates worth showing: certain and badged ones, and "possibly related" ones above a floor. */
export function shownCandidates(matches: PostMatches): Candidate[] {
  return matches.candidates.filter((c) => c.badge || c.mentions || c.score >= DECISION.minRelated);
}
