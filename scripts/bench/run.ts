/**
 * `npm run bench`: the matcher at 10,000 and 100,000 debunks (CLEF fact-checks scaled with perturbed copies).
 * Prints index build time, memory held by the index, per-post match latency p50/p99 over 1,000 real tweets,
 * and, in real Chromium, cold start: a fresh JS heap ready to match from what IndexedDB holds; then media:
 * frame hashing, mirror-proof lookup cost, and recall under turns, crops and padding (`--media-only`: just that).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildIndex } from '../../lib/match/bm25-index';
import { matchPost } from '../../lib/match/match';
import { hashFrame } from '../../lib/media/video';
import { findChromium } from '../support/chromium';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import type { Debunk } from '../../lib/debunk/types';
import { benchPosts, scaledDebunks } from './corpus';
import { benchDihedralCost, benchMediaRobustness } from './media-robustness';

const SIZES = [10_000, 100_000];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');

const memory = () => {
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 0)} ms`;

const BENCH_ORIGIN = 'https://bench.sanad.test';

/**
 * Runs `body` on a page of a fresh Chromium that has the browser-side bench script (cold-start.browser.ts)
 * loaded, with `files` (path → content) served under the same origin.
 */
async function onBenchPage<T>(
  files: Record<string, { type: string; body: string | Buffer }>,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'cold-start.browser.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const served: typeof files = { '/bench.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text }, ...files };
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext();
    await context.route(`${BENCH_ORIGIN}/**`, (route) => {
      const file = served[new URL(route.request().url()).pathname];
      if (file) return route.fulfill({ contentType: file.type, body: file.body });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/bench.js"></script>' });
    });
    const page = await context.newPage();
    await page.goto(`${BENCH_ORIGIN}/`);
    return await body(page);
  } finally {
    await browser.close();
  }
}

async function browserColdStart(size: number, debunks: unknown[], firstPost: string) {
  const files = {
    '/debunks.json': { type: 'application/json', body: JSON.stringify(debunks) },
    '/clip.mp4': {
      type: 'video/mp4',
      body: readFileSync(resolve(import.meta.dirname, '../../../shared/media/videos/pattern-hd-no-bar.mp4')),
    },
  };
  await onBenchPage(files, async (page) => {
    const seeded = await page.evaluate(async () => {
      const list = await (await fetch('/debunks.json')).json();
      return (
        globalThis as never as { sanadBench: { seed: (d: unknown) => Promise<{ buildMs: number; saveMs: number }> } }
      ).sanadBench.seed(list);
    });
    const runs: number[] = [];
    let first = 0;
    for (let i = 0; i < 5; i++) {
      await page.reload();
      const r = await page.evaluate(
        (text) =>
          (
            globalThis as never as { sanadBench: { coldStart: (t: string) => Promise<{ readyMs: number; firstMatchMs: number }> } }
          ).sanadBench.coldStart(text),
        firstPost,
      );
      runs.push(r.readyMs);
      first = r.firstMatchMs;
    }
    runs.sort((a, b) => a - b);
    console.log(
      `  Chromium: index build ${ms(seeded.buildMs)}, persist ${ms(seeded.saveMs)}; cold start ready ${ms(percentile(runs, 0.5))} (median of 5; worst ${ms(runs.at(-1)!)}), first match done at ${ms(first)}`,
    );
    if (size === SIZES[0]) {
      for (const method of ['videoFrame', 'canvas'] as const) {
        const capture = await page.evaluate(
          (m) =>
            (
              globalThis as never as { sanadBench: { captureCost: (src: string, m: string) => Promise<Record<string, number>> } }
            ).sanadBench.captureCost('/clip.mp4', m),
          method,
        );
        const how = method === 'videoFrame' ? 'VideoFrame luma plane (shipped)' : 'canvas fallback';
        console.log(
          `  Chromium: capture of one ${capture.width}×${capture.height} video frame, ${how}: page's thread busy median ${ms(capture.medianMs!)}, p95 ${ms(capture.p95Ms!)}, worst ${ms(capture.worstMs!)} (40 frames after 5 to warm up)`,
        );
      }
    }
  });
}

/** Frame hashing at 720p, footage lookup among 100,000 stored frame hashes, and recall on the shared media. */
function benchMedia() {
  console.log('\nMedia fingerprints');
  const width = 1280;
  const height = 720;
  const rand = (() => {
    let s = 7;
    return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  })();
  // A textured synthetic frame (smooth shapes plus noise), so no stage can shortcut a flat image.
  const luma = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) luma[y * width + x] = 128 + 60 * Math.sin(x / 37) * Math.cos(y / 23) + 30 * rand();
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    hashFrame(luma.slice(), width, height);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`  hash one 1280×720 frame (whole frame + 4 halves): median ${ms(percentile(times, 0.5))}, worst ${ms(times.at(-1)!)}`);

  benchDihedralCost(ms, percentile);
  benchMediaRobustness();
}

/** Syncing a signed 100,000-item feed in Chromium, through the background's services, while matching goes on. */
async function benchFeedSync(debunks: Debunk[], postText: string) {
  const keys = await generateFeedKeys();
  const items = debunks.map((d) => ({
    '@type': 'ClaimReview',
    identifier: d.id,
    claimReviewed: d.claim,
    ...(d.headline && { headline: d.headline }),
    reviewRating: { alternateName: 'False' },
    author: { name: d.publisher.name || 'Snopes' },
  }));
  const feed = await signFeed(
    { sanadFeed: 1, publisher: { name: 'Bench desk' }, generated: new Date().toISOString(), items, tombstones: [] },
    keys.privateKeyPkcs8,
    keys.publicKey,
  );
  const body = JSON.stringify(feed);
  const bundled = readFileSync(resolve(import.meta.dirname, '../../public/default-debunks.json'), 'utf8');
  const files = { '/feed.json': { type: 'application/json', body }, '/bundled.json': { type: 'application/json', body: bundled } };
  await onBenchPage(files, async (page) => {
    const r = await page.evaluate(
      async ([key, text]) => {
        const feedBody = await (await fetch('/feed.json')).text();
        const bundledBody = await (await fetch('/bundled.json')).text();
        return (
          globalThis as never as {
            sanadBench: { feedSync: (b: string, k: string, bl: string, t: string) => Promise<Record<string, number>> };
          }
        ).sanadBench.feedSync(feedBody, key!, bundledBody, text!);
      },
      [keys.publicKey, postText],
    );
    console.log(
      `\nFeed sync in Chromium (the background's FeedService, ListRegistry and MatcherService): ${r.items!.toLocaleString('en')} items, ${(body.length / 1e6).toFixed(1)} MB signed feed`,
    );
    console.log(
      `  sync done (checked, verified, stored, re-indexed, index persisted) in ${ms(r.totalMs!)}; the new index answered from ${ms(r.newIndexAtMs!)} (${r.indexed!.toLocaleString('en')} debunks)`,
    );
    console.log(
      `  a post matched every 20 ms meanwhile: ${r.answered! + r.unanswered!} asked, ${r.answered} answered (matching unavailable: ${r.unanswered ? `${r.unanswered} requests never answered` : 'never'}; the swap is one assignment); answer p50 ${ms(r.answerP50Ms!)}, p99 ${ms(r.answerP99Ms!)}, max ${ms(r.answerMaxMs!)}`,
    );
    console.log(
      `  longest time the thread was blocked ${ms(r.longestBlockMs!)}; ${r.longTasks} tasks over 50 ms, the longest ${String(r.longestTasks)} ms (decoding and JSON.parse of the body, the signature check: not sliceable); peak JS heap ${r.peakHeapMB!.toFixed(0)} MB`,
    );
  });
}

async function main() {
  const posts = benchPosts(1000);
  if (process.argv.includes('--feed-only')) return benchFeedSync(scaledDebunks(100_000), posts[0]!.text);
  if (process.argv.includes('--media-only')) return benchMedia();
  console.log(`Sanad matcher benchmark (node ${process.version}; ${posts.length} tweets from clef-en/dev as posts)`);
  for (const size of SIZES) {
    const debunks = scaledDebunks(size);
    const before = memory();
    const t0 = performance.now();
    const index = buildIndex(debunks);
    const buildMs = performance.now() - t0;
    const held = memory() - before;

    for (const post of posts.slice(0, 100)) matchPost(index, { key: post.id, text: post.text }); // warm-up
    const latencies = posts.map((post) => {
      const t = performance.now();
      matchPost(index, { key: post.id, text: post.text });
      return performance.now() - t;
    });
    latencies.sort((a, b) => a - b);
    console.log(`\n${size.toLocaleString('en')} debunks`);
    console.log(`  Node: index build ${ms(buildMs)}, index memory ${(held / 1e6).toFixed(1)} MB (heap + typed arrays)`);
    console.log(
      `  match per post: p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}, max ${ms(latencies.at(-1)!)}`,
    );
    if (!process.argv.includes('--no-browser')) await browserColdStart(size, debunks, posts[0]!.text);
    if (size === 100_000 && !process.argv.includes('--no-browser')) await benchFeedSync(debunks, posts[0]!.text);
  }
  benchMedia();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
