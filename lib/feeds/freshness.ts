/**
 * Refusing replays. Whoever can answer for a feed's address (its host, a CDN, a stale cache, a mirror) can
 * resend a feed the publisher really signed, but an older one: one that still holds an item a newer feed
 * withdrew. So Sanad remembers, per subscription, the last publication it accepted (`generated`, and the
 * `sequence` where the feed numbers them) and takes only newer ones; a feed signed for another address, or a
 * delta that answers another cursor than the one asked for, is refused too. Pure.
 */
import type { FeedHeader } from './sanad-feed';

/** What a subscription remembers of the last publication it accepted. */
export interface AcceptedPublication {
  generated: string;
  sequence?: number;
}

export type Freshness = { kind: 'newer' } | { kind: 'same' } | { kind: 'refused'; reason: string };

/** The address without the query Sanad adds (`since`) or a fragment: what a publisher signs `feed` as. */
export function feedAddress(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('since');
  parsed.hash = '';
  return parsed.href;
}

export function checkFreshness(
  incoming: Pick<FeedHeader, 'generated' | 'sequence' | 'feedUrl' | 'since'> & { delta: boolean },
  subscription: { url: string; cursor?: string; accepted?: AcceptedPublication },
): Freshness {
  if (incoming.feedUrl !== undefined && feedAddress(incoming.feedUrl) !== feedAddress(subscription.url)) {
    return { kind: 'refused', reason: `the feed was signed for another address (${incoming.feedUrl.slice(0, 200)})` };
  }
  if (incoming.delta && incoming.since !== subscription.cursor) {
    return { kind: 'refused', reason: 'the changes answer another starting point than the one asked for: sync refused' };
  }
  const held = subscription.accepted;
  if (!held) return { kind: 'newer' };
  const generated = Date.parse(incoming.generated);
  const heldGenerated = Date.parse(held.generated);
  if (generated < heldGenerated) {
    return {
      kind: 'refused',
      reason: `an older feed (generated ${incoming.generated}) than the one held (${held.generated}): a replay, refused`,
    };
  }
  if (held.sequence !== undefined) {
    if (incoming.sequence === undefined)
      return { kind: 'refused', reason: 'the feed stopped numbering its publications (no "sequence"): refused' };
    if (incoming.sequence < held.sequence) {
      return {
        kind: 'refused',
        reason: `an older publication (sequence ${incoming.sequence}) than the one held (${held.sequence}): a replay, refused`,
      };
    }
    // The same publication again (a feed re-signed on every request carries a new time, the same number).
    return incoming.sequence === held.sequence ? { kind: 'same' } : { kind: 'newer' };
  }
  return generated === heldGenerated ? { kind: 'same' } : { kind: 'newer' };
}
