/**
 * Syncing a fact-checker's website subscription: one harvest run (lib/harvest), its reviews turned into
 * debunks and added to the site's list, the run's page counts kept on the subscription for the options
 * page. A failed run keeps the last good list; a run that found nothing new changes no list.
 */
import { claimReviewToDebunk } from '../debunk/claimreview';
import type { Debunk } from '../debunk/types';
import type { ListWriter, SyncOutcome } from '../feeds/sync';
import { countHarvest, harvestSite, HARVEST_LIMITS, type HarvestLimits } from '../harvest/harvest';
import type { FeedRecord, SanadDb } from '../store/db';

/** A site's list keeps at most this many debunks (the newest by review date). */
export const MAX_SITE_DEBUNKS = 5_000;

export interface SiteSyncDeps {
  fetch: typeof fetch;
  lists: ListWriter;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  limits?: HarvestLimits;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Unsigned: what the card names as the source is the desk's own domain, the one thing Sanad checked. */
export function sitePublisher(site: string): Debunk['publisher'] {
  const url = new URL(site);
  return { name: url.hostname.replace(/^www\./, ''), url: url.origin };
}

export async function syncSite(db: SanadDb, feed: FeedRecord, deps: SiteSyncDeps): Promise<SyncOutcome> {
  const attempt = deps.now();
  const record = async (changes: Partial<FeedRecord>) => {
    const current = (await db.get('feeds', feed.id)) ?? feed;
    await db.put('feeds', { ...current, ...changes, lastAttempt: attempt });
  };
  const state = {
    site: feed.url,
    seen: feed.site?.seen ?? [],
    ...(feed.site?.listing && { listing: feed.site.listing }),
    ...(feed.etag && { etag: feed.etag }),
    ...(feed.lastModified && { lastModified: feed.lastModified }),
  };
  try {
    const result = await harvestSite(state, { fetch: deps.fetch, sleep: deps.sleep ?? wait }, deps.limits ?? HARVEST_LIMITS);
    if (!result.ok) {
      await record({ lastError: result.reason ?? 'failed' });
      return { status: 'failed', reason: result.reason ?? 'failed' };
    }
    const publisher = sitePublisher(feed.url);
    const fresh: Debunk[] = [];
    let unusable = 0;
    for (const page of result.pages) {
      for (const review of page.reviews) {
        const converted = claimReviewToDebunk(review, feed.id);
        if (converted.ok) fresh.push({ ...converted.debunk, publisher });
        else unusable++;
      }
    }
    const next = result.state;
    const kept = {
      site: { ...(next.listing && { listing: next.listing }), seen: next.seen },
      etag: next.etag,
      lastModified: next.lastModified,
      lastSuccess: attempt,
      lastError: undefined,
      lastHarvest: countHarvest(result, unusable),
      publisher: publisher.name,
    };
    if (!fresh.length) {
      await record(kept);
      return { status: 'not-modified' };
    }
    const merged = new Map((await deps.lists.debunksOf(feed.id)).map((d) => [d.id, d]));
    for (const debunk of fresh) merged.set(debunk.id, debunk);
    const debunks = [...merged.values()].sort((a, b) => (b.reviewDate ?? '').localeCompare(a.reviewDate ?? '')).slice(0, MAX_SITE_DEBUNKS);
    await deps.lists.write({ id: feed.id, version: `site@${attempt}`, skipped: unusable, importedAt: attempt }, debunks);
    await record({ ...kept, count: debunks.length });
    return { status: 'updated', count: debunks.length, skipped: unusable };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await record({ lastError: reason.slice(0, 500) });
    return { status: 'failed', reason };
  }
}
