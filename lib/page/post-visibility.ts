/**
 * Which posts the scanner reads: only posts a reader can see. A page could otherwise place fake posts
 * off-screen, hidden or too small to see, each naming a debunked link, and learn from the badges which
 * debunks (private desk feeds too) this reader's Sanad holds.
 *
 * Where a post is comes from an IntersectionObserver, which the browser answers from the layout it does for
 * its own frames: measuring each post ourselves (getBoundingClientRect, scroll sizes) forced a layout in
 * between the page's own writes and reads, and the page paid for it in its next scroll. Posts within a few
 * screens of the viewport count as in view, so badges are ready before the reader scrolls to them.
 */

/** Smaller than this (CSS pixels) is no post a reader sees: visually-hidden tricks use 1 px boxes. */
export const MIN_POST_SIDE = 24;

/**
 * How far beyond the viewport (and beyond a scrolling pane's edges) a post counts as in view: posts further
 * down a feed are read a little ahead of the reader. Horizontally nothing: a post parked left or right of
 * the screen is none a reader sees.
 */
export const READ_AHEAD_MARGIN = '150% 0px';

/** What an IntersectionObserver entry says about a post (the parts isInView needs). */
export interface ViewEntry {
  isIntersecting: boolean;
  boundingClientRect: { width: number; height: number; top?: number; bottom?: number };
}

/**
 * Whether the entry's post is on the screen itself rather than in the read-ahead margin, from the entry's own
 * box (no layout read); unknown boxes count as on screen.
 */
export function isOnScreen(entry: ViewEntry, viewportHeight: () => number): boolean {
  const { top, bottom } = entry.boundingClientRect;
  return top === undefined || bottom === undefined || (bottom > 0 && top < viewportHeight());
}

/** In view: near the viewport and big enough to see (display: none gives no box, so no intersection). */
export function isInView(entry: ViewEntry): boolean {
  const { width, height } = entry.boundingClientRect;
  return entry.isIntersecting && width >= MIN_POST_SIDE && height >= MIN_POST_SIDE;
}

type Observer = Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;
export type ObserverFactory = (
  callback: (entries: (ViewEntry & { target: Element })[]) => void,
  options: IntersectionObserverInit & { scrollMargin?: string },
) => Observer;

export interface PostsInViewOptions {
  /**
   * Called when a post comes into view: the scanner looks at it again, soon when it is on the screen itself,
   * later when it entered the read-ahead margin only.
   */
  onEnter: (element: Element, onScreen: boolean) => void;
  /** The viewport's height in CSS pixels (window.innerHeight, which needs no layout, by default). */
  viewportHeight?: () => number;
  /** Rendered, not hidden, not transparent: checked only for posts in view (see isRendered). */
  rendered?: (element: Element) => boolean;
  /** The browser's IntersectionObserver by default (tests give their own). */
  observer?: ObserverFactory;
}

/**
 * Follows the posts the scanner has met. A post is visible once the observer has placed it in view and the
 * browser renders it; a post met for the first time is not visible until the observer's first answer, which
 * arrives with the next frame.
 */
export class PostsInView {
  private readonly watched = new Set<Element>();
  private readonly inView = new WeakSet<Element>();
  private readonly observer: Observer;
  private readonly rendered: (element: Element) => boolean;

  constructor(options: PostsInViewOptions) {
    this.rendered = options.rendered ?? isRendered;
    const viewportHeight = options.viewportHeight ?? (() => window.innerHeight);
    const make: ObserverFactory = options.observer ?? ((callback, init) => new IntersectionObserver(callback, init));
    this.observer = make(
      (entries) => {
        for (const entry of entries) {
          if (!isInView(entry)) {
            this.inView.delete(entry.target);
            continue;
          }
          if (this.inView.has(entry.target)) continue;
          this.inView.add(entry.target);
          options.onEnter(entry.target, isOnScreen(entry, viewportHeight));
        }
      },
      // scrollMargin: the same read-ahead inside scrolling panes (a chat's message list), where browsers have it.
      { rootMargin: READ_AHEAD_MARGIN, scrollMargin: READ_AHEAD_MARGIN, threshold: 0 },
    );
  }

  /** Whether a reader can see `element` now; starts following it when met for the first time. */
  isVisible(element: Element): boolean {
    if (!this.watched.has(element)) {
      if (this.inView.has(element)) return this.rendered(element); // released, unchanged since
      this.watched.add(element);
      this.observer.observe(element);
      return false;
    }
    return this.inView.has(element) && this.rendered(element);
  }

  /**
   * Stops following a post the scanner has read in view: the browser then computes nothing for it per frame,
   * and it stays visible (a scan that starts over reads it at once) until `changed` says the page touched it.
   */
  release(element: Element): void {
    if (!this.watched.delete(element)) return;
    this.observer.unobserve(element);
  }

  /** The page changed this post: a released one waits for a fresh answer from the observer before it is read. */
  changed(element: Element): void {
    if (!this.watched.has(element)) this.inView.delete(element);
  }

  /** Stops following posts that left the page. */
  forgetDetached(): void {
    for (const element of this.watched) {
      if (element.isConnected) continue;
      this.watched.delete(element);
      this.inView.delete(element);
      this.observer.unobserve(element);
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.watched.clear();
  }

  get size(): number {
    return this.watched.size;
  }
}

/**
 * Not `visibility: hidden` and not transparent, on the post or an ancestor. checkVisibility needs styles
 * only (no layout), and the scanner calls it in its own task, where nothing of ours was written before.
 */
export function isRendered(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
  if (typeof check === 'function')
    return check.call(element, { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true });
  // Browsers without checkVisibility: the same from computed styles.
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse' || Number(style.opacity) === 0)
      return false;
  }
  return true;
}
