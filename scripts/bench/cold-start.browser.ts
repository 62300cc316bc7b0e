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

/**
 * Main-thread cost of capturing one frame of a playing 720p video, as the content script does: a ticker on a
 * MessageChannel records the longest time the page's thread was busy around each capture.
 */
async function captureCost(src: string, method: 'videoFrame' | 'canvas'): Promise<{ medianMs: number; p95Ms: number; worstMs: number; width: number; height: number }> {
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
 * Syncing a large signed feed as the background does (parse, verify, store, index in slices, swap) while
 * posts keep being matched every 5 ms against the previous index: how long matching had to wait.
 */
async function feedSync(body: string, publicKey: string, postText: string) {
  const { parseSanadFeed } = await import('../../lib/feeds/sanad-feed');
  const { verifyFeed } = await import('../../lib/feeds/signature');
  const { buildIndexInSlices } = await import('../../lib/match/index');
  const db = await openSanadDb();
  let current = buildIndex([]);
  let lastTick = performance.now();
  let maxGap = 0;
  let peakHeap = 0;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - lastTick);
    lastTick = now;
    matchPost(current, { key: 'tick', text: postText });
    if (memory) peakHeap = Math.max(peakHeap, memory.usedJSHeapSize);
  }, 5);
  const t0 = performance.now();
  const parsed = parseSanadFeed(body, 'feed:bench');
  if (!parsed.ok) throw new Error(parsed.reason);
  const t1 = performance.now();
  const signature = await verifyFeed(JSON.parse(body) as Record<string, unknown>, publicKey);
  if (!signature.ok) throw new Error(signature.reason);
  const t2 = performance.now();
  await replaceList(db, { id: 'feed:bench', version: 'bench', skipped: 0, importedAt: Date.now() }, parsed.debunks);
  const t3 = performance.now();
  const next = await buildIndexInSlices(parsed.debunks);
  const t4 = performance.now();
  current = next; // the swap
  const swapMs = performance.now() - t4;
  await new Promise((r) => setTimeout(r, 50));
  clearInterval(ticker);
  db.close();
  return { items: parsed.debunks.length, parseMs: t1 - t0, verifyMs: t2 - t1, storeMs: t3 - t2, indexMs: t4 - t3, totalMs: t4 - t0, swapMs, maxGapMs: maxGap, peakHeapMB: peakHeap / 1e6 };
}

Object.assign((globalThis as unknown as { sanadBench: object }).sanadBench, { feedSync });

