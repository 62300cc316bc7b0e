/**
 * TikTok selectors, from the web app's hydrated DOM. Its class names are generated (css-<hash>-Name), so
 * posts are found by the `data-e2e` attributes TikTok keeps for its own tests, and by the player's id.
 */
export const TIKTOK_SELECTORS = {
  post: [
    '[data-e2e="recommend-list-item-container"]', // For You and Following feeds
    '#main-content-video_detail', // a video on its own page
    '[data-e2e="user-post-item"]', // a profile's grid
    '[data-e2e="search_top-item"]', // search results
    '[data-e2e="search_video-item"]',
  ],
  // The player wrapper's id carries the video id: xgwrapper-<index>-<video id>.
  player: ['[id^="xgwrapper-"]'],
  videoLink: ['a[href*="/video/"]'],
  author: ['[data-e2e="video-author-uniqueid"]', '[data-e2e="browse-username"]', '[data-e2e="search-card-user-unique-id"]'],
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
