/**
 * TikTok selectors, from the web app's hydrated DOM. Its class names are generated (css-<hash>-Name), so
 * posts are found by the `data-e2e` attributes TikTok keeps for its own tests, and by the player's id; a
 * class-name suffix is the last fallback. The pages each post selector must match, and how often, are in
 * real-pages.test.ts.
 */

/**
 * A grid card: the item (only the thumbnail) and, beside it, the block with its caption and author. The
 * adapter reads a card only when it holds one item (a list of items with their captions is not a card).
 */
const card = (item: string, desc: string) => `div:has(> [data-e2e="${item}"]):has([data-e2e="${desc}"])`;
const GRID = [
  ['user-post-item', 'user-post-item-desc'], // a profile's grid (2024: caption beside the cover)
  ['search_top-item', 'search-card-desc'], // search results
  ['search_video-item', 'search-card-desc'],
  ['explore-item', 'explore-card-desc'], // Explore
] as const;
const GRID_ITEMS = [...new Set(GRID.map(([item]) => item))];

export const TIKTOK_SELECTORS = {
  post: [
    '[data-e2e="recommend-list-item-container"]', // For You and Following feeds
    '#main-content-video_detail', // a video on its own page
    '[class*="-DivVideoDetailContainer"]', // the same, 2022 (no id yet)
    ...GRID.map(([item, desc]) => card(item, desc)), // profile, search and Explore grids: the card with its caption
    ...GRID_ITEMS.map((item) => `[data-e2e="${item}"]`), // an item whose wrapper holds several (read alone)
  ],
  gridItem: GRID_ITEMS.map((item) => `[data-e2e="${item}"]`),
  gridCard: GRID.map(([item, desc]) => card(item, desc)),
  // The player wrapper's id carries the video id: xgwrapper-<index>-<video id>.
  player: ['[id^="xgwrapper-"]'],
  videoLink: ['a[href*="/video/"]'],
  author: [
    '[data-e2e="video-author-uniqueid"]',
    '[data-e2e="browse-username"]',
    '[data-e2e="search-card-user-unique-id"]',
    '[data-e2e="explore-card-user-unique-id"]',
  ],
  authorLink: ['a[href^="/@"]', 'a[href*="tiktok.com/@"]'],
  caption: [
    '[data-e2e="video-desc"]',
    '[data-e2e="browse-video-desc"]',
    '[data-e2e="search-card-video-caption"]',
    '[data-e2e="user-post-item-desc"]',
  ],
  // Grid items show no caption, but their cover's alt text is the caption ("… created by X with Y").
  poster: ['picture img', 'img[class*="ImgPoster"]', '[data-e2e="user-post-item"] img', 'img[src*="tiktokcdn"]:not([src*="-avt-"])'],
  video: ['video'],
} as const;
