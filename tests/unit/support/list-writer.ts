import type { ListWriter } from '@/lib/feeds/sync';
import { listDebunks, replaceList } from '@/lib/store/debunk-store';
import type { SanadDb } from '@/lib/store/db';

/** Sync's list writer straight onto the store, for tests of syncing alone (no index). */
export const storeWriter = (db: SanadDb): ListWriter => ({
  write: (list, debunks) => replaceList(db, list, debunks),
  debunksOf: (id) => listDebunks(db, id),
});
