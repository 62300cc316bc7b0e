/** Wrong-match reports: stored locally, exportable, and consulted before every badge. */
import type { SanadDb, WrongMatchRecord } from './db';

export const wrongMatchId = (postKey: string, debunkId: string) => `${postKey}|${debunkId}`;

export async function addWrongMatch(db: SanadDb, report: Omit<WrongMatchRecord, 'id'>): Promise<WrongMatchRecord> {
  const record = { ...report, id: wrongMatchId(report.postKey, report.debunkId) };
  await db.put('wrongMatches', record);
  return record;
}

/** Forgets a report ("Undo"): answers what it was, if there was one. */
export async function removeWrongMatch(db: SanadDb, postKey: string, debunkId: string): Promise<WrongMatchRecord | undefined> {
  const id = wrongMatchId(postKey, debunkId);
  const record = await db.get('wrongMatches', id);
  if (record) await db.delete('wrongMatches', id);
  return record;
}

export function allWrongMatches(db: SanadDb): Promise<WrongMatchRecord[]> {
  return db.getAll('wrongMatches');
}

/** Post key → debunk ids reported wrong for it. */
export function wrongMatchesByPost(records: readonly WrongMatchRecord[]): Map<string, Set<string>> {
  const byPost = new Map<string, Set<string>>();
  for (const r of records) {
    if (!byPost.has(r.postKey)) byPost.set(r.postKey, new Set());
    byPost.get(r.postKey)!.add(r.debunkId);
  }
  return byPost;
}
