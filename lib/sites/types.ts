import type { ExtractedPost } from '../match/types';
import type { SiteId } from './platforms';

/** Where a badge goes: inserted into `parent` before `before` (null: at the end). */
export interface BadgePlacement {
  parent: Element;
  before: Node | null;
  /**
   * The badge sits in a line of text at least 16px high (X's author line): its pill may then overlap the
   * line's leading by 3px above and below instead of making the line, and so the post, taller.
   */
  inLine?: boolean;
}

/**
 * One social site: which elements are posts and how to read them. Selectors are data with ordered
 * fallbacks; everything else is shared by the generic scanner.
 */
export interface SiteAdapter {
  id: SiteId;
  /** Every selector is applied; each names one kind of post container. */
  postSelectors: readonly string[];
  /** Reads one post; null when the element is not a post after all (a skeleton, a nested duplicate…). */
  extract(post: Element, page: URL): ExtractedPost | null;
  badgePlacement(post: Element): BadgePlacement | null;
  /** The post's playing video elements, whose frames may be sampled for footage matching. */
  videos?(post: Element): HTMLVideoElement[];
}
