/**
 * Knowing when a site has changed: a supported page that has visibly loaded content while its adapter
 * reads no post for a while is "unreadable" (the site's markup probably changed). Pure: the content script
 * feeds it samples of counts; nothing here touches the DOM or the network.
 */

/** A sample of the page: counts only, never its text. */
export interface PageSample {
  /** Milliseconds, from any monotonic clock. */
  at: number;
  /** Characters of text in the document body (whitespace left out). */
  textChars: number;
  /** Elements in the document body. */
  elements: number;
  /** Posts the adapter read on the page now. */
  postsRead: number;
}

export type Readability = 'waiting' | 'readable' | 'unreadable';

/**
 * How much a page must hold before "no post" means "cannot read" rather than "still loading". The real saved
 * pages of ../shared/real-dom with one post or more hold 130–29,000 characters and 290–17,000 elements; a
 * loading shell holds far fewer. A sparse page that breaks goes unreported rather than a shell being blamed.
 */
export const SUBSTANTIAL_TEXT_CHARS = 300;
export const SUBSTANTIAL_ELEMENTS = 300;
/** How long substantial content may sit with no post read before the page is called unreadable. */
export const UNREADABLE_AFTER_MS = 10_000;

export function hasSubstantialContent(sample: PageSample): boolean {
  return sample.textChars >= SUBSTANTIAL_TEXT_CHARS && sample.elements >= SUBSTANTIAL_ELEMENTS;
}

/**
 * Follows one page (start over on navigation). A post read at any time makes the page readable again; the
 * clock starts when content first becomes substantial, so a slow load is not blamed on the adapter.
 */
export class ReadabilityWatch {
  private contentSince: number | undefined;

  observe(sample: PageSample): Readability {
    if (!Number.isFinite(sample.at)) throw new Error('a page sample needs a finite time');
    if (sample.postsRead > 0) return 'readable';
    if (!hasSubstantialContent(sample)) return 'waiting';
    this.contentSince ??= sample.at;
    return sample.at - this.contentSince >= UNREADABLE_AFTER_MS ? 'unreadable' : 'waiting';
  }

  reset(): void {
    this.contentSince = undefined;
  }
}
