import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { makeDebunk } from '@/tests/unit/support/debunks';
import { DB_NAME, DB_VERSION, openSanadDb, type SanadDb } from './db';
import { debunkRef } from '../debunk/types';
import { allDebunks, debunksByRef, listDebunks, listRecord, removeLeftovers, removeList, replaceList, STORE_CHUNK } from './debunk-store';

const list = (id: string, version: string) => ({ id, version, skipped: 0, importedAt: 1 });
const many = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => makeDebunk({ id: `${prefix}${i}`, claim: `${prefix} claim ${i}` }));
const entryCount = async (db: SanadDb) => db.count('entries');

describe('openSanadDb', () => {
  it('creates the current schema on a fresh profile', async () => {
    const db = await openSanadDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'deskReports',
      'entries',
      'feeds',
      'lists',
      'matchIndex',
      'outbox',
      'settings',
      'siteRules',
      'wrongMatches',
    ]);
    expect([...db.transaction('entries').store.indexNames]).toEqual(['byId']);
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
    db.close();
  });

  it('upgrades a version-6 database: each list’s debunks become its generation 0', async () => {
    const v6 = await openSanadDb(6);
    await v6.put('lists' as never, { ...list('bundled', 'b1'), count: 1 } as never);
    await v6.put('lists' as never, { ...list('feed:x', 'f1'), count: 1 } as never);
    await v6.put('debunks', makeDebunk({ id: 'b', source: 'bundled' }));
    await v6.put('debunks', makeDebunk({ id: 'f', source: 'feed:x' }));
    v6.close();

    const db = await openSanadDb();
    expect(db.objectStoreNames.contains('debunks')).toBe(false);
    expect((await allDebunks(db)).map((d) => d.id).sort()).toEqual(['b', 'f']);
    expect([...(await debunksByRef(db, [{ list: 'feed:x', id: 'f' }])).keys()]).toEqual([debunkRef('feed:x', 'f')]);
    // The migrated list is replaced like any other.
    await replaceList(db, list('feed:x', 'f2'), [makeDebunk({ id: 'f2' })]);
    expect((await listDebunks(db, 'feed:x')).map((d) => d.id)).toEqual(['f2']);
    expect(await entryCount(db)).toBe(2);
    db.close();
  });

  it('runs each migration once: reopening keeps data as is', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('bundled', 'v'), [makeDebunk()]);
    db.close();
    const again = await openSanadDb();
    expect(await allDebunks(again)).toHaveLength(1);
    again.close();
  });
});

describe('replaceList', () => {
  it('replaces one list whole and leaves the others', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('a', '1'), [makeDebunk({ id: 'a1' }), makeDebunk({ id: 'a2' })]);
    await replaceList(db, list('b', '1'), [makeDebunk({ id: 'b1' })]);
    await replaceList(db, { id: 'a', version: '2', skipped: 1, importedAt: 2 }, [makeDebunk({ id: 'a3' })]);
    expect((await allDebunks(db)).map((d) => d.id).sort()).toEqual(['a3', 'b1']);
    expect(await listRecord(db, 'a')).toEqual({ id: 'a', version: '2', skipped: 1, importedAt: 2, count: 1, gen: 2 });
    const found = await debunksByRef(db, [
      { list: 'a', id: 'a3' },
      { list: 'a', id: 'missing' },
      { list: 'a', id: 'b1' },
    ]);
    expect([...found.keys()]).toEqual([debunkRef('a', 'a3')]);
    expect(found.get(debunkRef('a', 'a3'))).not.toHaveProperty('gen');
    // The old generation is deleted, not just hidden.
    expect(await entryCount(db)).toBe(2);
    db.close();
  });

  it('is atomic: a write failing in a late chunk leaves the previous list, and nothing staged', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('a', '1'), [makeDebunk({ id: 'a1' })]);
    // A record without a key cannot be stored; it sits in the third chunk, after two have been written.
    const broken = { ...makeDebunk(), id: undefined } as unknown as ReturnType<typeof makeDebunk>;
    const next = [...many('n', STORE_CHUNK * 2 + 10), broken];
    await expect(replaceList(db, list('a', '2'), next)).rejects.toThrow();
    expect((await allDebunks(db)).map((d) => d.id)).toEqual(['a1']);
    expect((await listRecord(db, 'a'))?.version).toBe('1');
    expect(await entryCount(db)).toBe(1);
    db.close();
  });

  it('lets readers through between its chunks: they see the old list until the switch, then the new one', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('a', '1'), [makeDebunk({ id: 'shared', claim: 'old wording' }), ...many('o', STORE_CHUNK * 2)]);
    const seen: string[] = [];
    const pause = async () => {
      // Runs between write transactions: a reader must get an answer now, not after the whole write.
      const found = await debunksByRef(db, [
        { list: 'a', id: 'shared' },
        { list: 'a', id: 'n1' },
      ]);
      seen.push([...found.values()].map((d) => d.claim).join('+'));
    };
    await replaceList(db, list('a', '2'), [makeDebunk({ id: 'shared', claim: 'new wording' }), ...many('n', STORE_CHUNK * 2)], { pause });
    // Three chunks written, the switch, then the old generation deleted in three chunks.
    expect(seen).toEqual(['old wording', 'old wording', 'old wording', 'new wording+n claim 1', 'new wording+n claim 1']);
    expect((await debunksByRef(db, [{ list: 'a', id: 'shared' }])).get(debunkRef('a', 'shared'))?.claim).toBe('new wording');
    db.close();
  });

  it('reads large lists a page at a time, in key order, complete', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('big', '1'), many('d', STORE_CHUNK * 2 + 7));
    await replaceList(db, list('small', '1'), many('s', 3));
    let pauses = 0;
    const all = await allDebunks(db, async () => void pauses++);
    expect(all).toHaveLength(STORE_CHUNK * 2 + 10);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(pauses).toBe(2);
    expect(await listDebunks(db, 'small')).toHaveLength(3);
    db.close();
  });

  it('finds a debunk by its list and id: two lists using one id keep their own, and a removed list has none', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('a', '1'), [makeDebunk({ id: 'same', claim: 'from a' })]);
    await replaceList(db, list('b', '1'), [makeDebunk({ id: 'same', claim: 'from b' })]);
    const both = [
      { list: 'a', id: 'same' },
      { list: 'b', id: 'same' },
    ];
    const found = await debunksByRef(db, both);
    expect([found.get(debunkRef('a', 'same'))?.claim, found.get(debunkRef('b', 'same'))?.claim]).toEqual(['from a', 'from b']);
    await removeList(db, 'a');
    expect([...(await debunksByRef(db, both)).values()].map((d) => d.claim)).toEqual(['from b']);
    db.close();
  });
});

describe('a browser closed mid-write', () => {
  it('leaves staged records that no reader sees, and that are cleaned up', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('feed:x', '1'), [makeDebunk({ id: 'kept' })]);
    // What an interrupted sync leaves: records of the next generation, never switched to.
    const gen = (await listRecord(db, 'feed:x'))!.gen! + 1;
    for (const d of many('half', 5)) await db.put('entries', { ...d, source: 'feed:x', gen });
    // And an interrupted removal: records of a list that no longer exists.
    for (const d of many('gone', 3)) await db.put('entries', { ...d, source: 'feed:removed', gen: 4 });

    expect((await allDebunks(db)).map((d) => d.id)).toEqual(['kept']);
    const staged = [
      { list: 'feed:x', id: 'half1' },
      { list: 'feed:removed', id: 'gone1' },
    ];
    expect((await debunksByRef(db, staged)).size).toBe(0);
    expect(await removeLeftovers(db)).toBe(2);
    expect(await entryCount(db)).toBe(1);
    expect(await removeLeftovers(db)).toBe(0);

    // The next sync would also have cleared them before writing.
    for (const d of many('half', 5)) await db.put('entries', { ...d, source: 'feed:x', gen });
    await replaceList(db, list('feed:x', '2'), [makeDebunk({ id: 'fresh' })]);
    expect((await allDebunks(db)).map((d) => d.id)).toEqual(['fresh']);
    expect(await entryCount(db)).toBe(1);
    db.close();
  });

  it('removeList hides the list at once and deletes its records', async () => {
    const db = await openSanadDb();
    await replaceList(db, list('file:a', '1'), many('a', 10));
    await removeList(db, 'file:a');
    expect(await listRecord(db, 'file:a')).toBeUndefined();
    expect(await entryCount(db)).toBe(0);
    db.close();
  });
});
