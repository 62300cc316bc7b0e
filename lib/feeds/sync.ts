/**
 * Syncing one subscribed feed: a conditional GET, every check a bad feed could fail, and an atomic swap of
 * the feed's list only when all of them pass. Any failure (network, status, type, size, JSON, signature,
 * validation) keeps the last good list and is recorded on the feed for the options page.
 */
import { readCappedText } from '../untrusted/capped-body';
import { importClaimReviews, summariseSkipped } from '../debunk/claimreview';
import type { SyncOutcome } from '../wire/shapes';
import type { Debunk } from '../debunk/types';
import type { FeedRecord, ListRecord, SanadDb } from '../store/db';
import { runInSlices, yieldToEventLoop } from '../scheduling/yield';
import { hashTextInSlices } from '../text/hash';
import { checkSanadFeed, FEED_LIMITS, parseFeedJson } from './sanad-feed';
import { verifyFeed } from './signature';
import { checkFreshness, type AcceptedPublication } from './freshness';
import { GOOGLE_MAX_PAGES, googlePageToClaimReviews, googleSearchUrl, type GoogleSource } from './google-fact-check';
import { isObject } from '../untrusted/read';
import { wrongMatchEndpoint } from '../intake/wrong-match-delivery';

export const SYNC_TIMEOUT_MS = 30_000;
const JSON_TYPES = /^(application\/(ld\+)?json|application\/(x-)?ndjson|application\/jsonl|application\/json-seq|text\/plain)\b/i;

export type { SyncOutcome };

/** Where a synced list goes: the list registry, which re-indexes it (or the store directly, in tools). */
export interface ListWriter {
  write(list: Omit<ListRecord, 'count' | 'gen'>, debunks: readonly Debunk[]): Promise<unknown>;
  /** The list's current debunks, for applying a delta. */
  debunksOf(id: string): Promise<readonly Debunk[]>;
}

export interface SyncDeps {
  fetch: typeof fetch;
  lists: ListWriter;
  now: () => number;
  timeoutMs?: number;
}

/** The list for a plain ClaimReview URL: tolerated like a Sanad feed, unsigned. */
function parsePlain(body: string, source: string) {
  const report = importClaimReviews(body, source);
  const invalid = report.skipped.length;
  if (!report.debunks.length) return { ok: false as const, reason: summariseSkipped(report) };
  if (report.total && invalid / report.total > FEED_LIMITS.invalidShare) return { ok: false as const, reason: summariseSkipped(report) };
  return { ok: true as const, debunks: report.debunks, skipped: invalid, publisher: report.debunks[0]?.publisher.name };
}

/** The address to fetch: with `since=<cursor>` when the feed gave one last time. */
export function feedRequestUrl(feed: Pick<FeedRecord, 'url' | 'kind' | 'cursor'>): string {
  if (feed.kind !== 'sanad' || !feed.cursor) return feed.url;
  const url = new URL(feed.url);
  url.searchParams.set('since', feed.cursor);
  return url.href;
}

async function fetchFeed(
  feed: FeedRecord,
  deps: SyncDeps,
): Promise<{ notModified: true } | { body: string; etag?: string; lastModified?: string }> {
  const headers: Record<string, string> = { accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1' };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
  // Nothing about the user goes with the request: no cookies, no referrer.
  const response = await deps.fetch(feedRequestUrl(feed), {
    headers,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-cache',
    signal: AbortSignal.timeout(deps.timeoutMs ?? SYNC_TIMEOUT_MS),
  });
  if (response.status === 304) return { notModified: true };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !JSON_TYPES.test(type)) throw new Error(`wrong content type ${type.slice(0, 60)}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > FEED_LIMITS.bytes) throw new Error(`feed too large (${length} bytes)`);
  const body = await readCappedText(response, FEED_LIMITS.bytes, 'feed');
  return { body, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
}

/** All pages of a Google Fact Check Tools search, as one ClaimReview list (a JSON array body). */
async function fetchGoogle(source: GoogleSource, deps: SyncDeps): Promise<string> {
  const items: unknown[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < GOOGLE_MAX_PAGES; page++) {
    const response = await deps.fetch(googleSearchUrl(source, pageToken), {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(deps.timeoutMs ?? SYNC_TIMEOUT_MS),
    });
    const body: unknown = await readCappedText(response, FEED_LIMITS.bytes, 'feed')
      .then((text): unknown => JSON.parse(text))
      .catch(() => null);
    if (!response.ok && !(isObject(body) && 'error' in body)) throw new Error(`HTTP ${response.status}`);
    const parsed = googlePageToClaimReviews(body);
    items.push(...parsed.items);
    pageToken = parsed.nextPageToken;
    if (!pageToken) break;
  }
  return JSON.stringify(items);
}

export async function syncFeed(db: SanadDb, feed: FeedRecord, deps: SyncDeps): Promise<SyncOutcome> {
  const attempt = deps.now();
  const record = async (changes: Partial<FeedRecord>) => {
    const current = (await db.get('feeds', feed.id)) ?? feed;
    await db.put('feeds', { ...current, ...changes, lastAttempt: attempt });
  };
  try {
    const fetched = feed.kind === 'google' && feed.google ? { body: await fetchGoogle(feed.google, deps) } : await fetchFeed(feed, deps);
    if ('notModified' in fetched) {
      await record({ lastSuccess: attempt, lastError: undefined });
      return { status: 'not-modified' };
    }
    let debunks;
    let skipped: number;
    let publisher: string | undefined;
    let cursor: string | undefined;
    let accepted: AcceptedPublication | undefined;
    let wrongMatchesUrl: string | undefined;
    if (feed.kind === 'sanad') {
      // Parsed once (after a pause: the body's decoding just held the thread); the checks and the signature's
      // canonical bytes run in slices, so matching goes on meanwhile.
      await yieldToEventLoop();
      const json = parseFeedJson(fetched.body);
      if (!json.ok) throw new Error(json.reason);
      const parsed = await runInSlices(checkSanadFeed(json.doc, feed.id));
      if (!parsed.ok) throw new Error(parsed.reason);
      if (!feed.publicKey) throw new Error('no publisher key is pinned for this feed');
      const signature = await verifyFeed(json.doc as Record<string, unknown>, feed.publicKey);
      if (!signature.ok) throw new Error(signature.reason);
      if (parsed.delta && !feed.cursor) throw new Error('the feed sent changes without a starting point: sync refused');
      // Only after the signature: what a replay check trusts must be the publisher's own words.
      const freshness = checkFreshness(parsed, feed);
      if (freshness.kind === 'refused') throw new Error(freshness.reason);
      if (freshness.kind === 'same') {
        await record({
          ...('etag' in fetched && { etag: fetched.etag, lastModified: fetched.lastModified }),
          lastSuccess: attempt,
          lastError: undefined,
        });
        return { status: 'not-modified' };
      }
      accepted = { generated: parsed.generated, ...(parsed.sequence !== undefined && { sequence: parsed.sequence }) };
      ({ debunks, cursor } = parsed);
      skipped = parsed.skipped.length;
      publisher = parsed.publisher.name;
      // Signed with the rest; each publication says it again (a desk that stops taking reports drops it).
      wrongMatchesUrl = wrongMatchEndpoint(feed.url, parsed.wrongMatchesUrl);
      if (parsed.delta) {
        // Changes since our cursor: applied to the list we hold, as one atomic replacement.
        const merged = new Map((await deps.lists.debunksOf(feed.id)).map((d) => [d.id, d]));
        for (const id of parsed.tombstones) merged.delete(id);
        for (const debunk of debunks) merged.set(debunk.id, debunk);
        debunks = [...merged.values()];
      }
    } else {
      const parsed = parsePlain(fetched.body, feed.id);
      if (!parsed.ok)
        throw new Error(feed.kind === 'google' && fetched.body === '[]' ? 'Google found no fact-checks for this search' : parsed.reason);
      ({ debunks, skipped, publisher } = parsed);
      if (feed.kind === 'google') publisher = 'Google Fact Check Tools';
    }
    const version = await hashTextInSlices(fetched.body);
    await deps.lists.write({ id: feed.id, version, skipped, importedAt: attempt }, debunks);
    await record({
      ...('etag' in fetched && { etag: fetched.etag, lastModified: fetched.lastModified }),
      cursor,
      ...(accepted && { accepted }),
      ...(feed.kind === 'sanad' && { wrongMatchesUrl }),
      lastSuccess: attempt,
      lastError: undefined,
      count: debunks.length,
      ...(publisher && { publisher }),
    });
    return { status: 'updated', count: debunks.length, skipped };
  } catch (error) {
    const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
    await record({ lastError: reason.slice(0, 500) });
    return { status: 'failed', reason };
  }
}

/** True when the last successful sync is older than `maxAgeMs` (the options page warns). */
export function isStale(feed: FeedRecord, now: number, maxAgeMs: number): boolean {
  return now - (feed.lastSuccess ?? feed.addedAt) > maxAgeMs;
}
