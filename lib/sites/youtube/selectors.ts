/** YouTube selectors, from the Polymer app's custom elements (stable names; classes change more often). */
export const YOUTUBE_SELECTORS = {
  // The watch page's video, and the items of home, search, subscriptions and "up next" lists.
  // (2022 pages carry no video-id: the id is then the watch page's own address.)
  watch: 'ytd-watch-flexy',
  // YouTube keeps the pages a person left in the DOM, hidden (ytd-page-manager's children): never read them.
  cachedPage: '[hidden]',
  items: [
    'ytd-rich-item-renderer', // home and subscriptions grid
    'yt-lockup-view-model', // the 2025 lockup, in grids and the watch page's side list
    'ytd-video-renderer', // search results
    'ytd-compact-video-renderer', // older "up next" list
    'ytd-reel-item-renderer', // shorts shelf
    'ytm-shorts-lockup-view-model', // the 2025 shorts shelves of home and search
  ],
  // Lockups sit inside grid items there: read once, as part of their container.
  nestedItems: ['yt-lockup-view-model', 'ytm-shorts-lockup-view-model'],
  // In-feed ads are grid items too: their chrome is never a post.
  ad: ['ytd-ad-slot-renderer', 'ytd-in-feed-ad-layout-renderer', 'ytd-promoted-video-renderer'],
  watchTitle: ['ytd-watch-metadata #title h1', 'ytd-watch-metadata h1', '#title h1', 'ytd-video-primary-info-renderer h1'],
  watchTitleBox: ['ytd-watch-metadata #title', '#above-the-fold #title', 'ytd-video-primary-info-renderer #container'],
  watchDescription: [
    'ytd-watch-metadata #description-inline-expander',
    'ytd-watch-metadata #description',
    'ytd-video-secondary-info-renderer #description',
    '#description',
  ],
  watchChannel: ['ytd-watch-metadata ytd-channel-name a', 'ytd-channel-name a'],
  itemLink: ['a[href*="/watch?v="]', 'a[href^="/shorts/"]', 'a[href*="youtube.com/shorts/"]'],
  itemTitle: ['#video-title', '.yt-lockup-metadata-view-model__title', 'h3 a', 'h3'],
  itemChannel: ['ytd-channel-name a', '.yt-content-metadata-view-model__metadata-text', 'a[href^="/@"]'],
  thumbnail: ['img[src*="ytimg.com"]', 'yt-image img', 'img'],
} as const;
