/**
 * The page's answers on the wire: each debunk summary travels once per reply, however many posts it badges
 * (on a feed full of one re-shared clip, that is most of the message).
 */
import type { DebunkSummary, PackedPageResults, PageResult } from './protocol';

/** Packs the page's answers: badges only (anything else a result carries, like related matches, stays). */
export function packPageResults(results: readonly PageResult[]): PackedPageResults {
  const debunks: Record<string, DebunkSummary> = {};
  return {
    results: results.map(({ key, badge }) => {
      if (!badge) return { key };
      debunks[badge.debunk.id] = badge.debunk;
      return { key, badge: { candidate: badge.candidate, debunkId: badge.debunk.id } };
    }),
    debunks,
  };
}

export function unpackPageResults({ results, debunks }: PackedPageResults): PageResult[] {
  return results.map(({ key, badge }) => {
    const debunk = badge && Object.hasOwn(debunks, badge.debunkId) ? debunks[badge.debunkId] : undefined;
    return badge && debunk ? { key, badge: { candidate: badge.candidate, debunk } } : { key };
  });
}
