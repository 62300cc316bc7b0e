import type { Debunk } from '../debunk/types';
import type { DebunkSummary } from './shapes';

/** A debunk as verdict cards show it, without the matching data. */
export function toDebunkSummary({ media: _media, appearances: _appearances, keywords: _keywords, ...summary }: Debunk): DebunkSummary {
  return summary;
}
