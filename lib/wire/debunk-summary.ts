import type { Debunk } from '../debunk/types';
import type { DebunkSummary, ListOrigin } from './shapes';

/**
 * A debunk as verdict cards show it, without the matching data, with the list it came from, and the first
 * Content Credentials its media carried (a file without any says nothing either way, so it is not shown),
 * and whether that media is pictures or videos.
 */
export function toDebunkSummary(
  { media, appearances: _appearances, keywords: _keywords, ...summary }: Debunk,
  list: ListOrigin,
): DebunkSummary {
  const contentCredentials = media?.find((m) => m.contentCredentials?.present)?.contentCredentials;
  const kinds = new Set(media?.map((m) => m.kind));
  const mediaKind = kinds.size === 1 ? [...kinds][0] : undefined;
  return { ...summary, list, ...(contentCredentials && { contentCredentials }), ...(mediaKind && { mediaKind }) };
}
