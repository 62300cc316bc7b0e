/** The sites Sanad has adapters for (one folder each under lib/sites). */
export const SITE_IDS = ['x', 'facebook', 'youtube', 'tiktok', 'instagram', 'telegram'] as const;
export type SiteId = (typeof SITE_IDS)[number];
