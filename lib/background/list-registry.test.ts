import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_BODY, makeDebunk } from '@/tests/unit/support/debunks';
import type { Debunk } from '../debunk/types';
import { buildIndex, buildIndexInSlices, INDEX_FORMAT, updateIndexInSlices, type MatchIndex } from '../match/bm25-index';
import { matchPost } from '../match/match';
import { importClaimReviews } from '../debunk/claimreview';
import { sharedFile } from '@/tests/unit/support/files';
import { bundledDebunks } from '@/tests/unit/support/debunks';
import type { Pause } from '../scheduling/yield';
import { listRecords, savedIndex } from '../store/debunk-store';
import { openSanadDb } from '../store/db';
import { indexKey, ListRegistry, oldestBeyond } from './list-registry';

const list = (id: string, version: string) => ({ id, version, skipped: 0, importedAt: 1 });
const debunks = (prefix: string, n = 3): Debunk[] =>
  Array.from({ length: n }, (_, i) => makeDebunk({ id: `${prefix}-${i}`, source: 'file:x' }));

/** A build that waits, when told to, until the test lets it finish. */
function controlledBuild(options: { checkPause: boolean }) {
  const gates: (() => void)[] = [];
  let holdNext = false;
  const started: string[][] = [];
  const build = async (items: readonly Debunk[], pause: Pause): Promise<MatchIndex> => {
    started.push(items.map((d) => d.id));
    if (holdNext) {
      holdNext = false;
      await new Promise<void>((resolve) => gates.push(resolve));
    }
    if (options.checkPause) await pause();
    return buildIndex(items);
  };
  return { build, started, hold: () => (holdNext = true), release: () => gates.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const fileIds = (index: MatchIndex) =>
  index.ids
    .toArray()
    .filter((id) => id.startsWith('v'))
    .sort();

describe('ListRegistry', () => {
  it('overlapping rebuilds: the newer list wins even when the older build finishes last', async () => {
    const builds = controlledBuild({ checkPause: false });
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY, buildIndex: builds.build });
    await lists.current();
    builds.hold(); // the first change's build is slow
    await lists.write(list('file:x', '1'), debunks('v1'));
    while (!builds.started.some((ids) => ids.includes('v1-0'))) await tick();
    const second = lists.write(list('file:x', '2'), debunks('v2'));
    await second;
    const settled = lists.indexed();
    // Give the newer change every chance to be built first (unserialised, it would be, within a few ticks).
    for (let i = 0; i < 50 && !builds.started.some((ids) => ids.includes('v2-0')); i++) await tick();
    for (let i = 0; i < 5; i++) await tick();
    builds.release(); // the older build finishes only now
    const index = await settled;
    for (let i = 0; i < 5; i++) await tick(); // whatever the older build would still do, it has done
    expect(fileIds(index)).toEqual(['v2-0', 'v2-1', 'v2-2']);
    expect(fileIds(await lists.current())).toEqual(['v2-0', 'v2-1', 'v2-2']);
    expect(fileIds(await lists.indexed())).toEqual(['v2-0', 'v2-1', 'v2-2']);
    // And it is the index persisted for the lists as stored.
    const db = await openSanadDb();
    expect(await savedIndex(db, indexKey(await listRecords(db)))).toBeDefined();
  });

  it('a newer change supersedes a build in flight: that build stops, one build includes both', async () => {
    const builds = controlledBuild({ checkPause: true });
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY, buildIndex: builds.build });
    const before = await lists.current();
    builds.hold();
    await lists.write(list('file:a', '1'), debunks('va'));
    while (builds.started.length < 2) await tick();
    await lists.write(list('file:b', '1'), debunks('vb'));
    builds.release();
    const index = await lists.indexed();
    expect(index.ids.toArray().filter((id) => id.startsWith('va') || id.startsWith('vb'))).toHaveLength(6);
    // Bundled build, the superseded one, the one that counts: the superseded one never swapped in.
    expect(builds.started).toHaveLength(3);
    expect(await lists.current()).toBe(index);
    expect(index).not.toBe(before);
  });

  it('hands the list just written to the build in memory instead of reading it back', async () => {
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
    await lists.current();
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    await lists.replace(list('file:x', '1'), debunks('v1'));
    const readLists = getAll.mock.calls.map(([range]) => ((range as IDBKeyRange | undefined)?.lower as unknown[] | undefined)?.[0]);
    getAll.mockRestore();
    expect(readLists).not.toContain('file:x');
    expect(fileIds(await lists.current())).toEqual(['v1-0', 'v1-1', 'v1-2']);
  });

  it('one change starts one build job, whether the caller replaces, or writes and then waits', async () => {
    const builds = controlledBuild({ checkPause: true });
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY, buildIndex: builds.build });
    await lists.current();
    expect(builds.started).toHaveLength(1);
    await lists.replace(list('file:x', '1'), debunks('v1'));
    // Two jobs would show as two builds: the first stopped at its first pause, superseded by the second.
    expect(builds.started).toHaveLength(2);
    expect(fileIds(await lists.current())).toEqual(['v1-0', 'v1-1', 'v1-2']);
    // A feed sync writes (which schedules the index) and then waits until matching uses its list.
    await lists.write(list('file:x', '2'), debunks('v2'));
    await lists.indexed();
    expect(builds.started).toHaveLength(3);
    expect(fileIds(await lists.current())).toEqual(['v2-0', 'v2-1', 'v2-2']);
  });

  it('does not rebuild when nothing changed', async () => {
    const builds = controlledBuild({ checkPause: false });
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY, buildIndex: builds.build });
    const first = await lists.current();
    expect(await lists.indexed()).toBe(first);
    expect(builds.started).toHaveLength(1);
  });

  it('removing a list takes its debunks out of matching', async () => {
    const lists = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
    await lists.replace(list('file:x', '1'), debunks('v1'));
    await lists.remove('file:x');
    expect(fileIds(await lists.current())).toEqual([]);
    expect((await lists.records()).map((l) => l.id)).toEqual(['bundled']);
  });

  it('a feed delta of 10 new items (and one changed, one gone) updates the index: no full rebuild, the same answers', async () => {
    const feed = importClaimReviews(sharedFile('eval/clef-en/debunks.jsonl'), 'feed:x').debunks.slice(0, 400);
    const posts = sharedFile('eval/clef-en/dev/posts.jsonl').split('\n').filter(Boolean).slice(0, 100);
    const fullBuilds: number[] = [];
    const updates: number[] = [];
    const lists = new ListRegistry({
      openDb: () => openSanadDb(),
      readBundledList: async () => BUNDLED_BODY,
      buildIndex: (items, pause) => (fullBuilds.push(items.length), buildIndexInSlices(items, pause)),
      updateIndex: (index, change, pause) => (updates.push(change.add.length), updateIndexInSlices(index, change, pause)),
    });
    await lists.replace(list('feed:x', '1'), feed.slice(0, 390));
    expect(fullBuilds).toHaveLength(1); // the first build of a new worker
    const next = [...feed.slice(0, 390).filter((d) => d.id !== feed[5]!.id), ...feed.slice(390)];
    next[0] = { ...next[0]!, claim: `${next[0]!.claim} (updated)` };
    const index = await lists.replace(list('feed:x', '2'), next).then(() => lists.current());
    expect(fullBuilds).toHaveLength(1);
    expect(updates).toEqual([11]); // the 10 new items and the changed one: nothing else is read again
    const rebuilt = buildIndex([...bundledDebunks(), ...next]);
    expect(index.ids.length).toBe(rebuilt.ids.length);
    expect(index.ids.toArray().sort()).toEqual(rebuilt.ids.toArray().sort());
    const answer = (ix: MatchIndex, line: string) => {
      const post = JSON.parse(line) as { id: string; text: string };
      return matchPost(ix, { key: post.id, text: post.text }).candidates;
    };
    for (const line of posts) expect(answer(index, line)).toEqual(answer(rebuilt, line));
  });

  it.each([
    // Format 6 held the n-gram texts' offsets in UTF-16 units: read as byte offsets they would cut words apart.
    [6, {}],
    // Format 7 joined ids and list names by a separator, with no offsets or list numbers to read them by.
    [7, { ids: 'a\u0001b', lists: 'l\u0001l', idOffsets: undefined, listNames: undefined, listOf: undefined }],
    // Format 8 held the n-gram texts as UTF-8 (gramTexts), with no word table or word numbers to read them by.
    [8, { gramTexts: new TextEncoder().encode('a b'), gramWords: undefined, gramWordOffsets: undefined, gramCodes: undefined }],
  ])('rebuilds a stored index of format %i instead of reading it', async (format, shape) => {
    const db = await openSanadDb();
    const fresh = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY });
    await fresh.current();
    const key = indexKey(await listRecords(db));
    const stored = (await db.get('matchIndex', 'text'))!;
    expect(stored.data.format).toBe(INDEX_FORMAT);
    await db.put('matchIndex', { ...stored, data: { ...stored.data, ...shape, format: format as never } as never });
    expect(await savedIndex(db, key)).toBeUndefined();
    const builds = controlledBuild({ checkPause: false });
    const woken = new ListRegistry({ openDb: () => openSanadDb(), readBundledList: async () => BUNDLED_BODY, buildIndex: builds.build });
    expect((await woken.current()).ids).toHaveLength(bundledDebunks().length);
    expect(builds.started).toHaveLength(1);
    expect((await savedIndex(db, key))?.format).toBe(INDEX_FORMAT);
  });

  it('drops the oldest debunks across lists, down to the number kept, by updating the index', async () => {
    const updates: number[] = [];
    const lists = new ListRegistry({
      openDb: () => openSanadDb(),
      readBundledList: async () => BUNDLED_BODY,
      buildIndex: buildIndexInSlices,
      updateIndex: (index, change, pause) => (updates.push(change.add.length), updateIndexInSlices(index, change, pause)),
    });
    const dated = (id: string, reviewDate: string, source: string) =>
      makeDebunk({ id, reviewDate, source, claim: `claim ${id} about a flood` });
    await lists.replace(list('file:a', '1'), [dated('a-old', '2019-01-01', 'file:a'), dated('a-new', '2025-05-01', 'file:a')]);
    await lists.replace(list('file:b', '1'), [dated('b-mid', '2022-03-01', 'file:b'), dated('b-new', '2026-01-01', 'file:b')]);
    const before = (await lists.current()).ids.length;
    updates.length = 0;
    const dropped = await lists.dropOldest(before - 2);
    expect(dropped).toBe(2);
    const ids = (await lists.current()).ids.toArray();
    expect(ids).toHaveLength(before - 2);
    expect(ids).not.toContain('a-old');
    expect(ids).toContain('a-new');
    expect(updates.every((added) => added === 0)).toBe(true); // nothing re-read: only removals
    expect((await lists.records()).find((l) => l.id === 'file:a')?.count).toBe(1);
  });
});

describe('oldestBeyond', () => {
  it('picks the oldest by review date, else claim date; undated first; ties in list order', () => {
    const d = (id: string, dates: { reviewDate?: string; claimDate?: string }) => makeDebunk({ id, ...dates });
    const all = [
      d('r2020', { reviewDate: '2020-02-02' }),
      d('none', {}),
      d('c2018', { claimDate: '2018-01-01' }),
      d('r2024', { reviewDate: '2024-01-01' }),
    ];
    expect([...oldestBeyond(all, 2)]).toEqual([JSON.stringify(['test', 'none']), JSON.stringify(['test', 'c2018'])]);
    expect(oldestBeyond(all, 4).size).toBe(0);
    expect(oldestBeyond(all, 0).size).toBe(4);
  });
});
