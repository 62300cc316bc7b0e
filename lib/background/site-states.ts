/**
 * Each site's last readability as its pages reported it, for the options page ("Facebook: cannot read
 * its pages, 2 Dec 14:05"). Kept in storage.local, on this device only, and sent nowhere.
 */
import { browser } from 'wxt/browser';
import { SITE_IDS } from '../sites/platforms';
import type { PageReadability, SiteStates } from '../wire/shapes';

const STORAGE_KEY = 'siteStates';

/** A report from a page, bounded and checked: it comes from a content script inside a page we do not control. */
export function checkReadability(report: unknown): PageReadability {
  const r = (report ?? {}) as Record<string, unknown>;
  if (!SITE_IDS.includes(r.site as never)) throw new Error(`no such site ${String(r.site).slice(0, 40)}`);
  if (r.readability !== 'readable' && r.readability !== 'unreadable') throw new Error('readability must be readable or unreadable');
  const counted = (name: string) => {
    const n = r[name];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`${name} must be a count`);
    return Math.min(n, 10_000_000);
  };
  return {
    site: r.site as string,
    readability: r.readability,
    postsRead: counted('postsRead'),
    elements: counted('elements'),
    textChars: counted('textChars'),
  };
}

export async function loadSiteStates(): Promise<SiteStates> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return stored && typeof stored === 'object' ? (stored as SiteStates) : {};
}

export async function recordSiteState(report: PageReadability, at: number): Promise<void> {
  const states = await loadSiteStates();
  states[report.site] = { readability: report.readability, postsRead: report.postsRead, at };
  await browser.storage.local.set({ [STORAGE_KEY]: states });
}
