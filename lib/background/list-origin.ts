/** What a verdict card says about the list a debunk came from. Pure. */
import type { FeedRecord } from '../store/db';
import type { ListOrigin } from '../wire/shapes';
import { BUNDLED_LIST_ID } from './bundled-list';

const FILE_PREFIX = 'file:';

export function describeList(
  listId: string,
  feed: Pick<FeedRecord, 'kind' | 'url' | 'publisher' | 'wrongMatchesUrl'> | undefined,
): ListOrigin {
  if (listId === BUNDLED_LIST_ID) return { id: listId, trust: 'built-in', name: '' };
  if (listId.startsWith(FILE_PREFIX)) return { id: listId, trust: 'unsigned', name: listId.slice(FILE_PREFIX.length) };
  // Only a Sanad feed's signature is checked against a pinned key; its publisher name is signed with it.
  const signed = feed?.kind === 'sanad';
  return {
    id: listId,
    trust: signed ? 'signed' : 'unsigned',
    name: (signed && feed.publisher) || hostOf(feed?.url) || listId,
    // Only a signed header can say where its desk takes reports: the card may then offer "Also tell <desk>".
    ...(signed && feed.wrongMatchesUrl && { takesReports: true as const }),
  };
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}
