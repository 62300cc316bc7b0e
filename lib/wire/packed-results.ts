/** Packing the page's answers for the wire, and unpacking them in the content script. */
import { debunkRef } from '../debunk/types';
import type { DebunkSummary, PackedPageResults, PageAnswer } from './shapes';

/** Packs the page's answers: badges only, with their posts' image credentials (anything else, like related matches, stays). */
export function packPageResults(results: readonly PageAnswer[]): PackedPageResults {
  const debunks: Record<string, DebunkSummary> = {};
  return {
    results: results.map(({ key, badge }) => {
      if (!badge) return { key };
      // Keyed by list and id: two lists may use the same id for different debunks.
      const ref = debunkRef(badge.debunk.source, badge.debunk.id);
      debunks[ref] = badge.debunk;
      const credentials = badge.credentials?.length ? { credentials: badge.credentials } : {};
      return { key, badge: { candidate: badge.candidate, debunkRef: ref, ...credentials } };
    }),
    debunks,
  };
}

export function unpackPageResults({ results, debunks }: PackedPageResults): PageAnswer[] {
  return results.map(({ key, badge }) => {
    const debunk = badge && Object.hasOwn(debunks, badge.debunkRef) ? debunks[badge.debunkRef] : undefined;
    if (!badge || !debunk) return { key };
    const credentials = badge.credentials?.length ? { credentials: badge.credentials } : {};
    return { key, badge: { candidate: badge.candidate, debunk, ...credentials } };
  });
}
