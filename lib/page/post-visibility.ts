/**
 * Which posts the scanner reads: only posts a reader can see. A page could otherwise place fake posts
 * off-screen, hidden or too small to see, each naming a debunked link, and learn from the badges which
 * debunks (private desk feeds too) this reader's Sanad holds. Posts further down a feed count as visible:
 * the reader scrolls to them.
 */

/** Smaller than this (CSS pixels) is no post a reader sees: visually-hidden tricks use 1 px boxes. */
export const MIN_POST_SIDE = 24;

/** A post's box in document coordinates, and whether the browser renders it at all. */
export interface PostBox {
  /** Rendered, not `visibility: hidden`, not transparent (checkVisibility, or the same from computed styles). */
  rendered: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The area a reader can scroll to: the document from its origin to its scroll size. */
export interface ScrollArea {
  width: number;
  height: number;
}

export function isVisiblePost(box: PostBox, area: ScrollArea): boolean {
  if (!box.rendered || box.width < MIN_POST_SIDE || box.height < MIN_POST_SIDE) return false;
  // Entirely left of or above the document's origin, or beyond its end: nowhere a reader can scroll to.
  return box.left + box.width > 0 && box.top + box.height > 0 && box.left < area.width && box.top < area.height;
}

/** Measures a post in the page (browser glue for isVisiblePost). */
export function measurePost(element: Element): PostBox {
  const rect = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  return {
    rendered: isRendered(element),
    left: rect.left + (view?.scrollX ?? 0),
    top: rect.top + (view?.scrollY ?? 0),
    width: rect.width,
    height: rect.height,
  };
}

export function scrollAreaOf(doc: Document): ScrollArea {
  const root = doc.documentElement;
  return { width: Math.max(root.scrollWidth, root.clientWidth), height: Math.max(root.scrollHeight, root.clientHeight) };
}

function isRendered(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
  if (typeof check === 'function')
    return check.call(element, { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true });
  // Browsers without checkVisibility: not displayed, hidden or transparent on the post or an ancestor.
  const view = element.ownerDocument.defaultView;
  if (!view || !element.getClientRects().length) return false;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const style = view.getComputedStyle(el);
    if (style.visibility === 'hidden' || style.visibility === 'collapse' || Number(style.opacity) === 0) return false;
  }
  return true;
}
