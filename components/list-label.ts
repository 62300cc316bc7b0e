/**
 * The name a person sees for a fact-check list: never its internal id (`feed:https://…`, `file:…`). A feed's
 * list is named as its feed is (the publisher, else the address's host). Pure.
 */
import type { FeedRecord } from '@/lib/store/db';
import { t } from '@/lib/i18n/t';

const FILE = 'file:';
const FEED = 'feed:';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function listLabel(id: string, feeds: readonly Pick<FeedRecord, 'id' | 'url' | 'publisher'>[]): string {
  if (id === 'bundled') return t('list_bundled');
  if (id.startsWith(FILE)) return id.slice(FILE.length);
  const feed = feeds.find((f) => f.id === id);
  if (feed) return feed.publisher || hostOf(feed.url) || t('list_unnamed');
  // A list whose feed is gone (or not loaded yet): the host its address names, never the raw id.
  return (id.startsWith(FEED) && hostOf(id.slice(FEED.length))) || t('list_unnamed');
}
