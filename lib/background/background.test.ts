import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftStore } from './drafts';
import { unpackPageResults } from '../wire/packed-results';
import { AI_VIDEO_ID, BUNDLED_BODY, makeDebunk, OLD_HAMA_ID } from '@/tests/unit/support/debunks';
import { fromPopup, fromTab, testBackground } from '@/tests/unit/support/background';
import type { ExtractedPost } from '../match/types';
import { allDebunks, listRecord, listRecords, savedIndex } from '../store/debunk-store';
import { openSanadDb } from '../store/db';
import { BUNDLED_LIST_ID } from './bundled-list';
import { indexKey } from './list-registry';
import { hashFrame } from '../media/video';

const post = (key: string, text: string, extra: Partial<ExtractedPost> = {}): ExtractedPost => ({
  key,
  text,
  links: [],
  media: [],
  ...extra,
});
const AI_POST = post('x:1', 'فيديو يظهر اسر عناصر من الجيش السوري على ايدي قوات سوريا الديمقراطيه قسد في مدينه حلب');
const TRUE_POST = post('x:2', 'خروج الدفعة الأخيرة من مقاتلي قسد من حي الشيخ مقصود في حلب باتجاه شمال شرق سوريا');
const ID_POST = post('x:3', 'شاهد', { permalink: 'https://x.com/sham_front_news/status/1862457711358930944' });

function setup(readBundledList = async () => BUNDLED_BODY) {
  const background = testBackground({ readBundledList });
  return { ...background, showCount: background.env.showCount as ReturnType<typeof vi.fn> };
}

describe('Background: bundled list', () => {
  it('imports the bundled list once; an unchanged list is not rewritten, a changed one replaces it', async () => {
    let packaged = BUNDLED_BODY;
    const { lists } = setup(async () => packaged);
    expect((await lists.ensureBundled({ checkVersion: true }))?.debunks.length).toBe(2);
    expect(await lists.ensureBundled({ checkVersion: true })).toBeNull();
    const updated = JSON.parse(BUNDLED_BODY);
    updated['@graph'].pop();
    packaged = JSON.stringify(updated);
    await lists.ensureBundled({ checkVersion: true });
    const db = await openSanadDb();
    expect((await allDebunks(db)).map((d) => d.id)).toEqual([AI_VIDEO_ID]);
    expect((await listRecord(db, BUNDLED_LIST_ID))?.count).toBe(1);
  });

  it('reads and hashes the packaged file on install and update only, not when a worker wakes', async () => {
    await setup().matcher.ready(); // the first run imports it
    const read = vi.fn(async () => BUNDLED_BODY);
    const woken = setup(read);
    await woken.matcher.ready();
    await woken.lists.ensureBundled({ checkVersion: false });
    expect(read).not.toHaveBeenCalled();
    await woken.lists.ensureBundled({ checkVersion: true }); // onInstalled
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('refuses an unusable bundled list and keeps the good one', async () => {
    let packaged = BUNDLED_BODY;
    const { lists } = setup(async () => packaged);
    await lists.ensureBundled({ checkVersion: true });
    packaged = '{"not": "a list"';
    await expect(lists.ensureBundled({ checkVersion: true })).rejects.toThrow(/unusable/);
    expect(await allDebunks(await openSanadDb())).toHaveLength(2);
  });

  it('matches from the stored list when the packaged file cannot be read', async () => {
    await setup().matcher.ready(); // first run stores the list
    const offline = setup(async () => {
      throw new Error('fetch failed');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const [result] = await offline.matcher.match([AI_POST]);
    expect(result!.badge?.debunk.id).toBe(AI_VIDEO_ID);
  });
});

describe('Background: persisted index', () => {
  it('persists the index so a woken worker does not rebuild it, and rebuilds when a list changes', async () => {
    const first = setup();
    await first.matcher.ready();
    const db = await openSanadDb();
    const key = indexKey(await listRecords(db));
    expect(await savedIndex(db, key)).toBeDefined();

    // A woken worker: the debunks are still there, but it must not need to read them to be ready.
    const woken = setup();
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const [result] = await woken.matcher.match([AI_POST]);
    expect(result!.badge?.debunk.id).toBe(AI_VIDEO_ID);
    expect(getAll.mock.contexts.map((store) => (store as IDBObjectStore).name)).not.toContain('entries');
    getAll.mockRestore();

    // The bundled list changes (an extension update): the saved index no longer fits and is rebuilt.
    const updated = JSON.parse(BUNDLED_BODY);
    updated['@graph'].shift();
    const afterUpdate = setup(async () => JSON.stringify(updated));
    await afterUpdate.lists.ensureBundled({ checkVersion: true }); // onInstalled, reason "update"
    const [again] = await afterUpdate.matcher.match([AI_POST]);
    expect(again!.badge).toBeUndefined();
    expect(await savedIndex(db, key)).toBeUndefined();
  });
});

describe('Background: matchPosts', () => {
  it('answers a batch in one message, in order, with badges only where they belong', async () => {
    const { ask } = setup();
    const results = unpackPageResults(
      await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, TRUE_POST, ID_POST] }, fromTab(7)),
    );
    expect(results.map((r) => r.key)).toEqual(['x:1', 'x:2', 'x:3']);
    expect(results[0]!.badge?.debunk.id).toBe(AI_VIDEO_ID);
    expect(results[0]!.badge?.candidate.how).toBe('similar-text');
    expect(results[1]!.badge).toBeUndefined();
    expect(results[2]!.badge).toMatchObject({
      debunk: { id: OLD_HAMA_ID, verdict: 'misleading' },
      candidate: { how: 'same-media', score: 1 },
    });
  });

  it('records the tab results for the popup and shows the count on the icon', async () => {
    const { ask, showCount } = setup();
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, TRUE_POST, ID_POST] }, fromTab(7));
    const results = await ask('tabResults', { tabId: 7 }, fromPopup());
    expect(results.pageUrl).toBe('https://x.com/home');
    // Certain matches first.
    expect(results.posts.map((p) => [p.key, p.badge?.debunk.id])).toEqual([
      ['x:3', OLD_HAMA_ID],
      ['x:1', AI_VIDEO_ID],
    ]);
    expect(showCount).toHaveBeenLastCalledWith(7, 2, 3);
  });

  it('answers the page with badges only; the possibly related matches stay for the popup', async () => {
    const { ask } = setup();
    const related = { key: 'x:9', text: 'اشتباكات عنيفة بين قسد والجيش السوري في حلب وأنباء عن أسرى من الطرفين', links: [], media: [] };
    const answer = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, related] }, fromTab(8)));
    expect(answer.map((r) => Object.keys(r).sort())).toEqual([['badge', 'key'], ['key']]);
    const tab = await ask('tabResults', { tabId: 8 }, fromPopup());
    expect(tab.posts.find((p) => p.key === 'x:9')?.related[0]?.debunk.id).toBe(AI_VIDEO_ID);
  });

  it('keeps tab results across a service-worker restart (storage.session)', async () => {
    await setup().ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(3));
    const woken = setup(); // a new worker: empty memory, same session storage
    const results = await woken.ask('tabResults', { tabId: 3 }, fromPopup());
    expect(results.posts.map((p) => p.key)).toEqual(['x:1']);
  });

  it('keeps tab results across a restart whole: badges and related matches, each debunk summary once per tab', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...AI_POST, key: `x:${100 + i}` }));
    await setup().ask('matchPosts', { pageUrl: 'https://x.com/home', posts: many }, fromTab(6));
    const before = await setup().ask('tabResults', { tabId: 6 }, fromPopup()); // a woken worker: from the mirror
    expect(before.posts).toHaveLength(20);
    expect(before.posts.every((p) => p.badge?.debunk.id === AI_VIDEO_ID && p.badge.debunk.list.trust === 'built-in')).toBe(true);
    const mirrored = JSON.stringify(await fakeBrowser.storage.session.get('tab:6'));
    expect(mirrored.split('"claim"').length - 1).toBe(
      new Set(before.posts.flatMap((p) => [p.badge, ...p.related]).map((v) => v!.debunk.id)).size,
    );
  });

  it('never fails matching because storage.session is full: badges still come back, the popup still has them', async () => {
    const { ask } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const [result] = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(5)));
    expect(result!.badge?.debunk.id).toBe(AI_VIDEO_ID);
    expect((await ask('tabResults', { tabId: 5 }, fromPopup())).posts.map((p) => p.key)).toEqual(['x:1']);
    await ask('pageChanged', { pageUrl: 'https://x.com/other' }, fromTab(5));
    vi.restoreAllMocks();
  });

  it('forgets a post whose recycled cell no longer matches, and everything on navigation', async () => {
    const { ask } = setup();
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(4));
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [{ ...AI_POST, text: 'نص آخر تماما عن الطقس' }] }, fromTab(4));
    expect((await ask('tabResults', { tabId: 4 }, fromPopup())).posts).toEqual([]);
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [ID_POST] }, fromTab(4));
    await ask('pageChanged', { pageUrl: 'https://x.com/explore' }, fromTab(4));
    expect(await ask('tabResults', { tabId: 4 }, fromPopup())).toEqual({ pageUrl: 'https://x.com/explore', posts: [], checked: 0 });
  });

  it('counts the posts it checked, matched or not, each once, across a restart, and anew on navigation', async () => {
    const { ask } = setup();
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, TRUE_POST] }, fromTab(11));
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [TRUE_POST, ID_POST] }, fromTab(11)); // TRUE_POST re-read
    expect((await ask('tabResults', { tabId: 11 }, fromPopup())).checked).toBe(3);
    expect((await setup().ask('tabResults', { tabId: 11 }, fromPopup())).checked).toBe(3); // a woken worker: from the mirror
    await ask('pageChanged', { pageUrl: 'https://x.com/explore' }, fromTab(11));
    expect((await ask('tabResults', { tabId: 11 }, fromPopup())).checked).toBe(0);
  });

  it('keeps a post that only mentions a claim (a denial) across a restart', async () => {
    const denial = { key: 'x:20', text: 'قوات سوريا الديمقراطية تنفي أسر أي عنصر من الجيش السوري في مدينة حلب', links: [], media: [] };
    const { ask } = setup();
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [denial] }, fromTab(12));
    const live = await ask('tabResults', { tabId: 12 }, fromPopup());
    expect(live.posts[0]?.mentions?.debunk.id).toBe(AI_VIDEO_ID);
    const woken = await setup().ask('tabResults', { tabId: 12 }, fromPopup());
    expect(woken.posts[0]?.mentions?.debunk.id).toBe(AI_VIDEO_ID);
    expect(woken.posts[0]?.badge).toBeUndefined();
  });

  it('bounds hostile input: oversized text is cut, junk entries dropped, a non-array refused', async () => {
    const { ask } = setup();
    const junk = [null, 42, { text: 'no key' }, { key: 'k', text: 'x'.repeat(60_000), links: 'nope', media: [{ kind: 'script' }] }];
    const results = unpackPageResults(
      await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: junk as unknown as ExtractedPost[] }, fromTab(5)),
    );
    expect(results).toEqual([{ key: 'k' }]);
    await expect(ask('matchPosts', { pageUrl: 'x', posts: 'nope' as unknown as ExtractedPost[] }, fromTab(5))).rejects.toThrow(/array/);
  });

  it('gives tab results to extension pages only, not to content scripts', async () => {
    const { ask } = setup();
    await expect(ask('tabResults', { tabId: 1 }, fromTab(9, 'https://x.com/home'))).rejects.toThrow(/extension pages/);
  });

  it('takes a wrong-match report: the badge goes now and for good, and the tab is asked to look again', async () => {
    const { ask: reporter, showCount, env } = setup();
    const { ask } = setup();
    await reporter('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, ID_POST] }, fromTab(8));
    await reporter('reportWrongMatch', { tabId: 8, postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'refutes' }, fromPopup());
    expect(env.refreshTab).toHaveBeenCalledWith(8);
    expect(showCount).toHaveBeenLastCalledWith(8, 1, 2);
    expect((await reporter('tabResults', { tabId: 8 }, fromPopup())).posts.map((p) => p.key)).toEqual(['x:3']);
    // Another worker later: the report is in IndexedDB.
    const [again] = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(9)));
    expect(again!.badge).toBeUndefined();
    const exported = await ask('exportData', {}, fromPopup());
    expect(exported.wrongMatches).toMatchObject([{ postKey: 'x:1', debunkId: AI_VIDEO_ID, excerpt: AI_POST.text, reason: 'refutes' }]);
    await expect(ask('reportWrongMatch', { tabId: 8, postKey: 'x:3', debunkId: OLD_HAMA_ID, reason: 'other' }, fromTab(8))).rejects.toThrow(
      /extension pages/,
    );
  });

  it('takes a report from the badge’s panel for a match its tab holds, with a reason; "Undo" brings the badge back', async () => {
    const { ask, showCount, env } = setup();
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST, ID_POST] }, fromTab(4));
    // Not a match this tab holds, or no reason: refused.
    await expect(ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: OLD_HAMA_ID, reason: 'other' }, fromTab(4))).rejects.toThrow(
      /not matched/,
    );
    await expect(
      ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'because' as never }, fromTab(4)),
    ).rejects.toThrow(/choose why/);
    await expect(ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'refutes' }, fromTab(5))).rejects.toThrow(
      /not matched/,
    );

    await ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'not-repeated' }, fromTab(4));
    expect(showCount).toHaveBeenLastCalledWith(4, 1, 2);
    expect(env.refreshTab).not.toHaveBeenCalled(); // the page keeps its "Undo" itself
    const reported = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(4)));
    expect(reported[0]!.badge).toBeUndefined();
    expect((await ask('exportData', {}, fromPopup())).wrongMatches).toMatchObject([{ reason: 'not-repeated', listId: BUNDLED_LIST_ID }]);

    await ask('undoWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID }, fromTab(4));
    const back = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(4)));
    expect(back[0]!.badge?.debunk.id).toBe(AI_VIDEO_ID);
    expect((await ask('exportData', {}, fromPopup())).wrongMatches).toEqual([]);
  });

  it('"Also tell <desk>": queues the report for the desk that published the debunk, lists it, and "Undo" takes it back there', async () => {
    const FEED = 'feed:https://desk.example/feed.json';
    const ENDPOINT = 'https://desk.example/v1/wrong-matches';
    const calls: { url: string; method: string; body?: unknown; secret?: string }[] = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({
        url,
        method: init.method!,
        ...(init.body && { body: JSON.parse(String(init.body)) }),
        secret: headers['x-sanad-status-secret'],
      });
      return init.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : Response.json({ id: 31, withdrawSecret: 'secret-31' }, { status: 201 });
    });
    const { ask, lists, outbox, env } = testBackground({ fetch: fetch as unknown as typeof globalThis.fetch });
    const db = await openSanadDb();
    await db.put('feeds', {
      id: FEED,
      url: 'https://desk.example/feed.json',
      kind: 'sanad',
      publisher: 'Test desk',
      wrongMatchesUrl: ENDPOINT,
      count: 1,
      addedAt: 1,
    });
    const permalink = 'https://x.com/someone/status/7001';
    await lists.replace({ id: FEED, version: '1', skipped: 0, importedAt: 1 }, [
      makeDebunk({ id: 'intake-7', claim: 'Tanks enter the city tonight', appearances: [permalink], source: FEED }),
    ]);
    const deskPost = post('x:9', 'Secret words the desk must never see', { permalink });
    const [answer] = unpackPageResults(
      await ask('matchPosts', { pageUrl: 'https://x.com/home?ref=timeline', posts: [deskPost, AI_POST] }, fromTab(6)),
    );
    // The card offers "Also tell Test desk"; the bundled list's cards do not.
    expect(answer!.badge?.debunk.list).toEqual({ id: FEED, trust: 'signed', name: 'Test desk', takesReports: true });

    // The bundled list has no desk to tell: refused whole, and the badge stays.
    await expect(
      ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'other', tellDesk: true }, fromTab(6)),
    ).rejects.toThrow(/does not take reports/);
    expect((await ask('tabResults', { tabId: 6 }, fromPopup())).posts.map((p) => p.key).sort()).toEqual(['x:1', 'x:9']);

    await ask('reportWrongMatchInPage', { postKey: 'x:9', debunkId: 'intake-7', reason: 'refutes', tellDesk: true }, fromTab(6));
    await outbox.deliverDue();
    expect(calls).toHaveLength(1);
    const sent = calls[0]!;
    expect([sent.url, sent.method]).toEqual([ENDPOINT, 'POST']);
    expect(sent.body).toEqual({ idempotencyKey: expect.any(String), debunkId: 'intake-7', reason: 'refutes', postUrl: permalink });
    expect(JSON.stringify(sent.body)).not.toContain('Secret words');
    const [listed] = await ask('wrongMatches', {}, fromPopup());
    expect(listed).toMatchObject({ postKey: 'x:9', debunkId: 'intake-7', reason: 'refutes', desk: { name: 'Test desk', state: 'sent' } });
    // The secret stays in the background.
    expect(JSON.stringify(listed)).not.toContain('secret-31');
    await expect(ask('wrongMatches', {}, fromTab(6))).rejects.toThrow(/extension pages only/);

    // Unticked: the report stays on this device.
    await ask('reportWrongMatchInPage', { postKey: 'x:1', debunkId: AI_VIDEO_ID, reason: 'other' }, fromTab(6));
    await outbox.deliverDue();
    expect(calls).toHaveLength(1);
    expect((await ask('wrongMatches', {}, fromPopup())).map((r) => [r.postKey, r.desk?.state])).toEqual([
      ['x:1', undefined],
      ['x:9', 'sent'],
    ]);

    // The popup's "Undo": the badge comes back, and the desk is asked to delete the report, with its secret.
    await ask('undoWrongMatch', { tabId: 6, postKey: 'x:9', debunkId: 'intake-7' }, fromPopup());
    expect(env.refreshTab).toHaveBeenCalledWith(6);
    await outbox.deliverDue();
    expect(calls.slice(1)).toEqual([{ url: `${ENDPOINT}/31`, method: 'DELETE', secret: 'secret-31' }]);
    expect(await outbox.deskReports()).toEqual([]);
    expect((await ask('wrongMatches', {}, fromPopup())).map((r) => r.postKey)).toEqual(['x:1']);
    const [back] = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [deskPost] }, fromTab(6)));
    expect(back!.badge?.debunk.id).toBe('intake-7');
  });

  it('imports an export file into a fresh profile, and refuses a bad one without changing anything', async () => {
    const { ask } = setup();
    const file = JSON.stringify({
      format: 'sanad-export',
      version: 1,
      settings: {
        version: 1,
        sites: { x: true, facebook: true, youtube: false, tiktok: true, instagram: true, telegram: true },
        language: 'ar',
      },
      wrongMatches: [{ postKey: 'x:1', debunkId: AI_VIDEO_ID, excerpt: '', reportedAt: 1 }],
    });
    await expect(ask('importData', { text: '{"format":"other"}' }, fromPopup())).rejects.toThrow(/not a Sanad export/);
    expect((await ask('exportData', {}, fromPopup())).wrongMatches).toEqual([]);
    expect(await ask('importData', { text: file }, fromPopup())).toEqual({ wrongMatches: 1, skipped: 0 });
    const [result] = unpackPageResults(await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [AI_POST] }, fromTab(2)));
    expect(result!.badge).toBeUndefined();
    expect((await ask('exportData', {}, fromPopup())).settings).toMatchObject({ language: 'ar', sites: { youtube: false } });
  });

  it("reports the lists held locally to extension pages only (feed addresses are the user's business)", async () => {
    const { ask, matcher } = setup();
    await matcher.ready();
    const lists = await ask('listStatus', {}, fromPopup());
    expect(lists).toEqual([{ id: 'bundled', version: expect.any(String), count: 2, skipped: 0, importedAt: expect.any(Number) }]);
    await expect(ask('listStatus', {}, fromTab(3))).rejects.toThrow(/extension pages only/);
  });

  it('answers no message outside the two protocols, whoever sends it', async () => {
    const { ask } = setup();
    await expect(ask('dropDatabase' as never, {} as never, fromPopup())).rejects.toThrow(/no such message/);
    await expect(ask('__proto__' as never, {} as never, fromPopup())).rejects.toThrow(/no such message/);
    await expect(ask('hasOwnProperty' as never, {} as never, fromTab(1))).rejects.toThrow(/no such message/);
  });
});

describe('Background: debunks are named by list and id', () => {
  // An unsigned file that reuses the bundled list's id and names a post it wants badged.
  const BORROWING_FILE = JSON.stringify({
    '@type': 'ClaimReview',
    identifier: AI_VIDEO_ID,
    claimReviewed: 'A claim the file made up about a post it names',
    author: { name: 'Not Misbar' },
    reviewRating: { alternateName: 'False' },
    itemReviewed: { appearance: [{ url: 'https://x.com/victim/status/1111111111111111111' }] },
  });
  const VICTIM = post('x:1111111111111111111', 'ordinary words', { permalink: 'https://x.com/victim/status/1111111111111111111' });

  it('an unsigned list that reuses the bundled id cannot show the bundled card; each card says its list', async () => {
    const { ask } = setup();
    await ask('importList', { name: 'borrowed.json', text: BORROWING_FILE }, fromPopup());
    const [victim, ai] = unpackPageResults(
      await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [VICTIM, AI_POST] }, fromTab(3)),
    );
    expect(victim!.badge?.debunk).toMatchObject({
      id: AI_VIDEO_ID,
      source: 'file:borrowed.json',
      claim: 'A claim the file made up about a post it names',
      publisher: { name: 'Not Misbar' },
      list: { trust: 'unsigned', name: 'borrowed.json' },
    });
    // The bundled debunk with that id still answers for its own list.
    expect(ai!.badge?.debunk).toMatchObject({ id: AI_VIDEO_ID, source: BUNDLED_LIST_ID, list: { trust: 'built-in' } });
    expect(ai!.badge?.debunk.publisher.name).toBe('مسبار (Misbar)');
    const tab = await ask('tabResults', { tabId: 3 }, fromPopup());
    expect(tab.posts.map((p) => [p.key, p.badge?.debunk.source]).sort()).toEqual([
      ['x:1', BUNDLED_LIST_ID],
      ['x:1111111111111111111', 'file:borrowed.json'],
    ]);
  });
});

describe('Background: sampled video frames', () => {
  it('refuses frames whose size and bytes disagree, or that are absurdly large', async () => {
    const { decodeLuma } = await import('./matcher-service');
    const luma = btoa('\u0080'.repeat(32 * 32));
    expect(decodeLuma({ width: 32, height: 32, t: 0, luma })).toHaveLength(1024);
    expect(() => decodeLuma({ width: 32, height: 31, t: 0, luma })).toThrow(/expected 992/);
    expect(() => decodeLuma({ width: 4096, height: 4096, t: 0, luma })).toThrow(/bad frame size/);
    expect(() => decodeLuma({ width: 1.5, height: 32, t: 0, luma })).toThrow(/bad frame size/);
  });

  it('does not badge from frames when no debunk carries media, and says so to content scripts', async () => {
    const { ask } = setup();
    expect(await ask('mediaStatus', {}, fromTab(1))).toEqual({ fingerprints: 0 });
    const frame = {
      width: 32,
      height: 32,
      t: 0,
      luma: btoa(Array.from({ length: 1024 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('')),
    };
    const result = await ask('videoFrame', { pageUrl: 'https://x.com/home', post: TRUE_POST, frame }, fromTab(1));
    expect(result).toEqual({ key: 'x:2' });
  });
});

describe('Background: submission drafts', () => {
  it('deletes a draft (and its screenshot) when the submit page takes it', async () => {
    const drafts = new DraftStore();
    const id = await drafts.put({
      kind: 'claim',
      post: { pageUrl: 'https://x.com/home' },
      screenshot: 'data:image/jpeg;base64,AAAA',
    } as never);
    expect((await drafts.take(id))?.screenshot).toBe('data:image/jpeg;base64,AAAA');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await drafts.take(id)).toBeUndefined();
  });
});

describe('Background: submissions', () => {
  function withOutbox() {
    const drafts = {
      take: async (id: string) =>
        id === 'd1' ? { kind: 'claim' as const, post: { pageUrl: 'https://x.com/home', text: 'نص', links: [], media: [] } } : undefined,
      put: async () => 'd1',
    };
    return testBackground({ drafts, fetch: vi.fn(async () => Response.json({ id: 1 }, { status: 201 })) as unknown as typeof fetch }).ask;
  }
  const draft = {
    kind: 'claim' as const,
    category: 'ai-generated' as const,
    post: { pageUrl: 'https://x.com/home', text: 'Captured soldiers video', links: [], media: [] },
  };

  it('queues a submission from an extension page, never from a web page', async () => {
    const ask = withOutbox();
    await expect(ask('submitClaim', draft, fromTab(1))).rejects.toThrow(/extension pages only/);
    await expect(ask('outbox', {}, fromTab(1))).rejects.toThrow(/extension pages only/);
    const queued = await ask('submitClaim', draft, fromPopup());
    expect(queued.submission.idempotencyKey).toBe(queued.id);
    expect((await ask('outbox', {}, fromPopup())).map((i) => i.id)).toEqual([queued.id]);
  });

  it('sends a post picked in the popup with the frame hashes of its poster, so the desk can group it by media', async () => {
    const frame = { t: 0, hash: 'ab'.repeat(32), quality: 90 };
    const withFrames = vi.fn(async (media: { kind: 'video' | 'image'; poster?: string }[]) =>
      media.map((m) => (m.poster ? { ...m, frames: [frame] } : m)),
    );
    const { ask } = testBackground({ posters: { framesFor: async () => [], credentialsFor: async () => [], withFrames } });
    const hashedBefore = {
      kind: 'image' as const,
      url: 'https://pbs.twimg.com/media/a.jpg',
      frames: [{ ...frame, hash: 'cd'.repeat(32) }],
    };
    const picked = {
      ...draft,
      post: { ...draft.post, media: [{ kind: 'video' as const, poster: 'https://pbs.twimg.com/thumb/1.jpg' }, hashedBefore] },
    };
    const queued = await ask('submitClaim', picked, fromPopup());
    expect(queued.submission.post.media).toEqual([
      { kind: 'video', poster: 'https://pbs.twimg.com/thumb/1.jpg', frames: [frame] },
      hashedBefore,
    ]);
    // Media hashed already (a context-menu draft) are not hashed again.
    expect(withFrames).toHaveBeenCalledWith([{ kind: 'video', poster: 'https://pbs.twimg.com/thumb/1.jpg' }]);
  });

  it('still queues the post when its poster cannot be hashed', async () => {
    const withFrames = vi.fn(async () => {
      throw new Error('decode failed');
    });
    const { ask } = testBackground({ posters: { framesFor: async () => [], credentialsFor: async () => [], withFrames } });
    const media = [{ kind: 'video' as const, poster: 'https://pbs.twimg.com/thumb/2.jpg' }];
    const queued = await ask('submitClaim', { ...draft, post: { ...draft.post, media } }, fromPopup());
    expect(queued.submission.post.media).toEqual(media);
  });

  it('refuses a bad draft with the same reasons the service would give', async () => {
    const ask = withOutbox();
    await expect(ask('submitClaim', { ...draft, post: { ...draft.post, pageUrl: 'javascript:alert(1)' } }, fromPopup())).rejects.toThrow(
      /post\.pageUrl: must be an http\(s\) URL/,
    );
    expect(await ask('outbox', {}, fromPopup())).toEqual([]);
  });

  it('hands the submit page its draft, and says when it has expired', async () => {
    const ask = withOutbox();
    expect((await ask('submissionDraft', { id: 'd1' }, fromPopup())).post.text).toBe('نص');
    await expect(ask('submissionDraft', { id: 'gone' }, fromPopup())).rejects.toThrow(/expired/);
  });
});

describe('Background: page readability', () => {
  const unreadable = { site: 'facebook', readability: 'unreadable', postsRead: 0, elements: 2400, textChars: 9000 } as const;

  it('notes an unreadable page for the popup, keeps it across a restart, and forgets it on navigation', async () => {
    const { ask } = setup();
    await ask('pageReadability', unreadable, fromTab(4));
    expect((await ask('tabResults', { tabId: 4 }, fromPopup())).unreadable).toEqual(unreadable);
    expect((await setup().ask('tabResults', { tabId: 4 }, fromPopup())).unreadable).toEqual(unreadable);
    await ask('pageChanged', { pageUrl: 'https://www.facebook.com/groups/1/' }, fromTab(4));
    expect((await ask('tabResults', { tabId: 4 }, fromPopup())).unreadable).toBeUndefined();
  });

  it('a page that reads again loses the note; each site keeps its last state for the options page', async () => {
    const { ask } = setup();
    await ask('pageReadability', unreadable, fromTab(5));
    await ask('pageReadability', { ...unreadable, site: 'x', readability: 'readable', postsRead: 12 }, fromTab(6));
    expect(await ask('siteStates', {}, fromPopup())).toMatchObject({
      facebook: { readability: 'unreadable', postsRead: 0 },
      x: { readability: 'readable', postsRead: 12 },
    });
    await ask('pageReadability', { ...unreadable, readability: 'readable', postsRead: 3 }, fromTab(5));
    expect((await ask('tabResults', { tabId: 5 }, fromPopup())).unreadable).toBeUndefined();
    expect((await ask('siteStates', {}, fromPopup())).facebook).toMatchObject({ readability: 'readable', postsRead: 3 });
  });

  it('refuses a report that is not counts of a known site, and changes nothing', async () => {
    const { ask } = setup();
    const bad = [
      { ...unreadable, site: 'myspace' },
      { ...unreadable, readability: 'maybe' },
      { ...unreadable, postsRead: -1 },
      { ...unreadable, elements: 'many' },
      { ...unreadable, textChars: 1.5 },
    ];
    for (const report of bad) await expect(ask('pageReadability', report as never, fromTab(7))).rejects.toThrow(/site|readability|count/);
    expect((await ask('tabResults', { tabId: 7 }, fromPopup())).unreadable).toBeUndefined();
    expect(await ask('siteStates', {}, fromPopup())).toEqual({});
  });

  it('gives site states to extension pages only', async () => {
    await expect(setup().ask('siteStates', {}, fromTab(9, 'https://x.com/home'))).rejects.toThrow(/extension pages/);
  });
});

describe('Background: "Media tools" from a badge’s panel', () => {
  it('is offered and opens only in fact-checker mode, next to the sending tab, for the post’s media', async () => {
    const { ask, env } = setup();
    const openTab = env.openTab as ReturnType<typeof vi.fn>;
    const request = { kind: 'video' as const, src: 'https://video.twimg.com/v.mp4', pageUrl: 'https://x.com/a/status/1' };
    expect(await ask('mediaToolsOffered', {}, fromTab(4))).toEqual({ offered: false });
    await expect(ask('openMediaTools', request, fromTab(4))).rejects.toThrow(/fact-checker mode/);
    expect(openTab).not.toHaveBeenCalled();

    await ask('saveSettings', { ...(await ask('settings', {}, fromPopup())), factChecker: true }, fromPopup());
    expect(await ask('mediaToolsOffered', {}, fromTab(4))).toEqual({ offered: true });
    await ask('openMediaTools', request, fromTab(4));
    expect(openTab).toHaveBeenCalledTimes(1);
    const [path, beside] = openTab.mock.calls[0]!;
    expect(beside).toBe(4);
    const q = new URLSearchParams(String(path).split('?')[1]);
    expect(String(path).startsWith('/media.html?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ kind: 'video', tab: '4', src: request.src, page: request.pageUrl });

    // A blob: or script address is not passed on; the tab still is (its keyframes come from the page).
    await ask('openMediaTools', { kind: 'image', src: 'javascript:alert(1)', pageUrl: 'https://x.com/a' }, fromTab(5));
    expect(Object.fromEntries(new URLSearchParams(String(openTab.mock.calls[1]![0]).split('?')[1]))).toEqual({
      kind: 'image',
      tab: '5',
      page: 'https://x.com/a',
    });
    // Only a tab's content script asks this (the popup has its own ways in).
    await expect(ask('openMediaTools', request, fromPopup())).rejects.toThrow(/not from a tab/);
  });
});

describe('Background: Content Credentials of the images fetched for hashing', () => {
  it('go to the popup with the post, to the page only with a badge, and a post with only them is listed', async () => {
    // A list with media fingerprints: only then are a post's images fetched and hashed.
    // A textured picture (a hash of good quality: flat or smooth ones are not indexed).
    let seed = 7;
    const texture = Float32Array.from({ length: 64 * 64 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23) % 256);
    const bundled = JSON.parse(BUNDLED_BODY) as { '@graph': Record<string, unknown>[] };
    bundled['@graph'][0]!.fingerprints = [{ kind: 'image', frames: [hashFrame(texture, 64, 64, 0)] }];
    const photo = 'https://pbs.twimg.com/media/ai.jpg';
    const credentials = [
      {
        url: photo,
        verified: {
          state: 'invalid' as const,
          signatureValid: true,
          hashesValid: false,
          signerTrusted: false,
          actions: [],
          sourceKind: 'none' as const,
          failures: [{ code: 'assertion.dataHash.mismatch' }],
        },
      },
    ];
    const credentialsFor = vi.fn(async (p: ExtractedPost) => (p.media.some((m) => m.url === photo) ? credentials : []));
    const tabCredentialsLearned = vi.fn();
    const { ask } = testBackground({
      readBundledList: async () => JSON.stringify(bundled),
      posters: { framesFor: async () => [], credentialsFor, withFrames: async (media) => [...media] },
      tabCredentialsLearned,
    });
    const withPhoto = { ...post('x:77', 'Lunch with friends today'), media: [{ kind: 'image' as const, url: photo }] };
    const badgedWithPhoto = { ...AI_POST, key: 'x:78', media: [{ kind: 'image' as const, url: photo }] };
    expect((await ask('mediaStatus', {}, fromTab(21))).fingerprints).toBeGreaterThan(0);
    const packed = await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [withPhoto, TRUE_POST, badgedWithPhoto] }, fromTab(21));
    // The page gets them only with a badge, as plain fields without the image's address.
    const [unbadged, plain, badged] = unpackPageResults(packed);
    expect(unbadged).toEqual({ key: 'x:77' });
    expect(plain!.badge).toBeUndefined();
    expect(badged!.badge?.credentials).toEqual([
      { state: 'invalid', signerTrusted: false, reason: 'changed', failureCodes: ['assertion.dataHash.mismatch'] },
    ]);
    expect(JSON.stringify(packed)).not.toContain(photo);
    const tab = await ask('tabResults', { tabId: 21 }, fromPopup());
    expect(tab.posts.find((p) => p.key === 'x:77')?.credentials).toEqual(credentials);
    expect(tab.posts.find((p) => p.key === 'x:2')?.credentials).toBeUndefined();
    // An open popup on that tab is told once: the same batch again, or one without credentials, is no news.
    expect(tabCredentialsLearned.mock.calls).toEqual([[21]]);
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [withPhoto, TRUE_POST, badgedWithPhoto] }, fromTab(21));
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [TRUE_POST] }, fromTab(21));
    expect(tabCredentialsLearned.mock.calls).toEqual([[21]]);
    // Another tab showing the same post learns it for itself.
    await ask('matchPosts', { pageUrl: 'https://x.com/home', posts: [withPhoto] }, fromTab(22));
    expect(tabCredentialsLearned.mock.calls).toEqual([[21], [22]]);
  });
});
