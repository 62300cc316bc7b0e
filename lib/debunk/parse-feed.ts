/**
 * Splits a feed body into candidate items. Fact-checkers publish ClaimReview as a JSON array, a single
 * object, a JSON-LD document with `@graph`, or JSON Lines; a malformed line in JSONL costs that line only.
 */
import { isObject } from '../untrusted/read';

export interface FeedItems {
  items: unknown[];
  /** Lines or documents that were not JSON: position and parser message. */
  errors: { item: number; reason: string }[];
}

export function splitFeed(body: string): FeedItems {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text) return { items: [], errors: [{ item: 0, reason: 'empty feed' }] };
  try {
    return { items: itemsOf(JSON.parse(text)), errors: [] };
  } catch (error) {
    // Not one JSON document: JSON Lines, if more than one line.
    const lines = text.split(/\r?\n/);
    if (lines.length < 2) return { items: [], errors: [{ item: 0, reason: `not JSON: ${messageOf(error)}` }] };
    const result: FeedItems = { items: [], errors: [] };
    lines.forEach((line, index) => {
      if (!line.trim()) return;
      try {
        result.items.push(...itemsOf(JSON.parse(line)));
      } catch (lineError) {
        result.errors.push({ item: index, reason: `line ${index + 1} is not JSON: ${messageOf(lineError)}` });
      }
    });
    return result;
  }
}

function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc.flatMap((d) => (isGraph(d) ? d['@graph'] : [d]));
  if (isGraph(doc)) return doc['@graph'];
  // A Sanad feed wraps its items.
  if (isObject(doc) && Array.isArray(doc.items)) return doc.items;
  return [doc];
}

function isGraph(doc: unknown): doc is { '@graph': unknown[] } {
  return isObject(doc) && Array.isArray(doc['@graph']);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
