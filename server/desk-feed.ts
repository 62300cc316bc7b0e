/**
 * Verified submissions become debunks in the desk's signed Sanad feed (the format extensions subscribe to):
 * volunteer → desk → every subscriber's list.
 */
import { claimReviewToDebunk } from '../lib/debunk/claimreview';
import type { ReasonKind, Verdict } from '../lib/debunk/types';
import { FEED_VERSION } from '../lib/feeds/sanad-feed';
import { generateFeedKeys, signFeed } from '../lib/feeds/signature';
import { publishableMediaUrl } from './appearances';
import type { IntakeStore, StoredSubmission } from './store';

export { publishableAppearances, publishableMediaUrl } from './appearances';

export interface Desk {
  name: string;
  url?: string;
}

/** The rating word a ClaimReview reader maps back to the same verdict. */
const RATING: Record<Verdict, string> = {
  false: 'False',
  misleading: 'Misleading',
  altered: 'Altered',
  satire: 'Satire',
  unproven: 'Unproven',
  true: 'True',
  unrated: 'Unrated',
};

const REASON_OF_CATEGORY: Record<StoredSubmission['category'], ReasonKind> = {
  'ai-generated': 'ai-generated',
  'old-footage': 'old-footage',
  'false-claim': 'false-claim',
  other: 'misleading',
};

/**
 * A published submission as a ClaimReview item, or null if it would not import (then it is left out). What
 * becomes public: the reviewer's claim, verdict, reason, conclusion, fact-check URL and language; the post's
 * permalink and its media addresses without query strings. Never the volunteer's note, page address, the
 * post's text, author or links, nor the screenshot.
 */
export function submissionToClaimReview(submission: StoredSubmission, desk: Desk): Record<string, unknown> | null {
  const review = submission.review;
  if (submission.status !== 'verified' || !review?.verdict || !review.claim) return null;
  const url = review.factCheckUrl ?? desk.url;
  if (!url) return null;
  const media = submission.post.media.map((m) => m.url && publishableMediaUrl(m.url));
  const appearances = [submission.post.permalink, ...media, ...(review.appearances ?? [])].filter((u): u is string => !!u);
  // The fingerprints of what the post showed, and of submissions merged into it: re-uploads match by footage.
  const fingerprints = [
    ...submission.post.media.flatMap((m) => (m.frames?.length ? [{ kind: m.kind, frames: m.frames }] : [])),
    ...(review.media ?? []),
  ];
  const conclusion = review.conclusion?.trim();
  const kind = REASON_OF_CATEGORY[submission.category];
  const reason = review.reason ?? { kind, ...(kind === 'ai-generated' && { artifacts: [] }), ...(conclusion && { note: conclusion }) };
  const item = {
    '@type': 'ClaimReview',
    identifier: claimReviewId(submission.id),
    url,
    datePublished: review.reviewedAt.slice(0, 10),
    ...(review.changed && { dateModified: review.changed.at.slice(0, 10) }),
    author: { '@type': 'Organization', name: desk.name, ...(desk.url && { url: desk.url }) },
    claimReviewed: review.claim.slice(0, 2_000),
    ...(conclusion && { description: conclusion }),
    ...(review.language && { inLanguage: review.language }),
    reviewRating: { '@type': 'Rating', alternateName: RATING[review.verdict] },
    itemReviewed: { '@type': 'Claim', appearance: [...new Set(appearances)].map((u) => ({ '@type': 'CreativeWork', url: u })) },
    reasons: [reason],
    ...(fingerprints.length && { fingerprints }),
  };
  return claimReviewToDebunk(item, 'desk').ok ? item : null;
}

export const claimReviewId = (submissionId: number) => `intake-${submissionId}`;

/** The desk's signing key, made on first use and kept in the store. */
export async function deskKeys(store: IntakeStore): Promise<{ privateKeyPkcs8: string; publicKey: string }> {
  const saved = await store.meta('feedKeys');
  if (saved) return JSON.parse(saved) as { privateKeyPkcs8: string; publicKey: string };
  const keys = await generateFeedKeys();
  await store.setMeta('feedKeys', JSON.stringify(keys));
  return keys;
}

/**
 * The signed feed, for the address it is served at (`feedUrl`, signed in as `feed`). Its `sequence` and
 * `cursor` are the store's publication counter, numbered at commit (server/store.ts): it grows with every
 * verification, correction and withdrawal, and stays put while nothing changes. Asked `since` a cursor, it
 * sends only what changed after it, as a delta that names the cursor it answers; withdrawn items go out as
 * tombstones in full feeds and deltas alike.
 */
export async function buildDeskFeed(store: IntakeStore, desk: Desk, feedUrl: string, since?: string): Promise<Record<string, unknown>> {
  // The counter first, then what it covers: a change committed in between waits for the next version.
  const sequence = await store.publicationSeq();
  const from = since !== undefined && /^\d{1,15}$/.test(since) && Number(since) <= sequence ? Number(since) : undefined;
  const changed = await store.published(from ?? 0, sequence);
  const items = changed
    .filter((s) => s.status === 'verified')
    .map((s) => submissionToClaimReview(s, desk))
    .filter((i): i is Record<string, unknown> => !!i);
  const tombstones = changed
    .filter((s) => s.status === 'withdrawn')
    .map((s) => ({ id: claimReviewId(s.id), withdrawn: s.review?.changed?.at ?? new Date().toISOString() }));
  const feed = {
    sanadFeed: FEED_VERSION,
    feed: feedUrl,
    sequence,
    publisher: { name: desk.name, ...(desk.url && { url: desk.url }) },
    generated: new Date().toISOString(),
    items,
    tombstones,
    cursor: String(sequence),
    ...(from !== undefined && { delta: true, since }),
    // This service takes readers' wrong-match reports about its items (app.ts), beside the feed.
    wrongMatches: new URL('/v1/wrong-matches', feedUrl).href,
  };
  const { privateKeyPkcs8, publicKey } = await deskKeys(store);
  return signFeed(feed, privateKeyPkcs8, publicKey);
}
