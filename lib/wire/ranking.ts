/**
 * The one order of matches, wherever they are listed (a tab's posts, the popup's debunks): certain matches
 * (the same post, video, link or footage) before similar wording, then the stronger first.
 */
import type { MatchView, TabPost } from './shapes';

/** 0 for certain matches, 1 for similar text. */
const certaintyRank = (view: MatchView): number => (view.candidate.how === 'similar-text' ? 1 : 0);

/** Negative when `a` should be listed before `b`. */
export function compareMatches(a: MatchView, b: MatchView): number {
  return certaintyRank(a) - certaintyRank(b) || b.candidate.score - a.candidate.score;
}

/** Badged posts (in match order) before posts with only related matches (strongest first). */
export function compareTabPosts(a: TabPost, b: TabPost): number {
  if (!!a.badge !== !!b.badge) return a.badge ? -1 : 1;
  const first = (p: TabPost) => p.badge ?? p.related[0];
  const [va, vb] = [first(a), first(b)];
  if (!va || !vb) return va ? -1 : vb ? 1 : 0;
  return a.badge ? compareMatches(va, vb) : vb.candidate.score - va.candidate.score;
}
