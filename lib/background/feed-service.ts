/**
 * Subscriptions: add, remove and sync feeds, on a schedule (alarms) and on demand. A sync that changes a
 * list hands it to the list registry, which re-indexes it and swaps the index in whole: matching never
 * waits for it.
 */
import { isStale, syncFeed, type SyncOutcome } from '../feeds/sync';
import { checkGoogleSource, googleSearchUrl, type GoogleSource } from '../feeds/google-fact-check';
import { SerialQueue } from '../scheduling/serial';
import type { FeedRecord, SanadDb } from '../store/db';
import type { ListRegistry } from './list-registry';
import { syncSite } from './site-sync';
import type { HarvestLimits } from '../harvest/harvest';

export const SYNC_ALARM = 'sanad-feed-sync';
export const STALE_AFTER_MS = 3 * 24 * 3_600_000;

export interface FeedServiceDeps {
  openDb: () => Promise<SanadDb>;
  lists: Pick<ListRegistry, 'write' | 'debunksOf' | 'remove' | 'indexed'>;
  fetch: typeof fetch;
  now?: () => number;
  /** How long without a successful sync before a feed is marked stale (the user's setting). */
  staleAfterMs: () => Promise<number>;
  /** Fact-checkers' websites: the pause between requests and pages per sync (tests shorten the pause). */
  harvestLimits?: HarvestLimits;
  sleep?: (ms: number) => Promise<void>;
}

export const feedId = (url: string) => `feed:${url}`;

export function checkFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('not a valid address');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new Error('feeds must be served over https');
  }
  return url.href;
}

export class FeedService {
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: FeedServiceDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async list(): Promise<(FeedRecord & { stale: boolean })[]> {
    const feeds = await (await this.deps.openDb()).getAll('feeds');
    const staleAfter = await this.deps.staleAfterMs();
    return feeds.map((f) => ({ ...f, stale: isStale(f, this.now(), staleAfter) }));
  }

  /** Adds a feed and syncs it once; a feed that fails its first sync is still kept, with its error shown. */
  async add(input: {
    url: string;
    kind: FeedRecord['kind'];
    publicKey?: string;
    google?: Partial<GoogleSource>;
  }): Promise<{ feed: FeedRecord; outcome: SyncOutcome }> {
    if (input.kind === 'google') {
      const google = checkGoogleSource(input.google ?? {});
      const url = googleSearchUrl(google, undefined, false);
      const feed: FeedRecord = { id: feedId(url), url, kind: 'google', google, count: 0, addedAt: this.now() };
      const db = await this.deps.openDb();
      await db.put('feeds', feed);
      const outcome = await this.syncOne(feed);
      return { feed: (await db.get('feeds', feed.id))!, outcome };
    }
    const url = checkFeedUrl(input.url);
    const publicKey = input.publicKey?.trim();
    if (input.kind === 'sanad' && !/^[A-Za-z0-9+/]{43}=$/.test(publicKey ?? ''))
      throw new Error('a Sanad feed needs its publisher’s public key (44 base64 characters)');
    const db = await this.deps.openDb();
    const feed: FeedRecord = {
      id: feedId(url),
      url,
      kind: input.kind,
      ...(input.kind === 'sanad' && { publicKey }),
      count: 0,
      addedAt: this.now(),
    };
    await db.put('feeds', feed);
    const outcome = await this.syncOne(feed);
    return { feed: (await db.get('feeds', feed.id))!, outcome };
  }

  async remove(id: string): Promise<void> {
    const db = await this.deps.openDb();
    await db.delete('feeds', id);
    await this.deps.lists.remove(id);
  }

  private async fetchAndStore(feed: FeedRecord): Promise<SyncOutcome> {
    if (feed.kind === 'site')
      return syncSite(await this.deps.openDb(), feed, {
        fetch: this.deps.fetch,
        lists: this.deps.lists,
        now: () => this.now(),
        ...(this.deps.sleep && { sleep: this.deps.sleep }),
        ...(this.deps.harvestLimits && { limits: this.deps.harvestLimits }),
      });
    return syncFeed(await this.deps.openDb(), feed, { fetch: this.deps.fetch, lists: this.deps.lists, now: () => this.now() });
  }

  private async syncOne(feed: FeedRecord): Promise<SyncOutcome> {
    const outcome = await this.fetchAndStore(feed);
    if (outcome.status === 'updated') await this.deps.lists.indexed();
    return outcome;
  }

  /** Syncs one feed now (the person's "Try again" beside its failure), in turn with any other sync. */
  retry(id: string): Promise<SyncOutcome> {
    return this.queue.run('sync-all', async () => {
      const feed = await (await this.deps.openDb()).get('feeds', id);
      if (!feed) throw new Error('this source is no longer in the list');
      return this.syncOne(feed);
    });
  }

  /** Syncs every feed, one after another (one sync at a time, even when alarms and "sync now" overlap). */
  syncAll(): Promise<Record<string, SyncOutcome>> {
    return this.queue.run('sync-all', async () => {
      const outcomes: Record<string, SyncOutcome> = {};
      let changed = false;
      for (const feed of await (await this.deps.openDb()).getAll('feeds')) {
        const outcome = await this.fetchAndStore(feed);
        outcomes[feed.id] = outcome;
        changed ||= outcome.status === 'updated';
      }
      // One index for all the feeds that changed: each write scheduled it, the newest supersedes the rest.
      if (changed) await this.deps.lists.indexed();
      return outcomes;
    });
  }
}
