/**
 * Reads and writes of debunk lists. Each list's debunks are stored under a generation: a new version is
 * written beside the old one in small transactions, then one tiny transaction points the list at it, and
 * the old generation is deleted after. So a replacement is all or nothing (a browser closed mid-write keeps
 * the old list), and readers (the matcher looking up a badge's debunk) never wait behind a long write.
 */
import { debunkRef, type Debunk } from '../debunk/types';
import { SerialQueue } from '../scheduling/serial';
import { yieldToEventLoop, type Pause } from '../scheduling/yield';
import type { IndexRecord, ListRecord, SanadDb, StoredDebunk } from './db';
import { INDEX_FORMAT } from '../match/bm25-index';

/** Records per write transaction and per read page: each takes a few milliseconds. */
export const STORE_CHUNK = 500;

type EntryKey = [string, number, string];

/** Every record of one generation of one list ([] sorts after any string id). */
const generationRange = (source: string, gen: number) => IDBKeyRange.bound([source, gen], [source, gen, []]);
/** Generations `from` and above of one list. */
const generationsFrom = (source: string, from: number) => IDBKeyRange.bound([source, from], [source, []]);

const strip = ({ gen: _gen, ...debunk }: StoredDebunk): Debunk => debunk;
const generationOf = (list: Pick<ListRecord, 'gen'> | undefined) => list?.gen ?? 0;

/** One write at a time per list (a feed sync and a removal never interleave). */
const listWrites = new SerialQueue();
const withListLock = <T>(id: string, job: () => Promise<T>): Promise<T> => listWrites.run(id, job);

export interface WriteOptions {
  pause?: Pause;
}

/** Writes a list's new version whole and returns its record (the generation readers now see). */
export function replaceList(
  db: SanadDb,
  list: Omit<ListRecord, 'count' | 'gen'>,
  debunks: readonly Debunk[],
  options: WriteOptions = {},
): Promise<ListRecord> {
  return withListLock(list.id, async () => {
    const pause = options.pause ?? yieldToEventLoop;
    const previous = generationOf(await db.get('lists', list.id));
    const gen = previous + 1;
    const record: ListRecord = { ...list, gen, count: debunks.length };
    // Leftovers of an attempt that never switched (a closed browser, a full disk) would mix in: gone first.
    await deleteInChunks(db, generationsFrom(list.id, gen), pause);
    try {
      for (let i = 0; i < debunks.length; i += STORE_CHUNK) {
        await writeChunk(db, debunks.slice(i, i + STORE_CHUNK), list.id, gen);
        await pause();
      }
      // The switch: readers see the old list before this transaction and the new one after it.
      await db.put('lists', record);
    } catch (error) {
      await deleteInChunks(db, generationRange(list.id, gen), pause).catch(() => {});
      throw error;
    }
    await deleteInChunks(db, generationRange(list.id, previous), pause);
    return record;
  });
}

async function writeChunk(db: SanadDb, debunks: readonly Debunk[], source: string, gen: number): Promise<void> {
  const tx = db.transaction('entries', 'readwrite');
  try {
    // A record IndexedDB refuses throws here, synchronously; the abort below then drops the whole chunk.
    for (const debunk of debunks) tx.store.put({ ...debunk, source, gen }).catch(() => {});
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

/** Deletes the records in `range`, a chunk per transaction. */
async function deleteInChunks(db: SanadDb, range: IDBKeyRange, pause: Pause): Promise<void> {
  for (;;) {
    const tx = db.transaction('entries', 'readwrite');
    const keys = (await tx.store.getAllKeys(range, STORE_CHUNK)) as unknown as EntryKey[];
    if (keys.length) await tx.store.delete(IDBKeyRange.bound(keys[0], keys.at(-1)));
    await tx.done;
    if (keys.length < STORE_CHUNK) return;
    await pause();
  }
}

/** One generation of one list, a page at a time (one large read would block the worker while deserialised). */
async function readGeneration(db: SanadDb, list: ListRecord, out: Debunk[], pause: Pause): Promise<void> {
  const range = generationRange(list.id, generationOf(list));
  let lower: IDBValidKey | undefined;
  for (;;) {
    const page = await db.getAll('entries', lower ? IDBKeyRange.bound(lower, range.upper, true) : range, STORE_CHUNK);
    for (const record of page) out.push(strip(record));
    if (page.length < STORE_CHUNK) return;
    const last = page.at(-1)!;
    lower = [last.source, last.gen, last.id];
    await pause();
  }
}

/** Reads lists' current debunks; should one switch generation meanwhile, the read starts over. */
async function readLists(db: SanadDb, pick: (lists: ListRecord[]) => ListRecord[], pause: Pause): Promise<Debunk[]> {
  for (let attempt = 0; ; attempt++) {
    const lists = pick(await listRecords(db));
    const out: Debunk[] = [];
    for (const list of lists) await readGeneration(db, list, out, pause);
    const now = new Map((await listRecords(db)).map((l) => [l.id, generationOf(l)]));
    if (lists.every((l) => now.get(l.id) === generationOf(l)) || attempt >= 2) return out;
  }
}

/** The debunks of one list. */
export function listDebunks(db: SanadDb, id: string, pause: Pause = yieldToEventLoop): Promise<Debunk[]> {
  return readLists(db, (lists) => lists.filter((l) => l.id === id), pause);
}

/** Every current debunk. */
export function allDebunks(db: SanadDb, pause: Pause = yieldToEventLoop): Promise<Debunk[]> {
  return readLists(db, (lists) => lists, pause);
}

/** A debunk's name: its list and its id (another list may reuse the id). */
export interface DebunkRefParts {
  list: string;
  id: string;
}

/**
 * The current debunks with these (list, id) names, keyed by `debunkRef` (one small transaction: never
 * waits behind a list being written). A debunk is looked up in its own list only.
 */
export async function debunksByRef(db: SanadDb, refs: readonly DebunkRefParts[]): Promise<Map<string, Debunk>> {
  const tx = db.transaction(['lists', 'entries']);
  const lists = await tx.objectStore('lists').getAll();
  const current = new Map(lists.map((l) => [l.id, generationOf(l)]));
  const entries = tx.objectStore('entries');
  const found = await Promise.all(
    refs.map(({ list, id }) => (current.has(list) ? entries.get([list, current.get(list)!, id]) : Promise.resolve(undefined))),
  );
  await tx.done;
  const out = new Map<string, Debunk>();
  for (const record of found) if (record) out.set(debunkRef(record.source, record.id), strip(record));
  return out;
}

export function listRecords(db: SanadDb): Promise<ListRecord[]> {
  return db.getAll('lists');
}

export function listRecord(db: SanadDb, id: string): Promise<ListRecord | undefined> {
  return db.get('lists', id);
}

/** The persisted index, if it was built from exactly the lists (and matcher) `key` names, in today's format. */
export async function savedIndex(db: SanadDb, key: string): Promise<IndexRecord['data'] | undefined> {
  const record = await db.get('matchIndex', 'text');
  return record?.key === key && record.data.format === INDEX_FORMAT ? record.data : undefined;
}

export async function saveIndex(db: SanadDb, key: string, data: IndexRecord['data']): Promise<void> {
  await db.put('matchIndex', { id: 'text', key, data });
}

/** Removes a list: gone for readers at once (its record), its debunks deleted after. */
export function removeList(db: SanadDb, id: string, options: WriteOptions = {}): Promise<void> {
  return withListLock(id, async () => {
    await db.delete('lists', id);
    await deleteInChunks(db, generationsFrom(id, 0), options.pause ?? yieldToEventLoop);
  });
}

/**
 * Deletes generations no list points to: what a browser closed mid-sync or mid-removal left behind.
 * Cheap when there is nothing to do: the cursor jumps from one generation to the next.
 */
export async function removeLeftovers(db: SanadDb, pause: Pause = yieldToEventLoop): Promise<number> {
  const current = new Map((await listRecords(db)).map((l) => [l.id, generationOf(l)]));
  const orphans: [string, number][] = [];
  let cursor = await db.transaction('entries').store.openKeyCursor();
  while (cursor) {
    const [source, gen] = cursor.key as unknown as EntryKey;
    if (current.get(source) !== gen) orphans.push([source, gen]);
    cursor = await cursor.continue([source, gen, []] as unknown as EntryKey);
  }
  for (const [source, gen] of orphans) {
    // Checked again under the list's lock: a sync that was writing this generation may have switched to it.
    await withListLock(source, async () => {
      const list = await db.get('lists', source);
      if (list && generationOf(list) === gen) return;
      await deleteInChunks(db, generationRange(source, gen), pause);
    });
  }
  return orphans.length;
}
