/**
 * Facebook selectors, from the Comet app's hydrated DOM. Class names are atomic and regenerated with each
 * release, so posts are found by ARIA structure and the `data-ad-*` attributes Facebook keeps for its own
 * rendering roles.
 */
export const FACEBOOK_SELECTORS = {
  post: [
    '[role="feed"] [aria-posinset]', // News Feed, groups and page timelines
    '[role="main"] [role="article"][aria-labelledby]:not([aria-label])', // a post on its own page or in a dialog
    '[role="dialog"] [role="article"][aria-labelledby]:not([aria-label])',
    'article[data-store]', // m.facebook.com's basic pages
  ],
  // Comments are articles too, labelled "Comment by …": never posts, never part of one.
  comment: '[role="article"][aria-label]',
  message: ['[data-ad-rendering-role="story_message"]', '[data-ad-comet-preview="message"]', '[data-ad-preview="message"]'],
  // Text blocks outside the message: a shared original's text, a link card's title.
  textBlock: ['[dir="auto"]'],
  header: 'h2, h3, h4, h5, h6, [data-ad-rendering-role="profile_name"], [role="button"]',
  profileName: ['[data-ad-rendering-role="profile_name"]', 'h2', 'h3', 'h4'],
  author: [
    '[data-ad-rendering-role="profile_name"] a[role="link"]',
    'h2 a[role="link"]',
    'h3 a[role="link"]',
    'h4 a[role="link"]',
    'strong a',
  ],
  // The post's own link is the time link under the name; these are the shapes it takes.
  permalink: [
    'a[href*="/posts/"]',
    'a[href*="/videos/"]',
    'a[href*="/reel/"]',
    'a[href*="/watch/?v="]',
    'a[href*="/permalink.php"]',
    'a[href*="story_fbid="]',
    'a[href*="/photo"]',
  ],
  time: ['abbr[data-utime]', 'time[datetime]'],
  video: ['video'],
  photo: ['a[href*="/photo"] img', 'img[src*="fbcdn.net/v/"]'],
  outboundLink: ['a[href*="l.facebook.com/l.php"]', 'a[href^="https://lm.facebook.com/l.php"]', 'a[target="_blank"][href^="http"]'],
} as const;
