/** How the popup orders what a tab matched: one entry per debunk, with the posts it matched. Pure. */
import { compareMatches } from '@/lib/wire/ranking';
import type { MatchView, TabPost } from '@/lib/wire/shapes';
import { debunkRef } from '@/lib/debunk/types';

/** Two lists may use one id for different debunks: a debunk is its list and id. */
export const refOfView = (view: MatchView) => debunkRef(view.debunk.source, view.debunk.id);

export interface DebunkGroup {
  view: MatchView;
  posts: TabPost[];
}

function group(entries: { view: MatchView; post: TabPost }[]): DebunkGroup[] {
  const byDebunk = new Map<string, DebunkGroup>();
  for (const { view, post } of entries) {
    const existing = byDebunk.get(refOfView(view));
    if (!existing) byDebunk.set(refOfView(view), { view, posts: [post] });
    else {
      if (!existing.posts.some((p) => p.key === post.key)) existing.posts.push(post);
      // The card shows the strongest way this debunk matched.
      if (compareMatches(view, existing.view) < 0) existing.view = view;
    }
  }
  return [...byDebunk.values()].sort((a, b) => compareMatches(a.view, b.view));
}

/** Badged debunks first (certain before similar text), then the "possibly related" ones not badged anywhere. */
export function groupTabPosts(posts: readonly TabPost[]): { badged: DebunkGroup[]; related: DebunkGroup[] } {
  const badged = group(posts.flatMap((post) => (post.badge ? [{ view: post.badge, post }] : [])));
  const badgedRefs = new Set(badged.map((g) => refOfView(g.view)));
  const related = group(posts.flatMap((post) => post.related.filter((v) => !badgedRefs.has(refOfView(v))).map((view) => ({ view, post }))));
  return { badged, related };
}
