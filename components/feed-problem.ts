/**
 * A feed's failure in words a reader understands. The sync reports technical reasons ("HTTP 503", "wrong
 * content type text/html"); the options page says what happened and what Sanad does about it, and keeps
 * the technical reason as a detail for whoever runs the feed. Pure.
 */
import type { MessageKey } from '@/lib/i18n/t';

export type FeedProblem =
  'server' | 'missing' | 'refused' | 'network' | 'not-feed' | 'no-listing' | 'too-large' | 'signature' | 'replayed' | 'empty' | 'other';

const RULES: [RegExp, FeedProblem][] = [
  [/replay|another address|starting point|stopped numbering/i, 'replayed'],
  // A fact-checker's website (lib/harvest): the site, or the list of its articles, failed.
  [/could not be reached/i, 'network'],
  [/no feed or news sitemap found/i, 'no-listing'],
  [/answered HTTP (404|410)\b/, 'missing'],
  [/answered HTTP (401|403|451)\b/, 'refused'],
  [/answered HTTP \d+/, 'server'],
  [/not a feed or sitemap|sitemap index|without article links/i, 'not-feed'],
  [/^HTTP (404|410)\b/, 'missing'],
  [/^HTTP (401|403|451)\b/, 'refused'],
  [/^HTTP \d+/, 'server'],
  [/failed to fetch|networkerror|network error|load failed|timed? ?out|abort/i, 'network'],
  [/content type|not json|unexpected token|json/i, 'not-feed'],
  [/too large/i, 'too-large'],
  [/signature|signed|public key|pinned|key changed/i, 'signature'],
  [/found no fact-checks|no usable items|no items/i, 'empty'],
];

export function feedProblem(reason: string): FeedProblem {
  return RULES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}

export const FEED_PROBLEM_KEYS: Record<FeedProblem, MessageKey> = {
  server: 'feedProblem_server',
  missing: 'feedProblem_missing',
  refused: 'feedProblem_refused',
  network: 'feedProblem_network',
  'not-feed': 'feedProblem_not_feed',
  'no-listing': 'feedProblem_no_listing',
  'too-large': 'feedProblem_too_large',
  signature: 'feedProblem_signature',
  replayed: 'feedProblem_replayed',
  empty: 'feedProblem_empty',
  other: 'feedProblem_other',
};
