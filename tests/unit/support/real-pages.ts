/**
 * The real saved pages of ../shared/real-dom (see its README): loading one into the test document, reading it
 * with an adapter, and the checks every post read from a real page must pass.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtractedPost } from '@/lib/match/types';
import type { SiteAdapter } from '@/lib/sites/types';

const REAL_DOM = resolve(process.cwd(), '../shared/real-dom');

/** What a page's `<name>.expect.json` says (the README's format); only some pages have one. */
export interface RealPageExpectation {
  url: string;
  post: string;
  posts: number;
  visibleOnly?: boolean;
  exclude?: string;
  hidden?: string;
  debunks: { id: string; post: number; claim: string; appearance?: string; expect: 'badge' | 'none' }[];
}

export function realPageExpectation(file: string): RealPageExpectation | undefined {
  try {
    return JSON.parse(readFileSync(resolve(REAL_DOM, file.replace(/\.html$/, '.expect.json')), 'utf8')) as RealPageExpectation;
  } catch {
    return undefined;
  }
}

/** Loads a real saved page (`facebook/group-feed-2026.html`) into the test document (happy-dom). */
export function loadRealPage(file: string): void {
  // Stylesheet links and iframes go: happy-dom would only log that it may not load them (nothing posts are made of).
  document.documentElement.innerHTML = readFileSync(resolve(REAL_DOM, file), 'utf8')
    .replace(/^<!DOCTYPE[^>]*>/i, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, '');
}

export interface ReadPost {
  element: Element;
  post: ExtractedPost;
}

/** Every post the adapter reads on the loaded page, with its element, in document order. */
export function readRealPosts(adapter: SiteAdapter, page: string): ReadPost[] {
  const url = new URL(page);
  const out: ReadPost[] = [];
  for (const element of document.querySelectorAll(adapter.postSelectors.join(','))) {
    const post = adapter.extract(element, url);
    if (post) out.push({ element, post });
  }
  return out;
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
