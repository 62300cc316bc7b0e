/**
 * Runs inside a Chromium page for `npm run bench`: stores a list and its index the way the background does,
 * and, after a reload (a fresh JS heap, as when the service worker wakes), measures how long it takes to be
 * ready to match from what IndexedDB holds.
 */
import { indexKey } from '../../lib/background/list-registry';
import type { Debunk } from '../../lib/debunk/types';
import { buildIndex, deserialiseIndex, serialiseIndex } from '../../lib/match/bm25-index';
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
  await saveIndex(db, indexKey(await listRecords(db)), serialiseIndex(index));
  const saveMs = performance.now() - t1;
  db.close();
  return { buildMs, saveMs };
}

async function coldStart(postText: string) {
  const t0 = performance.now();
  const db = await openSanadDb();
  const data = await savedIndex(db, indexKey(await listRecords(db)));
  if (!data) throw new Error('no saved index');
  const index = deserialiseIndex(data);
  const readyMs = performance.now() - t0;
  matchPost(index, { key: 'first', text: postText });
  const firstMatchMs = performance.now() - t0;
  db.close();
  return { readyMs, firstMatchMs, debunks: index.ids.length };
}

Object.assign(globalThis, { sanadBench: { seed, coldStart } });

/**
 * Main-thread cost of capturing one frame of a playing 720p video, as the content script does: a ticker on a
 * MessageChannel records the longest time the page's thread was busy around each capture.
 */
async function captureCost(
  src: string,
  method: 'videoFrame' | 'canvas',
): Promise<{ medianMs: number; p95Ms: number; worstMs: number; width: number; height: number }> {
  const { captureFrame, newScratch } = await import('../../lib/page/video-sampler');
  const video = document.createElement('video');
  Object.assign(video, { src, muted: true, loop: true, playsInline: true, crossOrigin: 'anonymous' });
  document.body.append(video);
  await video.play();
  await new Promise((r) => setTimeout(r, 500));
  const scratch = newScratch();
  const ownVideoFrame = globalThis.VideoFrame;
  if (method === 'canvas') (globalThis as { VideoFrame?: unknown }).VideoFrame = undefined;
  const times: number[] = [];
  try {
    // Five frames first, as the sampler's first seconds on a page: the code is compiled and the buffer sized.
    for (let i = 0; i < 5; i++) await captureFrame(video, scratch);
    for (let i = 0; i < 40; i++) {
      let last = performance.now();
      let longest = 0;
      let ticking = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (ticking) channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
      await new Promise((r) => setTimeout(r, 10));
      longest = 0;
      await captureFrame(video, scratch);
      await new Promise((r) => setTimeout(r, 10));
      ticking = false;
      times.push(longest);
    }
  } finally {
    globalThis.VideoFrame = ownVideoFrame;
    video.remove();
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[20]!, p95Ms: times[38]!, worstMs: times[39]!, width: video.videoWidth, height: video.videoHeight };
}

Object.assign((globalThis as unknown as { sanadBench: object }).sanadBench, { captureCost });

/**
 * Syncing a large signed feed through the background's own services (FeedService → syncFeed → list
 * registry → store and index rebuild), while a post is matched every 20 ms as a page would ask: how long each answer
 * took, how long the thread was ever blocked, and when the new index started answering.
 */
async function feedSync(body: string, publicKey: string, bundled: string, postText: string) {
  const { FeedService, STALE_AFTER_MS } = await import('../../lib/background/feed-service');
  const { MatcherService } = await import('../../lib/background/matcher-service');
  const { ListRegistry } = await import('../../lib/background/list-registry');
  let dbPromise: ReturnType<typeof openSanadDb> | null = null;
  const openDb = () => (dbPromise ??= openSanadDb());
  const lists = new ListRegistry({ openDb, readBundledList: async () => bundled });
  const matcher = new MatcherService({
    openDb,
    index: () => lists.current(),
    posters: { framesFor: async () => [], credentialsFor: async () => [] },
  });
  const before = await matcher.ready();
  // The body as bytes, as the network gives it: the sync decodes it.
  const bytes = new TextEncoder().encode(body);
  const feeds = new FeedService({
    openDb,
    lists,
    fetch: async () => new Response(bytes, { headers: { 'content-type': 'application/json' } }),
    staleAfterMs: async () => STALE_AFTER_MS,
  });
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  let peakHeap = 0;
  let longestBlock = 0;
  let lastTick = performance.now();
  const blockTicker = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - lastTick - 5);
    lastTick = now;
    if (memory) peakHeap = Math.max(peakHeap, memory.usedJSHeapSize);
  }, 5);
  const answers: number[] = [];
  let unanswered = 0;
  let newIndexAt = 0;
  const t0 = performance.now();
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= t0) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const matchTicker = setInterval(() => {
    const asked = performance.now();
    unanswered++;
    void matcher.match([{ key: 'bench', text: postText, links: [], media: [] }]).then(async () => {
      unanswered--;
      answers.push(performance.now() - asked);
      if (!newIndexAt && (await matcher.ready()) !== before) newIndexAt = performance.now() - t0;
    });
  }, 20);
  const { outcome } = await feeds.add({ url: 'https://bench.sanad.test/feed.json', kind: 'sanad', publicKey });
  const totalMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  clearInterval(matchTicker);
  clearInterval(blockTicker);
  observer.disconnect();
  if (outcome.status !== 'updated') throw new Error(JSON.stringify(outcome));
  answers.sort((a, b) => a - b);
  const after = await matcher.ready();
  return {
    items: outcome.count,
    totalMs,
    newIndexAtMs: newIndexAt,
    indexed: after.ids.length,
    answered: answers.length,
    unanswered,
    answerP50Ms: answers[Math.floor(answers.length / 2)]!,
    answerP99Ms: answers[Math.floor(answers.length * 0.99)]!,
    answerMaxMs: answers.at(-1)!,
    longestBlockMs: longestBlock,
    peakHeapMB: peakHeap / 1e6,
    longTasks: longTasks.length,
    longestTasks: longTasks
      .sort((a, b) => b - a)
      .slice(0, 3)
      .map((d) => d.toFixed(0))
      .join(', ') as unknown as number,
  };
}

Object.assign((globalThis as unknown as { sanadBench: object }).sanadBench, { feedSync });
