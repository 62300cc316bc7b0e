import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { makeDebunk } from '@/tests/unit/support/debunks';
import { DB_NAME, DB_VERSION, openSanadDb } from './db';
import { allDebunks, debunksById, listRecord, replaceList } from './debunk-store';

describe('openSanadDb', () => {
  it('creates the current schema on a fresh profile', async () => {
    const db = await openSanadDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['debunks', 'feeds', 'lists', 'matchIndex', 'outbox', 'wrongMatches']);
    expect([...db.transaction('debunks').store.indexNames]).toEqual(['bySource']);
    expect([...db.transaction('outbox').store.indexNames]).toEqual(['byState']);
    db.close();
  });

  it('upgrades a version-1 database without losing its debunks', async () => {
    // Written as the first release did: a bare `debunks` store, records without `source`.
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('debunks', { keyPath: 'id' }) });
    const { source: _drop, ...legacy } = makeDebunk({ id: 'legacy-1' });
    await v1.put('debunks', legacy);
    v1.close();

    const db = await openSanadDb();
    const [migrated] = await allDebunks(db);
    expect(migrated).toMatchObject({ id: 'legacy-1', source: 'bundled', claim: legacy.claim });
    expect(await db.getAllKeysFromIndex('debunks', 'bySource', 'bundled')).toEqual(['legacy-1']);
    db.close();
  });

  it('runs each migration once: reopening keeps data as is', async () => {
    const db = await openSanadDb();
    await replaceList(db, { id: 'bundled', version: 'v', skipped: 0, importedAt: 1 }, [makeDebunk()]);
    db.close();
    const again = await openSanadDb();
    expect(await allDebunks(again)).toHaveLength(1);
    again.close();
  });
});

describe('replaceList', () => {
  it('replaces one list whole and leaves the others', async () => {
    const db = await openSanadDb();
    await replaceList(db, { id: 'a', version: '1', skipped: 0, importedAt: 1 }, [makeDebunk({ id: 'a1' }), makeDebunk({ id: 'a2' })]);
    await replaceList(db, { id: 'b', version: '1', skipped: 0, importedAt: 1 }, [makeDebunk({ id: 'b1' })]);
    await replaceList(db, { id: 'a', version: '2', skipped: 1, importedAt: 2 }, [makeDebunk({ id: 'a3' })]);
    expect((await allDebunks(db)).map((d) => d.id).sort()).toEqual(['a3', 'b1']);
    expect(await listRecord(db, 'a')).toEqual({ id: 'a', version: '2', skipped: 1, importedAt: 2, count: 1 });
    const found = await debunksById(db, ['a3', 'missing']);
    expect([...found.keys()]).toEqual(['a3']);
    db.close();
  });

  it('is atomic: a failing write leaves the previous list in place', async () => {
    const db = await openSanadDb();
    await replaceList(db, { id: 'a', version: '1', skipped: 0, importedAt: 1 }, [makeDebunk({ id: 'a1' })]);
    // A record without a key cannot be stored: the whole transaction must abort.
    const broken = { ...makeDebunk(), id: undefined } as unknown as ReturnType<typeof makeDebunk>;
    await expect(replaceList(db, { id: 'a', version: '2', skipped: 0, importedAt: 2 }, [makeDebunk({ id: 'a2' }), broken])).rejects.toThrow();
    expect((await allDebunks(db)).map((d) => d.id)).toEqual(['a1']);
    expect((await listRecord(db, 'a'))?.version).toBe('1');
    db.close();
  });
});
