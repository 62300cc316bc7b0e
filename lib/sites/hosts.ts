/**
 * Where each site lives: the pages its content script runs on, and the image hosts whose posters and photos
 * may be hashed. The manifest's host permissions are built from these lists, so they cannot drift apart.
 */
import type { SiteId } from './ids';

export const SITE_PAGES: Record<SiteId, string[]> = {
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://m.facebook.com/*', 'https://web.facebook.com/*'],
  youtube: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  tiktok: ['https://www.tiktok.com/*', 'https://m.tiktok.com/*'],
  instagram: ['https://www.instagram.com/*'],
  // Both official clients, /k/ and /a/.
  telegram: ['https://web.telegram.org/*'],
};

export const SITE_IMAGE_HOSTS: string[] = [
  'https://pbs.twimg.com/*',
  'https://i.ytimg.com/*',
  'https://*.fbcdn.net/*',
  'https://*.cdninstagram.com/*',
  'https://*.tiktokcdn.com/*',
  'https://*.tiktokcdn-us.com/*',
];
