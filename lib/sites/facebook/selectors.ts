/**
 * Facebook selectors, from the Comet app's hydrated DOM and m.facebook.com's. Class names are atomic and
 * regenerated with each release, so posts are found by ARIA structure and the `data-ad-*` attributes Facebook
 * keeps for its own rendering roles. Each list is ordered: the steadiest signal first. The pages each one must
 * match, and how often, are in real-pages.test.ts.
 */
export const FACEBOOK_SELECTORS = {
  post: [
    '[aria-posinset]', // feed units: News Feed, search, page timelines, a permalink opened in its dialog
    // 2026 group feeds: posts are plain children of the feed (loading cells read as nothing).
    '[role="feed"] > div:not(:has([aria-posinset]))',
    '[role="main"] [role="article"]:not([aria-label])', // a post on its own page (comments carry an aria-label)
    // A post opened in its dialog without a role of its own (2026): the dialog holds it and its comments.
    '[role="dialog"]:has([data-ad-rendering-role="story_message"]):not(:has([aria-posinset]))',
    'article[data-mcomponent="MContainer"]', // m.facebook.com since 2024
    'article[data-store]', // m.facebook.com's older basic pages
  ],
  // Comments are articles too, labelled "Comment by …": never posts, never part of one.
  comment: '[role="article"][aria-label]',
  message: ['[data-ad-rendering-role="story_message"]', '[data-ad-comet-preview="message"]', '[data-ad-preview="message"]'],
  // m.facebook.com draws every text as a leaf text area; the post's own text is the longest one.
  mobileText: ['[data-mcomponent="TextArea"]', '[data-mcomponent="ServerTextArea"]'],
  // Text outside the message: a link card's title and description; a shared original's own message.
  renderedText: ['[data-ad-rendering-role="title"]', '[data-ad-rendering-role="description"]', '[data-ad-rendering-role="story_message"]'],
  // Markup without rendering roles (older pages): a shared original's text, a link card's title.
  textBlock: ['[dir="auto"]'],
  header: 'h2, h3, h4, h5, h6, [data-ad-rendering-role="profile_name"], [role="button"]',
  profileName: ['[data-ad-rendering-role="profile_name"]', 'h2', 'h3', 'h4'],
  author: [
    '[data-ad-rendering-role="profile_name"] a[role="link"]',
    '[data-ad-rendering-role="profile_name"] a',
    'h2 a[role="link"]',
    'h3 a[role="link"]',
    'h4 a[role="link"]',
    'strong a',
  ],
  // The post's own link is the time link under the name when it carries the post's shape (before 2025);
  // since 2025 that link is `?__cft__…` and the post id is read from the post's photo and video links.
  permalink: ['a[href*="/posts/"]', 'a[href*="/permalink/"]', 'a[href*="/permalink.php"]', 'a[href*="story_fbid="]'],
  // A post's photos and videos name the post they belong to: `set=pcb.<post id>` (groups: `gm.<id>`),
  // `/videos/pcb.<post id>/<video id>`.
  postInMediaLink: ['a[href*="set=pcb."]', 'a[href*="set=gm."]', 'a[href*="/videos/pcb."]'],
  // A video or reel post: its video's own address.
  videoLink: ['a[href*="/videos/"]', 'a[href*="/reel/"]', 'a[href*="/watch/?v="]'],
  photoLink: ['a[href*="/photo"]'],
  time: ['abbr[data-utime]', 'time[datetime]'],
  video: ['video'],
  photo: ['a[href*="/photo"] img', 'img[src*="fbcdn.net/v/"]:not([src*="/t39.30808-1/"]):not([src*="/t39.35477-6/"])'],
  outboundLink: ['a[href*="l.facebook.com/l.php"]', 'a[href^="https://lm.facebook.com/l.php"]', 'a[target="_blank"][href^="http"]'],
} as const;
