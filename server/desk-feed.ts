/**
 * Verified submissions become debunks in the desk's signed Sanad feed (the format extensions subscribe to):
 * volunteer → desk → every subscriber's list.
 */
import { claimReviewToDebunk } from '../lib/debunk/claimreview';
import type { ReasonKind, Verdict } from '../lib/debunk/types';
import { FEED_VERSION } from '../lib/feeds/sanad-feed';
import { generateFeedKeys, signFeed } from '../lib/feeds/signature';
import type { IntakeStore, StoredSubmission } from './store';

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

/** A verified submission as a ClaimReview item, or null if it would not import (then it is left out). */
export function submissionToClaimReview(submission: StoredSubmission, desk: Desk): Record<string, unknown> | null {
  const review = submission.review;
  if (submission.status !== 'verified' || !review?.verdict) return null;
  const appearances = [submission.post.permalink, ...submission.post.media.map((m) => m.url)].filter((u): u is string => !!u);
  const conclusion = review.conclusion?.trim();
  const item = {
    '@type': 'ClaimReview',
    identifier: `intake-${submission.id}`,
    url: review.factCheckUrl ?? desk.url ?? submission.post.pageUrl,
    datePublished: review.reviewedAt.slice(0, 10),
    author: { '@type': 'Organization', name: desk.name, ...(desk.url && { url: desk.url }) },
    claimReviewed: (review.claim?.trim() || submission.post.text).slice(0, 2_000),
    ...(conclusion && { description: conclusion }),
    reviewRating: { '@type': 'Rating', alternateName: RATING[review.verdict] },
    itemReviewed: { '@type': 'Claim', appearance: [...new Set(appearances)].map((url) => ({ '@type': 'CreativeWork', url })) },
    reasons: [
      {
        kind: REASON_OF_CATEGORY[submission.category],
        ...(REASON_OF_CATEGORY[submission.category] === 'ai-generated' && { artifacts: [] }),
        ...(conclusion && { note: conclusion }),
      },
    ],
  };
  return claimReviewToDebunk(item, 'desk').ok ? item : null;
}

/** The desk's signing key, made on first use and kept in the store. */
export async function deskKeys(store: IntakeStore): Promise<{ privateKeyPkcs8: string; publicKey: string }> {
  const saved = await store.meta('feedKeys');
  if (saved) return JSON.parse(saved) as { privateKeyPkcs8: string; publicKey: string };
  const keys = await generateFeedKeys();
  await store.setMeta('feedKeys', JSON.stringify(keys));
  return keys;
}

/**
 * The signed feed, for the address it is served at (`feedUrl`, signed in as `feed`). Its cursor is the time of
 * the latest verification; asked `since` a cursor, it sends only what was verified after it, as a delta that
 * names the cursor it answers (decisions are final, so nothing is ever withdrawn here). Its sequence is the
 * number of verified submissions: it grows with every publication and stays put while nothing changes.
 */
export async function buildDeskFeed(store: IntakeStore, desk: Desk, feedUrl: string, since?: string): Promise<Record<string, unknown>> {
  const verified = (await store.list('verified', 100_000)).reverse();
  const cursor = verified.reduce((latest, s) => (s.review && s.review.reviewedAt > latest ? s.review.reviewedAt : latest), '');
  const delta = !!since && !Number.isNaN(Date.parse(since));
  const items = verified
    .filter((s) => !delta || (s.review?.reviewedAt ?? '') > since!)
    .map((s) => submissionToClaimReview(s, desk))
    .filter((i): i is Record<string, unknown> => !!i);
  const feed = {
    sanadFeed: FEED_VERSION,
    feed: feedUrl,
    sequence: verified.length,
    publisher: { name: desk.name, ...(desk.url && { url: desk.url }) },
    generated: new Date().toISOString(),
    items,
    tombstones: [],
    ...(cursor && { cursor }),
    ...(delta && { delta: true, since }),
  };
  const { privateKeyPkcs8, publicKey } = await deskKeys(store);
  return signFeed(feed, privateKeyPkcs8, publicKey);
}
