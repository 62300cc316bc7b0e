/**
 * `feed harvest`: fact-checkers' websites → one unsigned Sanad feed, with the extension's own harvesting
 * (lib/harvest). Incremental through a state file: each run fetches only articles not seen before (a
 * bounded number, with a pause between requests) and the feed holds everything harvested so far.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { claimReviewToDebunk } from '../../lib/debunk/claimreview';
import { FEED_VERSION } from '../../lib/feeds/sanad-feed';
import {
  describeHarvest,
  harvestSite,
  HARVEST_LIMITS,
  type HarvestDeps,
  type HarvestLimits,
  type SiteState,
} from '../../lib/harvest/harvest';
import { isObject } from '../../lib/untrusted/read';

type Obj = Record<string, unknown>;

interface HarvestStateFile {
  harvestState: 1;
  /** The last feed's sequence number: the next run publishes one higher. */
  sequence: number;
  sites: Record<string, SiteState & { items: Obj[] }>;
}

export interface HarvestOptions {
  sites: string[];
  stateFile: string;
  feedUrl: string;
  publisher: string;
  publisherUrl?: string;
  limits?: Partial<HarvestLimits>;
}

function readState(file: string): HarvestStateFile {
  if (!existsSync(file)) return { harvestState: 1, sequence: 0, sites: {} };
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(doc) || doc.harvestState !== 1 || !isObject(doc.sites)) throw new Error(`${file} is not a harvest state file`);
  return doc as unknown as HarvestStateFile;
}

/** Runs every site once; returns the feed (unsigned) and one line per site for the log. */
export async function harvestToFeed(options: HarvestOptions, deps: HarvestDeps): Promise<{ feed: Obj; log: string[] }> {
  const state = readState(options.stateFile);
  const limits = { ...HARVEST_LIMITS, ...options.limits };
  const log: string[] = [];
  for (const raw of options.sites) {
    const site = new URL(raw).href;
    const held = state.sites[site] ?? { site, seen: [], items: [] };
    const result = await harvestSite(held, deps, limits);
    if (!result.ok) {
      log.push(`${site}: ${result.reason} (the items harvested before are kept)`);
      continue;
    }
    const fresh = result.pages.flatMap((p) => p.reviews);
    const usable = fresh.filter((item) => claimReviewToDebunk(item, 'harvest').ok);
    // A corrected article replaces its earlier reviews.
    const pagesNow = new Set(result.pages.map((p) => p.url));
    const items = [...held.items.filter((i) => !pagesNow.has(String(i.url))), ...usable];
    state.sites[site] = { ...result.state, items };
    log.push(
      `${site}: ${describeHarvest(result, fresh.length - usable.length)}; ${items.length} ${items.length === 1 ? 'item' : 'items'} in the feed`,
    );
  }
  state.sequence += 1;
  writeFileSync(options.stateFile, `${JSON.stringify(state)}\n`);
  const feed = {
    sanadFeed: FEED_VERSION,
    feed: options.feedUrl,
    sequence: state.sequence,
    publisher: { name: options.publisher, ...(options.publisherUrl && { url: options.publisherUrl }) },
    generated: new Date().toISOString(),
    items: Object.values(state.sites).flatMap((s) => s.items),
    tombstones: [],
  };
  return { feed, log };
}
