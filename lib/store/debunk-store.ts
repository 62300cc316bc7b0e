/** Reads and atomic writes of debunk lists. A list is replaced in one transaction: all of it or none. */
import type { Debunk } from '../debunk/types';
import type { IndexRecord, ListRecord, SanadDb } from './db';

export async function replaceList(db: SanadDb, list: Omit<ListRecord, 'count'>, debunks: readonly Debunk[]): Promise<void> {
  const tx = db.transaction(['debunks', 'lists'], 'readwrite');
  const store = tx.objectStore('debunks');
  const writes: Promise<unknown>[] = [];
  try {
    const oldKeys = await store.index('bySource').getAllKeys(list.id);
    for (const key of oldKeys) writes.push(store.delete(key));
    // A record IndexedDB refuses throws here, synchronously: without the abort below, the deletes already
    // queued would commit and the list would be lost.
    for (const debunk of debunks) writes.push(store.put({ ...debunk, source: list.id }));
    writes.push(tx.objectStore('lists').put({ ...list, count: debunks.length }));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    for (const write of writes) write.catch(() => {}); // each fails with AbortError now: expected
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

/** The debunks of one list. */
export function listDebunks(db: SanadDb, id: string): Promise<Debunk[]> {
  return db.getAllFromIndex('debunks', 'bySource', id);
}

export function allDebunks(db: SanadDb): Promise<Debunk[]> {
  return db.getAll('debunks');
}

export async function debunksById(db: SanadDb, ids: readonly string[]): Promise<Map<string, Debunk>> {
  const tx = db.transaction('debunks');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(found.filter((d): d is Debunk => !!d).map((d) => [d.id, d]));
}

export function listRecords(db: SanadDb): Promise<ListRecord[]> {
  return db.getAll('lists');
}

export function listRecord(db: SanadDb, id: string): Promise<ListRecord | undefined> {
  return db.get('lists', id);
}

export async function savedIndex(db: SanadDb, signature: string): Promise<IndexRecord['data'] | undefined> {
  const record = await db.get('matchIndex', 'text');
  return record?.signature === signature ? record.data : undefined;
}

export async function saveIndex(db: SanadDb, signature: string, data: IndexRecord['data']): Promise<void> {
  await db.put('matchIndex', { id: 'text', signature, data });
}

/** Deletes a list and its debunks in one transaction. */
export async function removeList(db: SanadDb, id: string): Promise<void> {
  const tx = db.transaction(['debunks', 'lists'], 'readwrite');
  const store = tx.objectStore('debunks');
  const keys = await store.index('bySource').getAllKeys(id);
  await Promise.all([...keys.map((key) => store.delete(key)), tx.objectStore('lists').delete(id), tx.done]);
}
