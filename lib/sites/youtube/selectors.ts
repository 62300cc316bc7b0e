/** YouTube selectors, from the Polymer app's custom elements (stable names; classes change more often). */
export const YOUTUBE_SELECTORS = {
  // The watch page's video, and the items of home, search, subscriptions and "up next" lists.
  watch: 'ytd-watch-flexy[video-id]',
  items: [
    'ytd-rich-item-renderer', // home and subscriptions grid
    'yt-lockup-view-model', // the 2025 lockup, in grids and the watch page's side list
    'ytd-video-renderer', // search results
    'ytd-compact-video-renderer', // older "up next" list
    'ytd-reel-item-renderer', // shorts shelf
  ],
  watchTitle: ['ytd-watch-metadata #title h1', 'ytd-watch-metadata h1', '#title h1'],
  watchTitleBox: ['ytd-watch-metadata #title', '#above-the-fold #title'],
  watchDescription: ['ytd-watch-metadata #description-inline-expander', 'ytd-watch-metadata #description', '#description'],
  watchChannel: ['ytd-watch-metadata ytd-channel-name a', 'ytd-channel-name a'],
  itemLink: ['a[href*="/watch?v="]', 'a[href^="/shorts/"]', 'a[href*="youtube.com/shorts/"]'],
  itemTitle: ['#video-title', '.yt-lockup-metadata-view-model__title', 'h3 a', 'h3'],
  itemChannel: ['ytd-channel-name a', '.yt-content-metadata-view-model__metadata-text', 'a[href^="/@"]'],
  thumbnail: ['img[src*="ytimg.com"]', 'yt-image img', 'img'],
} as const;
