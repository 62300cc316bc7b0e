/**
 * User settings, one versioned object in two places. What content scripts need (sites on or off, the
 * language) is in `storage.local`, which content scripts can read and also write. What decides where data
 * goes or how lists are kept (the intake address, fact-checker mode, feed schedules) is privileged: only
 * the background keeps it (in IndexedDB, which a content script cannot reach) and only extension pages
 * change it, through the background (lib/background/settings-service.ts). Reads fill in defaults, so a
 * setting added later needs no migration; a stored value of the wrong type falls back to its default.
 */
import { browser } from 'wxt/browser';
import { PLATFORMS, SITE_IDS, type SiteId } from '../sites/platforms';

export { SITE_IDS, type SiteId };
export const LANGUAGES = ['auto', 'ar', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGES)[number];

export interface Settings {
  version: 1;
  /** Sites where Sanad looks at posts. */
  sites: Record<SiteId, boolean>;
  /** `auto` follows the browser's language. */
  language: LanguageChoice;
  /** The desk's intake service (base URL) that submissions go to; empty until the user sets one. */
  intakeUrl: string;
  /** Fact-checkers also get "Flag for my desk" and see their flags in options. */
  factChecker: boolean;
  /** Hours between feed syncs, and days without a successful sync after which a feed is marked stale. */
  feedSyncHours: (typeof FEED_SYNC_HOURS)[number];
  feedStaleDays: (typeof FEED_STALE_DAYS)[number];
}

/** The settings a content script may read (and, being able to write storage.local, change). */
export type PageSettings = Pick<Settings, 'version' | 'sites' | 'language'>;
/** The settings only the background keeps. */
export type PrivilegedSettings = Omit<Settings, keyof PageSettings>;

export const PRIVILEGED_KEYS = [
  'intakeUrl',
  'factChecker',
  'feedSyncHours',
  'feedStaleDays',
] as const satisfies readonly (keyof PrivilegedSettings)[];

export function splitSettings(settings: Settings): { page: PageSettings; privileged: PrivilegedSettings } {
  const { version, sites, language, ...privileged } = settings;
  return { page: { version, sites, language }, privileged };
}

export const FEED_SYNC_HOURS = [1, 3, 6, 12, 24] as const;
export const FEED_STALE_DAYS = [1, 3, 7, 14] as const;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  sites: Object.fromEntries(PLATFORMS.map((p) => [p.id, p.onByDefault])) as Settings['sites'],
  language: 'auto',
  intakeUrl: '',
  factChecker: false,
  feedSyncHours: 6,
  feedStaleDays: 3,
};

/** Hosts where plain http is this machine talking to itself (a desk's service under test), not the network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An intake service address as stored: an https origin and path without a trailing slash, or ''. Plain http
 * only for this machine: submissions (notes, screenshots) must not cross a network in clear.
 */
export function normaliseIntakeUrl(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.trim()) return '';
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return '';
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}
const KEY = 'settings';

/** Any stored value → valid settings (unknown keys dropped, wrong types replaced by defaults). */
export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const sitesRaw = (r.sites && typeof r.sites === 'object' ? r.sites : {}) as Record<string, unknown>;
  const sites = Object.fromEntries(
    SITE_IDS.map((id) => [id, typeof sitesRaw[id] === 'boolean' ? sitesRaw[id] : DEFAULT_SETTINGS.sites[id]]),
  ) as Settings['sites'];
  const language = LANGUAGES.includes(r.language as LanguageChoice) ? (r.language as LanguageChoice) : DEFAULT_SETTINGS.language;
  const factChecker = typeof r.factChecker === 'boolean' ? r.factChecker : DEFAULT_SETTINGS.factChecker;
  const oneOf = <T extends number>(allowed: readonly T[], value: unknown, fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    version: 1,
    sites,
    language,
    intakeUrl: normaliseIntakeUrl(r.intakeUrl),
    factChecker,
    feedSyncHours: oneOf(FEED_SYNC_HOURS, r.feedSyncHours, DEFAULT_SETTINGS.feedSyncHours),
    feedStaleDays: oneOf(FEED_STALE_DAYS, r.feedStaleDays, DEFAULT_SETTINGS.feedStaleDays),
  };
}

/** The page settings from storage.local (privileged keys found there are ignored: anyone could have put them). */
export async function loadPageSettings(): Promise<PageSettings> {
  return splitSettings(normaliseSettings((await browser.storage.local.get(KEY))[KEY])).page;
}

/** What storage.local held under the settings key, privileged keys included (for the one-time move). */
export async function legacyStoredSettings(): Promise<Settings> {
  return normaliseSettings((await browser.storage.local.get(KEY))[KEY]);
}

/** Writes the page settings (only those) to storage.local. */
export async function savePageSettings(settings: PageSettings): Promise<void> {
  await browser.storage.local.set({ [KEY]: splitSettings(normaliseSettings(settings)).page });
}

/** Calls `listener` whenever the page settings change (in any extension context); returns the unsubscribe. */
export function watchPageSettings(listener: (settings: PageSettings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(splitSettings(normaliseSettings(changes[KEY]!.newValue)).page);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
