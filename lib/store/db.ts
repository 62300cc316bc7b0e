/**
 * Sanad's IndexedDB database. Each schema version has one migration; opening runs those between the stored
 * version and the current one, so a browser that skipped releases still lands on the current shape.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Debunk } from '../debunk/types';
import type { SerialisedIndex } from '../match/bm25-index';
import type { PrivilegedSettings } from '../settings/settings';
import type { RulesPack } from '../site-rules/check';
import type { AcceptedPack } from '../site-rules/pack';
import type { DeskReportDto, FeedDto, ListDto, OutboxItemDto, OutboxState, WrongMatchDto } from '../wire/shapes';

export const DB_NAME = 'sanad';

/** Metadata of one debunk list as stored: which generation of records in `entries` is current (absent: 0, as migrated). */
export type ListRecord = ListDto & { gen?: number };

/** A debunk as stored: under its list (`source`) and that list's generation. */
export type StoredDebunk = Debunk & { gen: number };

/**
 * The persisted match index, valid for the lists and matcher that `key` names (indexKey in list-registry.ts).
 * Records of earlier releases name them in `signature`: they match no key, so the index is rebuilt once.
 */
export interface IndexRecord {
  id: 'text';
  key: string;
  data: SerialisedIndex;
}

export type WrongMatchRecord = WrongMatchDto;
/** A subscribed feed as stored; its debunks live in `entries` under source = id. */
export type FeedRecord = FeedDto;
export type OutboxRecord = OutboxItemDto;
export type DeskReportRecord = DeskReportDto;
export type { OutboxState };

export interface SanadSchema extends DBSchema {
  /** Versions 1–6 kept debunks here; only the migrations touch it now. */
  debunks: { key: string; value: Debunk; indexes: { bySource: string } };
  /** Debunks by [list, generation, id]; `byId` finds one among all lists. */
  entries: { key: [string, number, string]; value: StoredDebunk; indexes: { byId: string } };
  lists: { key: string; value: ListRecord };
  matchIndex: { key: string; value: IndexRecord };
  wrongMatches: { key: string; value: WrongMatchRecord };
  feeds: { key: string; value: FeedRecord };
  outbox: { key: string; value: OutboxRecord; indexes: { byState: OutboxState } };
  /** Wrong-match reports on their way to a desk (and their withdrawals), sent by the outbox's passes. */
  deskReports: { key: string; value: DeskReportRecord };
  /** The privileged settings (lib/settings/settings.ts), under id `privileged`: out of content scripts' reach. */
  settings: { key: string; value: PrivilegedSettingsRecord };
  /** The last good signed site rules pack and its sync state, under id `current` (lib/background/site-rules-service.ts). */
  siteRules: { key: string; value: SiteRulesRecord };
}

export interface SiteRulesRecord {
  id: 'current';
  pack?: RulesPack;
  accepted?: AcceptedPack;
  lastAttempt?: number;
  lastSuccess?: number;
  lastError?: string;
}

export type PrivilegedSettingsRecord = PrivilegedSettings & { id: 'privileged' };

export type SanadDb = IDBPDatabase<SanadSchema>;
type UpgradeTx = IDBPTransaction<SanadSchema, StoreNames<SanadSchema>[], 'versionchange'>;

/** MIGRATIONS[n] upgrades a database at version n to n + 1. Never edit a released one: append. */
export const MIGRATIONS: ReadonlyArray<(db: SanadDb, tx: UpgradeTx) => void | Promise<void>> = [
  // 0 → 1: the debunk list.
  (db) => {
    db.createObjectStore('debunks', { keyPath: 'id' });
  },
  // 1 → 2: debunks know which list they came from (so a list is replaced without touching others), and
  // each list keeps its metadata. Version-1 records all came from the bundled list.
  async (db, tx) => {
    db.createObjectStore('lists', { keyPath: 'id' });
    const debunks = tx.objectStore('debunks');
    debunks.createIndex('bySource', 'source');
    let cursor = await debunks.openCursor();
    while (cursor) {
      if (!cursor.value.source) await cursor.update({ ...cursor.value, source: 'bundled' });
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: the match index is persisted, so a woken service worker does not rebuild it.
  (db) => {
    db.createObjectStore('matchIndex', { keyPath: 'id' });
  },
  // 3 → 4: reports of wrong matches, kept locally.
  (db) => {
    db.createObjectStore('wrongMatches', { keyPath: 'id' });
  },
  // 4 → 5: feed subscriptions.
  (db) => {
    db.createObjectStore('feeds', { keyPath: 'id' });
  },
  // 5 → 6: the outbox of submissions to the intake service.
  (db) => {
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byState', 'state');
  },
  // 6 → 7: debunks are stored per list generation (see debunk-store.ts), so a new version of a list is
  // written beside the old one and switched to in one small transaction. Existing ones become generation 0.
  async (db, tx) => {
    const entries = db.createObjectStore('entries', { keyPath: ['source', 'gen', 'id'] });
    entries.createIndex('byId', 'id');
    const counts = new Map<string, number>();
    let cursor = await tx.objectStore('debunks').openCursor();
    while (cursor) {
      await entries.put({ ...cursor.value, gen: 0 });
      counts.set(cursor.value.source, (counts.get(cursor.value.source) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    db.deleteObjectStore('debunks');
    // Debunks a version-1 profile kept have no list record; they get one, so readers find them.
    const lists = tx.objectStore('lists');
    for (const [source, count] of counts) {
      if (!(await lists.get(source)))
        await lists.put({ id: source, version: 'migrated', count, skipped: 0, importedAt: Date.now(), gen: 0 });
    }
  },
  // 7 → 8: privileged settings (the intake address…) move out of storage.local, which content scripts can write.
  (db) => {
    db.createObjectStore('settings', { keyPath: 'id' });
  },
  // 8 → 9: the last good signed site rules pack.
  (db) => {
    db.createObjectStore('siteRules', { keyPath: 'id' });
  },
  // 9 → 10: wrong-match reports the reader asked to tell the desk about, until the desk has them (or took them back).
  (db) => {
    db.createObjectStore('deskReports', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Opens (and if needed upgrades) the database; `version` below current is for migration tests only. */
export function openSanadDb(version = DB_VERSION): Promise<SanadDb> {
  return openDB<SanadSchema>(DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v]!(db, tx);
    },
  });
}
