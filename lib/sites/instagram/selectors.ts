/**
 * Instagram selectors, from the web app's hydrated DOM. Posts are articles in the feed and on their own page;
 * the underscore classes (_aagv, _ap3a, _aacu…) are Instagram's long-lived named classes, used only as
 * fallbacks after structure.
 */
export const INSTAGRAM_SELECTORS = {
  post: ['main article', '[role="dialog"] article'],
  // The post's own link wraps its <time>; the author's links are the bare /<username>/ ones.
  permalinkTime: ['a[href*="/p/"] time', 'a[href*="/reel/"] time', 'a[href*="/tv/"] time'],
  caption: ['h1[dir="auto"]', 'span._aacu[dir="auto"]', 'span[dir="auto"] > span[dir="auto"]'],
  authorName: ['a[role="link"] span._aacw', 'a[role="link"] span[dir="auto"]'],
  video: ['video'],
  photo: ['div._aagv img', 'img[crossorigin][src*="cdninstagram.com"]:not([alt*="profile picture"])'],
} as const;
