/**
 * The real saved pages of ../shared/real-dom (see its README) in the test document (happy-dom): loading one,
 * reading it with an adapter, and the checks every post read from a real page must pass. The table of pages
 * and their figures is scripts/support/real-pages.ts, shared with `npm run real-pages`.
 */
import type { SiteAdapter } from '@/lib/sites/types';
import { readRealPosts as readIn, realPageMarkup, type ReadPost } from '@/scripts/support/real-pages';

export { realPageExpectation, type ReadPost, type RealPageExpectation } from '@/scripts/support/real-pages';

/** Loads a real saved page (`facebook/group-feed-2026.html`) into the test document (happy-dom). */
export function loadRealPage(file: string): void {
  document.documentElement.innerHTML = realPageMarkup(file);
}

/** Every post the adapter reads on the loaded page, with its element, in document order. */
export function readRealPosts(adapter: SiteAdapter, page: string): ReadPost[] {
  return readIn(adapter, page, document);
}

/** Elements a badge must never sit in: the post's media, its text's own element is fine to sit beside. */
const MEDIA = 'video, img, picture, canvas, svg, [role="slider"]';

/**
 * Where the adapter puts a post's badge, checked as a person would see it: inside the post's own box, not in
 * its media, not inside anything `exclude` names (its comments).
 */
export function placementProblem(adapter: SiteAdapter, element: Element, exclude?: string): string | null {
  const placement = adapter.badgePlacement(element);
  if (!placement) return 'no placement';
  const { parent } = placement;
  if (parent !== element && !element.contains(parent)) return 'outside the post';
  if (parent.closest(MEDIA)) return `inside media (${parent.localName})`;
  if (exclude) {
    const excluded = parent.closest(exclude);
    if (excluded && element.contains(excluded)) return 'inside an excluded part (a comment)';
  }
  if (placement.before && placement.before.parentNode !== parent) return 'anchor is not a child of its parent';
  return null;
}
