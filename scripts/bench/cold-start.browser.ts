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

/** Main-thread cost of capturing one frame of a playing 720p video, as the content script does. */
async function captureCost(src: string): Promise<{ medianMs: number; worstMs: number; width: number; height: number }> {
  const { lumaBase64 } = await import('../../lib/page/video-sampler');
  const video = document.createElement('video');
  Object.assign(video, { src, muted: true, loop: true, playsInline: true, crossOrigin: 'anonymous' });
  document.body.append(video);
  await video.play();
  await new Promise((r) => setTimeout(r, 500));
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, 256 / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    lumaBase64(context.getImageData(0, 0, canvas.width, canvas.height).data);
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[15]!, worstMs: times[29]!, width: video.videoWidth, height: video.videoHeight };
}

Object.assign((globalThis as unknown as { sanadBench: object }).sanadBench, { captureCost });
