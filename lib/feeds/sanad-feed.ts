/**
 * The Sanad feed: what a fact-checking desk publishes (static hosting is enough) and extensions subscribe to.
 *   { "sanadFeed": 1, "publisher": {"name", "url"}, "generated": ISO time,
 *     "feed"?: "<its own URL>", "sequence"?: n, "items": [ClaimReview…], "tombstones": [{"id", "withdrawn"}],
 *     "cursor"?: "…", "delta"?: true, "since"?: "<the cursor a delta answers>",
 *     "wrongMatches"?: "<where the desk takes readers' wrong-match reports>", "signature": {…} }
 * A feed that offers a `cursor` is asked next time for `?since=<cursor>`; it may then answer with a delta
 * (`"delta": true`): only the items added or changed since, and tombstones for the ones withdrawn.
 * Against replays (lib/feeds/freshness.ts): `sequence` grows with every publication and `generated` never goes
 * back; `feed` ties the signed body to the address it is published at, `since` ties a delta to its cursor.
 * Validation is all-or-nothing for the feed (a broken or mostly-invalid feed never replaces a good list) and
 * per item inside it (a few bad items are skipped and reported).
 */
import { claimReviewToDebunk } from '../debunk/claimreview';
import type { Debunk } from '../debunk/types';
import { runAtOnce } from '../scheduling/yield';
import { isObject, readHttpUrl, readIsoTime, readString, readTrimmed } from '../untrusted/read';

export const FEED_VERSION = 1;
export const FEED_LIMITS = {
  bytes: 64 * 1024 * 1024,
  items: 200_000,
  tombstones: 200_000,
  /** Above this share of unusable items the whole feed is refused: something is wrong at the source. */
  invalidShare: 0.1,
};

export interface FeedHeader {
  publisher: { name: string; url?: string };
  generated: string;
  /** The address the publisher signed this feed for. */
  feedUrl?: string;
  /** Grows with every publication of the feed. */
  sequence?: number;
  /** For a delta: the cursor it answers. */
  since?: string;
  /** Where the desk takes readers' wrong-match reports (`…/v1/wrong-matches`), when it does. */
  wrongMatchesUrl?: string;
}

export type FeedCheck =
  | (FeedHeader & {
      ok: true;
      debunks: Debunk[];
      tombstones: string[];
      skipped: { item: number; reason: string }[];
      signed: boolean;
      /** The position to ask from next time, when the feed offers incremental updates. */
      cursor?: string;
      /** True when this document holds only changes since the cursor that was asked for. */
      delta: boolean;
    })
  | { ok: false; reason: string };

/** Items checked between pauses when a feed is checked in slices. */
const CHECK_SLICE = 1_000;

export type FeedJson = { ok: true; doc: unknown } | { ok: false; reason: string };

/** The feed body as JSON, or why it is not. */
export function parseFeedJson(body: string): FeedJson {
  if (body.length > FEED_LIMITS.bytes) return { ok: false, reason: `feed too large (${body.length} bytes, limit ${FEED_LIMITS.bytes})` };
  try {
    return { ok: true, doc: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: `not JSON (truncated or corrupt?): ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Parses and checks a feed body; the signature is checked separately (verifyFeed), against the pinned key. */
export function parseSanadFeed(body: string, source: string): FeedCheck {
  const json = parseFeedJson(body);
  return json.ok ? runAtOnce(checkSanadFeed(json.doc, source)) : json;
}

/**
 * Checks a parsed feed document. A generator that yields every CHECK_SLICE items, so the background can run
 * it in slices (runInSlices) and tools at once (runAtOnce).
 */
export function* checkSanadFeed(doc: unknown, source: string): Generator<void, FeedCheck> {
  if (!isObject(doc)) return { ok: false, reason: 'not a Sanad feed: the document is not an object' };
  if (doc.sanadFeed !== FEED_VERSION)
    return { ok: false, reason: `not a Sanad feed of version ${FEED_VERSION} (sanadFeed: ${JSON.stringify(doc.sanadFeed)})` };
  const publisher = isObject(doc.publisher) ? doc.publisher : {};
  const name = readTrimmed(publisher.name, 200);
  if (!name) return { ok: false, reason: 'the feed names no publisher' };
  const generated = readIsoTime(doc.generated);
  if (!generated) return { ok: false, reason: 'the feed has no valid "generated" time' };
  if (!Array.isArray(doc.items)) return { ok: false, reason: 'the feed has no "items" array' };
  if (doc.items.length > FEED_LIMITS.items)
    return { ok: false, reason: `too many items (${doc.items.length}, limit ${FEED_LIMITS.items})` };
  const rawTombstones: unknown = doc.tombstones === undefined ? [] : doc.tombstones;
  if (!Array.isArray(rawTombstones)) return { ok: false, reason: '"tombstones" is not an array' };
  if (rawTombstones.length > FEED_LIMITS.tombstones) return { ok: false, reason: `too many tombstones (${rawTombstones.length})` };

  const tombstones = rawTombstones.map((t) => (isObject(t) ? readString(t.id, Infinity) : undefined)).filter((id): id is string => !!id);
  const withdrawn = new Set(tombstones);
  const byId = new Map<string, Debunk>();
  const skipped: { item: number; reason: string }[] = [];
  const items: unknown[] = doc.items;
  for (let index = 0; index < items.length; index++) {
    if (index && index % CHECK_SLICE === 0) yield;
    const result = claimReviewToDebunk(items[index], source);
    if (!result.ok) {
      skipped.push({ item: index, reason: result.reason });
      continue;
    }
    if (byId.has(result.debunk.id))
      skipped.push({ item: index, reason: `duplicate id ${result.debunk.id.slice(0, 80)} (the later item is kept)` });
    byId.set(result.debunk.id, result.debunk);
  }
  const invalid = skipped.filter((s) => !s.reason.startsWith('duplicate id')).length;
  if (doc.items.length && invalid / doc.items.length > FEED_LIMITS.invalidShare) {
    return {
      ok: false,
      reason: `${invalid} of ${doc.items.length} items are unusable (more than ${FEED_LIMITS.invalidShare * 100} %): first: ${skipped[0]?.reason}`,
    };
  }
  if (doc.cursor !== undefined && (typeof doc.cursor !== 'string' || !doc.cursor || doc.cursor.length > 200))
    return { ok: false, reason: '"cursor" must be a short string' };
  if (doc.sequence !== undefined && !(Number.isSafeInteger(doc.sequence) && (doc.sequence as number) >= 0)) {
    return { ok: false, reason: '"sequence" must be a whole number ≥ 0' };
  }
  const feedUrl = doc.feed === undefined ? undefined : readHttpUrl(doc.feed);
  if (doc.feed !== undefined && !feedUrl) return { ok: false, reason: '"feed" must be the feed\'s http(s) address' };
  if (doc.since !== undefined && (typeof doc.since !== 'string' || !doc.since || doc.since.length > 200))
    return { ok: false, reason: '"since" must be a short string' };
  const wrongMatchesUrl = doc.wrongMatches === undefined ? undefined : readHttpUrl(doc.wrongMatches);
  if (doc.wrongMatches !== undefined && !wrongMatchesUrl)
    return { ok: false, reason: '"wrongMatches" must be the http(s) address that takes wrong-match reports' };
  const url = readHttpUrl(publisher.url);
  return {
    ok: true,
    publisher: { name, ...(url && { url }) },
    generated,
    ...(feedUrl && { feedUrl }),
    ...(typeof doc.sequence === 'number' && { sequence: doc.sequence }),
    ...(typeof doc.since === 'string' && { since: doc.since }),
    ...(wrongMatchesUrl && { wrongMatchesUrl }),
    debunks: [...byId.values()].filter((d) => !withdrawn.has(d.id)),
    tombstones,
    skipped,
    signed: isObject(doc.signature),
    ...(typeof doc.cursor === 'string' && { cursor: doc.cursor }),
    delta: doc.delta === true,
  };
}
