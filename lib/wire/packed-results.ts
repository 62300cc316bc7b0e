/** Packing the page's answers for the wire, and unpacking them in the content script. */
import type { DebunkSummary, PackedPageResults, PageAnswer } from './shapes';

/** Packs the page's answers: badges only (anything else an answer carries, like related matches, stays). */
export function packPageResults(results: readonly PageAnswer[]): PackedPageResults {
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

export function unpackPageResults({ results, debunks }: PackedPageResults): PageAnswer[] {
  return results.map(({ key, badge }) => {
    const debunk = badge && Object.hasOwn(debunks, badge.debunkId) ? debunks[badge.debunkId] : undefined;
    return badge && debunk ? { key, badge: { candidate: badge.candidate, debunk } } : { key };
  });
}
