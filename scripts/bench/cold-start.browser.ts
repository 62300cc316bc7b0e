/**
 * Runs inside a Chromium page for `npm run bench`: stores a list and its index the way the background does,
 * and, after a reload (a fresh JS heap, as when the service worker wakes), measures how long it takes to be
 * ready to match from what IndexedDB holds.
 */
import { indexSignature } from '../../lib/background/matcher-service';
import type { Debunk } from '../../lib/debunk/types';
import { buildIndex, deserialiseIndex, serialiseIndex } from '../../lib/match/index';
import { matchPost } from '../../lib/match/match';
import { listRecords, replaceList, savedIndex, saveIndex } from '../../lib/store/debunk-store';
import { openSanadDb } from '../../lib/store/db';

async function seed(debunks: Debunk[]) {
  const db = await openSanadDb();
  const t0 = performance.now();
  const index = buildIndex(debunks);
  const buildMs = performance.now() - t0;
  await replaceList(db, { id: 'bench', version: String(debunks.length), skipped: 0, importedAt: Date.now() }, debunks);
  const t1 = performance.now();
  await saveIndex(db, indexSignature(await listRecords(db)), serialiseIndex(index));
  const saveMs = performance.now() - t1;
  db.close();
  return { buildMs, saveMs };
}

async function coldStart(postText: string) {
  const t0 = performance.now();
  const db = await openSanadDb();
  const data = await savedIndex(db, indexSignature(await listRecords(db)));
  if (!data) throw new Error('no saved index');
  const index = deserialiseIndex(data);
  const readyMs = performance.now() - t0;
  matchPost(index, { key: 'first', text: postText });
  const firstMatchMs = performance.now() - t0;
  db.close();
  return { readyMs, firstMatchMs, debunks: index.ids.length };
}

Object.assign(globalThis, { sanadBench: { seed, coldStart } });
