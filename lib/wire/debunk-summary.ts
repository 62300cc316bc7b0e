import type { Debunk } from '../debunk/types';
import type { DebunkSummary, ListOrigin } from './shapes';

/** A debunk as verdict cards show it, without the matching data, with the list it came from. */
export function toDebunkSummary(
  { media: _media, appearances: _appearances, keywords: _keywords, ...summary }: Debunk,
  list: ListOrigin,
): DebunkSummary {
  return { ...summary, list };
}
