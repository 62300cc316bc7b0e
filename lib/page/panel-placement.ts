/**
 * Where the badge's panel goes: below the badge when it fits, above when it fits there instead, else on the
 * roomier side with its height cut to the room (the panel scrolls inside). Always inside the viewport, start-
 * aligned with the badge (its right edge in right-to-left pages). Pure, so it is tested without a browser.
 */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PanelPlacement {
  left: number;
  top: number;
  width: number;
  /** The panel's height limit: its content height when it fits, else the room on the chosen side. */
  maxHeight: number;
  side: 'below' | 'above';
}

/** Room kept between the panel and the viewport's edges, and between the badge and the panel. */
export const EDGE = 8;
export const GAP = 6;
const MAX_WIDTH = 380;

/** The panel's width in a viewport this wide: up to 380 px, with room at both edges. */
export const panelWidth = (viewportWidth: number): number => Math.max(0, Math.min(MAX_WIDTH, viewportWidth - 2 * EDGE));

export function placePanel(badge: Box, contentHeight: number, viewport: { width: number; height: number }, rtl: boolean): PanelPlacement {
  const width = panelWidth(viewport.width);
  const start = rtl ? badge.right - width : badge.left;
  const left = Math.max(EDGE, Math.min(start, viewport.width - width - EDGE));
  // The badge may be partly scrolled out of view: measure room from the part of it that can be seen.
  const anchorTop = Math.min(Math.max(badge.top, 0), viewport.height);
  const anchorBottom = Math.max(Math.min(badge.bottom, viewport.height), 0);
  const below = viewport.height - anchorBottom - GAP - EDGE;
  const above = anchorTop - GAP - EDGE;
  const side = contentHeight <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const maxHeight = Math.min(contentHeight, room);
  const wanted = side === 'below' ? anchorBottom + GAP : anchorTop - GAP - maxHeight;
  const top = Math.max(EDGE, Math.min(wanted, viewport.height - EDGE - maxHeight));
  return { left, top, width, maxHeight, side };
}
