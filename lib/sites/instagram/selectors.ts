/**
 * Instagram selectors, from the web app's hydrated DOM. Posts are articles in the feed; since 2025 a post's own
 * page has no article at all, so it is read from `main` by its time and link shapes. The underscore classes
 * (_aagv, _ap3a, _aacu…) are Instagram's long-lived named classes, used only as fallbacks after structure.
 * The pages each post selector must match, and how often, are in real-pages.test.ts.
 */
export const INSTAGRAM_SELECTORS = {
  post: [
    'main article', // the home feed, and post pages before 2025
    '[role="dialog"] article', // a post opened over the feed
    'main:not(:has(article))', // a post's own page since 2025 (read only when the address is a post's)
    // A profile's grid tiles: the link to each post (on a post's own page these are suggestions, never read).
    'main a[href*="/p/"]:has(img)',
    'main a[href*="/reel/"]:has(img)',
  ],
  // The post's own link wraps its <time>; the author's links are the bare /<username>/ ones.
  permalinkTime: ['a[href*="/p/"] time', 'a[href*="/reel/"] time', 'a[href*="/tv/"] time'],
  // Comments link their time to /p/<code>/c/<comment id>/: never the post's.
  commentLink: 'a[href*="/c/"]',
  caption: ['h1[dir="auto"]', 'span._aacu[dir="auto"]', 'span[dir="auto"] > span[dir="auto"]'],
  authorName: ['a[role="link"] span._aacw', 'a[role="link"] span[dir="auto"]'],
  video: ['video'],
  photo: ['div._aagv img', 'img[crossorigin][src*="cdninstagram.com"]:not([alt*="profile picture"])'],
  // A post page's media: images in the post's presentation list and its video (never the avatars).
  pagePhoto: ['[role="presentation"] img', 'div._aagv img'],
  tileImage: ['img[alt]', 'img'],
} as const;
