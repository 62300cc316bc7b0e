/**
 * The one owner of list changes. The bundled list, files the user imports and feeds all reach the match
 * index the same way: the list is written to IndexedDB whole (`replaceList`), then one serialised job makes
 * the index fit the stored lists and swaps it in. A change that arrives while that job builds supersedes
 * it: the running build stops at its next slice and the queued one includes both changes. The list just
 * written is handed to the build in memory, never read back from IndexedDB.
 */
import { importClaimReviews, summariseSkipped, type ImportReport } from '../debunk/claimreview';
import { debunkRef, type Debunk } from '../debunk/types';
import {
  MATCHER_REVISION,
  buildIndexInSlices,
  contentHash,
  deserialiseIndex,
  serialiseIndex,
  updateIndexInSlices,
  type IndexChange,
  type MatchIndex,
} from '../match/bm25-index';
import { SerialQueue } from '../scheduling/serial';
import { yieldToEventLoop, type Pause } from '../scheduling/yield';
import { SliceClock } from '../scheduling/slice-clock';
import {
  listDebunks,
  listRecord,
  listRecords,
  removeLeftovers,
  removeList,
  replaceList,
  savedIndex,
  saveIndex,
} from '../store/debunk-store';
import type { ListRecord, SanadDb } from '../store/db';
import { hashText } from '../text/hash';
import { BUNDLED_LIST_ID } from './bundled-list';

/** What a writer says about a list; the registry adds its count and generation. */
export type ListMeta = Omit<ListRecord, 'count' | 'gen'>;

export interface ListRegistryDeps {
  openDb: () => Promise<SanadDb>;
  /** The bundled list's body: fetched from the extension package in the browser, read from disk in tests. */
  readBundledList: () => Promise<string>;
  /** Builds an index in slices of the job's clock (tests slow it down to make builds overlap). */
  buildIndex?: (debunks: readonly Debunk[], pause: Pause, clock: SliceClock) => Promise<MatchIndex>;
  /** Applies a change to the index in use, in slices. A registry given its own buildIndex and no
   * updateIndex always builds in full (tests that time builds rely on it). */
  updateIndex?: (index: MatchIndex, change: IndexChange, pause: Pause, clock: SliceClock) => Promise<MatchIndex>;
  now?: () => number;
}

/** Which lists (at which generation) and which matcher an index was built from. */
export function indexKey(lists: readonly ListRecord[]): string {
  const parts = lists.map((l) => `${l.id}@${l.version}#${l.count}g${l.gen ?? 0}`).sort();
  return `r${MATCHER_REVISION}|${parts.join('|')}`;
}

/** Thrown inside a build that a newer change made pointless. */
class Superseded extends Error {}

const INDEX_JOB = 'index';
const BUNDLED_JOB = 'bundled-import';

/** Past this share of the index added anew, a full build is as quick as an update and leaves no gaps. */
const UPDATE_AT_MOST = 0.5;

export class ListRegistry {
  private index: MatchIndex | null = null;
  private indexedKey = '';
  /** List id → the generation of it that the index in use holds. */
  private indexedGens = new Map<string, number>();
  /** Lists written since the last build, by id, with the generation they were written as. */
  private readonly handedOver = new Map<string, { gen: number; debunks: readonly Debunk[] }>();
  private readonly queue = new SerialQueue();
  private tidied = false;
  /** Lists written or removed so far: an index job that started after the last of them includes them all. */
  private writes = 0;
  /** The index job running now, and how many writes it started after. */
  private running: { seen: number; result: Promise<MatchIndex> } | null = null;

  constructor(private readonly deps: ListRegistryDeps) {}

  /** The index in use; on a worker's first call, the persisted one if it fits the lists, else a build. */
  current(): Promise<MatchIndex> {
    return this.index ? Promise.resolve(this.index) : this.indexed();
  }

  /** An index that includes every change written before this call. */
  indexed(): Promise<MatchIndex> {
    // A job that started after the last write already includes it: waiting on a new one would queue a second
    // job, which would stop the first at its next pause as superseded, for one and the same change.
    const running = this.running;
    const job = running && running.seen === this.writes ? running.result : this.queue.runLatest(INDEX_JOB, () => this.runJob());
    return job.catch((error: unknown) => {
      if (error instanceof Superseded) return this.indexed(); // joins the newer job
      throw error;
    });
  }

  private runJob(): Promise<MatchIndex> {
    const job: { seen: number; result: Promise<MatchIndex> } = { seen: this.writes, result: Promise.resolve(null as never) };
    this.running = job;
    job.result = this.fitIndexToLists(job);
    const done = () => {
      if (this.running === job) this.running = null;
    };
    job.result.then(done, done);
    return job.result;
  }

  /** Writes a list whole and schedules the index; resolves once the list is stored. */
  async write(list: ListMeta, debunks: readonly Debunk[]): Promise<ListRecord> {
    const record = await this.store(list, debunks);
    this.schedule();
    return record;
  }

  private async store(list: ListMeta, debunks: readonly Debunk[]): Promise<ListRecord> {
    const record = await replaceList(await this.deps.openDb(), list, debunks);
    this.handedOver.set(list.id, { gen: record.gen ?? 0, debunks });
    this.writes++;
    return record;
  }

  /** Writes a list and waits until matching uses it (one index job for the change). */
  async replace(list: ListMeta, debunks: readonly Debunk[]): Promise<ListRecord> {
    const record = await this.store(list, debunks);
    await this.indexed();
    return record;
  }

  /** Removes a list and waits until matching no longer uses it. */
  async remove(id: string): Promise<void> {
    await removeList(await this.deps.openDb(), id);
    this.handedOver.delete(id);
    this.writes++;
    await this.indexed();
  }

  /**
   * Drops the oldest debunks (by review date, else claim date; undated ones count as oldest) so that at most
   * `keep` stay across all lists, and waits until matching no longer uses them. Each list that loses items
   * is written anew, so the index is updated, not rebuilt. Returns how many were dropped.
   */
  async dropOldest(keep: number): Promise<number> {
    const db = await this.deps.openDb();
    const records = await listRecords(db);
    const perList = new Map<string, readonly Debunk[]>();
    for (const record of records) perList.set(record.id, await this.debunksOf(record.id));
    const dropped = oldestBeyond([...perList.values()].flat(), keep);
    if (!dropped.size) return 0;
    for (const record of records) {
      const debunks = perList.get(record.id)!;
      const kept = debunks.filter((d) => !dropped.has(debunkRef(d.source, d.id)));
      if (kept.length === debunks.length) continue;
      const { count: _count, gen: _gen, ...meta } = record;
      await this.store(meta, kept);
    }
    await this.indexed();
    return dropped.size;
  }

  /** A list's current debunks (a feed delta is applied to them). */
  async debunksOf(id: string): Promise<readonly Debunk[]> {
    const db = await this.deps.openDb();
    const held = this.handedOver.get(id);
    const record = await listRecord(db, id);
    if (held && record && (record.gen ?? 0) === held.gen) return held.debunks;
    return listDebunks(db, id);
  }

  records(): Promise<ListRecord[]> {
    return this.deps.openDb().then(listRecords);
  }

  /**
   * Imports the bundled list when the store has none, or, on install and update (`checkVersion`), when its
   * content changed. Only then is the file read and hashed: a woken worker does neither.
   */
  async ensureBundled(options: { checkVersion: boolean }): Promise<ImportReport | null> {
    const report = await this.importBundled(options.checkVersion);
    if (report) this.schedule();
    return report;
  }

  /** The bundled import itself; the index job calls it directly, since it is about to build anyway. */
  private importBundled(checkVersion: boolean): Promise<ImportReport | null> {
    return this.queue.run(BUNDLED_JOB, async () => {
      const current = await listRecord(await this.deps.openDb(), BUNDLED_LIST_ID);
      if (current && !checkVersion) return null;
      const body = await this.deps.readBundledList();
      const version = hashText(body);
      if (current?.version === version) return null;
      const report = importClaimReviews(body, BUNDLED_LIST_ID);
      // An empty or broken list must never replace a good one.
      if (!report.debunks.length) throw new Error(`bundled list unusable: ${summariseSkipped(report)}`);
      if (report.skipped.length) console.warn(`Sanad bundled list: ${summariseSkipped(report)}`);
      const importedAt = (this.deps.now ?? Date.now)();
      await this.store({ id: BUNDLED_LIST_ID, version, skipped: report.skipped.length, importedAt }, report.debunks);
      return report;
    });
  }

  private schedule(): void {
    this.indexed().catch((error: unknown) => console.error('Sanad: match index not rebuilt:', error));
  }

  /** The index job: nothing to do when the lists did not change; else the persisted index or a build. */
  private async fitIndexToLists(job: { seen: number }): Promise<MatchIndex> {
    const db = await this.deps.openDb();
    if (!this.index) {
      // A woken worker: the list is imported on the first run only (and checked on install and update).
      await this.importBundled(false).catch((error: unknown) => {
        // Keep matching against what the store holds; the reason is in the console for bug reports.
        console.error('Sanad: bundled list not imported:', error);
      });
    }
    // The lists are read now: every write finished by this point is in this job (the bundled import too).
    job.seen = this.writes;
    const lists = await listRecords(db);
    const key = indexKey(lists);
    if (this.index && key === this.indexedKey) return this.index;
    const saved = this.index ? undefined : await savedIndex(db, key);
    const next = saved ? deserialiseIndex(saved) : await this.build(db, lists);
    // The swap: matching uses the new index from here on, before it is persisted.
    this.index = next;
    this.indexedKey = key;
    this.indexedGens = new Map(lists.map((l) => [l.id, l.gen ?? 0]));
    if (!saved) {
      await saveIndex(db, key, serialiseIndex(next)).catch((error: unknown) => {
        // Out of quota or similar: matching works, the next wake just rebuilds.
        console.warn('Sanad: match index not persisted:', error);
      });
    }
    this.tidyOnce(db);
    return next;
  }

  private async build(db: SanadDb, lists: readonly ListRecord[]): Promise<MatchIndex> {
    // One clock for the whole job: comparing lists, then updating or building, pause on the same slices.
    const clock = new SliceClock();
    const pause: Pause = async () => {
      await yieldToEventLoop();
      clock.resume();
      if (this.queue.hasWaiting(INDEX_JOB)) throw new Superseded();
    };
    const used: { id: string; held: { gen: number; debunks: readonly Debunk[] } }[] = [];
    const update = this.deps.updateIndex ?? (this.deps.buildIndex ? undefined : updateIndexInSlices);
    const change = this.index && update ? await this.changeSince(this.index, db, lists, used, pause, clock) : null;
    if (this.index && update && change) {
      // A feed delta or a dropped list: only the debunks that are new or changed are read and tokenised.
      const updated = await update(this.index, change, pause, clock);
      this.letGo(used);
      return updated;
    }
    used.length = 0;
    const debunks: Debunk[] = [];
    for (const list of lists) {
      const held = this.handedOver.get(list.id);
      if (held && held.gen === (list.gen ?? 0)) {
        used.push({ id: list.id, held });
        appendAll(debunks, held.debunks);
      } else {
        appendAll(debunks, await listDebunks(db, list.id, pause));
      }
    }
    // In slices: while a list of 100,000 is indexed, posts keep being matched against the previous index.
    const index = await (this.deps.buildIndex ?? buildIndexInSlices)(debunks, pause, clock);
    this.letGo(used);
    return index;
  }

  /** The index holds what it needs: lists handed over for it are let go (unless replaced meanwhile). */
  private letGo(used: readonly { id: string; held: { gen: number; debunks: readonly Debunk[] } }[]): void {
    for (const { id, held } of used) if (this.handedOver.get(id) === held) this.handedOver.delete(id);
  }

  /**
   * What turns `index` into the index of `lists`: documents of lists that are gone or changed are dropped
   * unless the new version holds the same debunk unchanged (same id and content hash); the rest is added.
   * Null when so much is new that a full build is the better way.
   */
  private async changeSince(
    index: MatchIndex,
    db: SanadDb,
    lists: readonly ListRecord[],
    used: { id: string; held: { gen: number; debunks: readonly Debunk[] } }[],
    pause: Pause,
    clock: SliceClock,
  ): Promise<IndexChange | null> {
    const current = new Map(lists.map((l) => [l.id, l.gen ?? 0]));
    const changed = lists.filter((l) => this.indexedGens.get(l.id) !== (l.gen ?? 0));
    const changedIds = new Set(changed.map((l) => l.id));
    // Per changed list, its documents in the index by debunk id.
    const docsOf = new Map<string, Map<string, number>>(changed.map((l) => [l.id, new Map()]));
    const dropped = new Uint8Array(index.ids.length);
    for (let doc = 0; doc < index.ids.length; doc++) {
      const list = index.lists.at(doc);
      if (!current.has(list)) dropped[doc] = 1;
      else if (changedIds.has(list)) {
        docsOf.get(list)!.set(index.ids.at(doc), doc);
        dropped[doc] = 1; // unless the new version has it unchanged
      }
      if ((doc & 0xfff) === 0 && clock.due()) await pause();
    }
    const add: Debunk[] = [];
    for (const list of changed) {
      const held = this.handedOver.get(list.id);
      let debunks: readonly Debunk[];
      if (held && held.gen === (list.gen ?? 0)) {
        used.push({ id: list.id, held });
        debunks = held.debunks;
      } else debunks = await listDebunks(db, list.id, pause);
      const before = docsOf.get(list.id)!;
      for (const debunk of debunks) {
        const doc = before.get(debunk.id);
        if (doc !== undefined && dropped[doc] && index.contentHashes[doc] === contentHash(debunk)) dropped[doc] = 0;
        else add.push(debunk);
        if (clock.due()) await pause(); // hashing 100,000 debunks takes about a second
      }
    }
    if (add.length > index.ids.length * UPDATE_AT_MOST) return null;
    return { keep: (doc) => !dropped[doc], add };
  }

  /** Once per wake, after matching is ready: records a closed browser left mid-sync are deleted. */
  private tidyOnce(db: SanadDb): void {
    if (this.tidied) return;
    this.tidied = true;
    removeLeftovers(db).catch((error: unknown) => console.warn('Sanad: leftover records not removed:', error));
  }
}

/** `push(...items)` overflows the call stack at a few hundred thousand items. */
function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** The debunks to drop so that at most `keep` stay: the oldest by review date, else claim date (undated first). */
export function oldestBeyond(debunks: readonly Debunk[], keep: number): Set<string> {
  const excess = debunks.length - Math.max(0, Math.floor(keep));
  if (excess <= 0) return new Set();
  const dated = debunks.map((d, i) => ({ ref: debunkRef(d.source, d.id), date: d.reviewDate ?? d.claimDate ?? '', i }));
  // ISO dates compare as strings; ties keep list order (earlier in a list: older).
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  return new Set(dated.slice(0, excess).map((d) => d.ref));
}
