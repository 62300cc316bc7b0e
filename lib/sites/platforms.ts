/**
 * The supported sites, one row each. Everything else that lists sites derives from this table: the manifest's
 * host permissions (wxt.config.ts), each content script's matches (entrypoints/<id>.content.ts), the hosts
 * whose links carry a post id (lib/urls/canonical.ts) and the settings' defaults. platforms.test.ts checks
 * that every row has its adapter, selectors, tests, entry file and saved pages.
 *
 * Pure data: no browser or DOM imports (wxt.config.ts reads it in Node).
 */

export interface Platform {
  /** The folder lib/sites/<id>, the entry entrypoints/<id>.content.ts, fixtures tests/fixtures/<id>, the settings key. */
  readonly id: string;
  /** Match patterns (`https://<host>/*`) of the pages the content script reads posts on; also host permissions. */
  readonly pages: readonly string[];
  /** Match patterns of the image hosts whose posters and photos may be hashed for footage matching. */
  readonly imageHosts: readonly string[];
  /** Links that name a post or video by its id (lib/urls/canonical.ts). Hosts are written without `www.`. */
  readonly postLinks: {
    /** Hosts with the site's post links besides those of `pages`: other apps, embeds, other names. */
    readonly hosts: readonly string[];
    /** Short-link hosts (`youtu.be/<id>`, `fb.watch/<code>`): the id or code is the first path segment. */
    readonly shortHosts: readonly string[];
    /** Set when links on the hosts of `pages` are not post links, saying why. */
    readonly notOnPages?: string;
  };
  /** Whether Sanad reads the site until the user turns it off in the options. */
  readonly onByDefault: boolean;
  /** Set when ../shared/real-dom/<id>/ has no real saved pages of the site, saying why. */
  readonly noRealPages?: string;
}

// The order is the order of the options page's list.
export const PLATFORMS = [
  {
    id: 'x',
    // m.twitter.com, the oldest mobile name, was missing here while its links were read as X ids.
    pages: [
      'https://x.com/*',
      'https://twitter.com/*',
      'https://mobile.twitter.com/*',
      'https://mobile.x.com/*',
      'https://m.twitter.com/*',
    ],
    imageHosts: ['https://pbs.twimg.com/*'],
    postLinks: { hosts: [], shortHosts: [] },
    onByDefault: true,
  },
  {
    id: 'facebook',
    pages: ['https://www.facebook.com/*', 'https://m.facebook.com/*', 'https://web.facebook.com/*'],
    imageHosts: ['https://*.fbcdn.net/*'],
    postLinks: { hosts: ['mbasic.facebook.com', 'business.facebook.com'], shortHosts: ['fb.watch'] },
    onByDefault: true,
  },
  {
    id: 'youtube',
    pages: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
    imageHosts: ['https://i.ytimg.com/*'],
    postLinks: { hosts: ['music.youtube.com', 'youtube-nocookie.com'], shortHosts: ['youtu.be'] },
    onByDefault: true,
  },
  {
    id: 'tiktok',
    pages: ['https://www.tiktok.com/*', 'https://m.tiktok.com/*'],
    imageHosts: ['https://*.tiktokcdn.com/*', 'https://*.tiktokcdn-us.com/*'],
    postLinks: { hosts: [], shortHosts: ['vm.tiktok.com', 'vt.tiktok.com'] },
    onByDefault: true,
  },
  {
    id: 'instagram',
    pages: ['https://www.instagram.com/*'],
    imageHosts: ['https://*.cdninstagram.com/*'],
    postLinks: { hosts: ['m.instagram.com'], shortHosts: [] },
    onByDefault: true,
  },
  {
    id: 'telegram',
    // Both official clients, /k/ and /a/.
    pages: ['https://web.telegram.org/*'],
    // Photos are blobs the client has already fetched: no image host to hash from.
    imageHosts: [],
    postLinks: {
      hosts: ['t.me', 'telegram.me'],
      shortHosts: [],
      notOnPages: 'Telegram Web addresses name a chat (web.telegram.org/k/#@channel); posts are linked as t.me/<channel>/<n>.',
    },
    onByDefault: true,
    noRealPages:
      'No real saved page of Telegram Web is public (see ../shared/real-dom/README.md); its fixtures were saved and trimmed by hand.',
  },
] as const satisfies readonly Platform[];

export type SiteId = (typeof PLATFORMS)[number]['id'];
export const SITE_IDS: readonly SiteId[] = PLATFORMS.map((p) => p.id);

export function platform(id: SiteId): Platform {
  return PLATFORMS.find((p) => p.id === id)!;
}

/** A content script's matches (a fresh, mutable copy, as WXT's types want). */
export function sitePages(id: SiteId): string[] {
  return [...platform(id).pages];
}

/** The manifest's host permissions: every site's pages, then every image host. */
export function hostPermissions(): string[] {
  return [...new Set([...PLATFORMS.flatMap((p) => p.pages), ...PLATFORMS.flatMap((p) => p.imageHosts)])];
}

/** `https://www.facebook.com/*` → `facebook.com`: hosts as canonical.ts compares them. */
export function patternHost(pattern: string): string {
  return pattern
    .replace(/^https:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
}

/** The hosts (without `www.`) whose links name posts of a site, and its short-link hosts. */
export function postLinkHosts(p: Platform): { hosts: string[]; shortHosts: string[] } {
  const onPages = p.postLinks.notOnPages ? [] : p.pages.map(patternHost);
  return { hosts: [...new Set([...onPages, ...p.postLinks.hosts])], shortHosts: [...p.postLinks.shortHosts] };
}
