/** How the popup orders what a tab matched: one entry per debunk, with the posts it matched and how each did. Pure. */
import { compareMatches } from '@/lib/wire/ranking';
import type { Candidate, MatchView, TabPost } from '@/lib/wire/shapes';
import { debunkRef } from '@/lib/debunk/types';

/** A post under a debunk, with how that post matched it (one debunk can match one post by its video, another by its words). */
export interface GroupedPost {
  post: TabPost;
  match: Candidate;
}

/** Two lists may use one id for different debunks: a debunk is its list and id. */
export const refOfView = (view: MatchView) => debunkRef(view.debunk.source, view.debunk.id);

export interface DebunkGroup {
  view: MatchView;
  posts: GroupedPost[];
}

function group(entries: { view: MatchView; post: TabPost }[]): DebunkGroup[] {
  const byDebunk = new Map<string, DebunkGroup>();
  for (const { view, post } of entries) {
    const existing = byDebunk.get(refOfView(view));
    const entry = { post, match: view.candidate };
    if (!existing) byDebunk.set(refOfView(view), { view, posts: [entry] });
    else {
      if (!existing.posts.some((p) => p.post.key === post.key)) existing.posts.push(entry);
      // The group is ranked by the strongest way this debunk matched.
      if (compareMatches(view, existing.view) < 0) existing.view = view;
    }
  }
  return [...byDebunk.values()].sort((a, b) => compareMatches(a.view, b.view));
}

export interface PopupGroups {
  badged: DebunkGroup[];
  /** Debunked claims that posts mention without spreading them (denials, debunk-shares), with those posts
   * only: a claim badged on other posts of the page is listed in both. */
  mentioned: DebunkGroup[];
  related: DebunkGroup[];
}

/**
 * Badged debunks first (certain before similar text), then the claims posts only mention, then the
 * "possibly related" ones not already listed above.
 */
export function groupTabPosts(posts: readonly TabPost[]): PopupGroups {
  const badged = group(posts.flatMap((post) => (post.badge ? [{ view: post.badge, post }] : [])));
  const badgedRefs = new Set(badged.map((g) => refOfView(g.view)));
  const mentioned = group(posts.flatMap((post) => (post.mentions ? [{ view: post.mentions, post }] : [])));
  const shownRefs = new Set([...badgedRefs, ...mentioned.map((g) => refOfView(g.view))]);
  const related = group(posts.flatMap((post) => post.related.filter((v) => !shownRefs.has(refOfView(v))).map((view) => ({ view, post }))));
  return { badged, mentioned, related };
}
