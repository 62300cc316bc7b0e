/**
 * `npm run bench`: the matcher at 10,000, 100,000 and 1,000,000 debunks (CLEF fact-checks scaled with
 * perturbed copies) and on the real CLEF lists. Per size: index build (and its longest slice without a
 * pause), an incremental update of 100 items, memory held by the index, persisted size, cold start (Node:
 * structured-clone bytes back to a ready index; Chromium up to 100,000: from IndexedDB in a fresh heap), and
 * per-post latency p50/p99 of matching beside the floor (reading the post: clean, normalise, tokenise, stem)
 * from the same run, as a ratio.
 *
 *   npm run bench -- --sizes 10k,100k    skip the 1M row (default: 10k,100k,1m)
 *   npm run bench -- --no-browser        Node figures only
 *   npm run bench -- --profile           where matching time goes at the largest size (CPU profile summary)
 *
 * Then media: frame hashing, mirror-proof lookup cost, and recall under turns, crops and padding
 * (`--media-only`: just that; `--no-media`: skip it).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { Session } from 'node:inspector/promises';
import { deserialize, serialize } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildIndexInSlices, deserialiseIndex, serialiseIndex, updateIndexInSlices, type MatchIndex } from '../../lib/match/bm25-index';
import { matchPost } from '../../lib/match/match';
import { readPost } from '../../lib/match/terms';
import { importClaimReviews } from '../../lib/debunk/claimreview';
import { hashFrame } from '../../lib/media/video';
import { findChromium } from '../support/chromium';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import type { Debunk } from '../../lib/debunk/types';
import { benchPosts, EVAL_DIR, scaledDebunks } from './corpus';
import { benchDihedralCost, benchMediaRobustness } from './media-robustness';

/** `--sizes 10k,100k,1m`. */
function sizesFromArgs(): number[] {
  const at = process.argv.indexOf('--sizes');
  const raw = at >= 0 ? process.argv[at + 1] : '10k,100k,1m';
  return (raw ?? '').split(',').map((s) => {
    const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
    if (!m) throw new Error(`--sizes: cannot read "${s}" (e.g. 10k,100k,1m)`);
    return Math.round(Number(m[1]) * ({ k: 1e3, m: 1e6 }[m[2]!.toLowerCase()] ?? 1));
  });
}
const SIZES = sizesFromArgs();
/** Chromium cold start is measured up to this size (the page would be handed the whole list as JSON). */
const BROWSER_UP_TO = 100_000;
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

async function browserColdStart(size: number, debunks: unknown[], firstPost: string): Promise<number> {
  const files = {
    '/debunks.json': { type: 'application/json', body: JSON.stringify(debunks) },
    '/clip.mp4': {
      type: 'video/mp4',
      body: readFileSync(resolve(import.meta.dirname, '../../../shared/media/videos/pattern-hd-no-bar.mp4')),
    },
  };
  return onBenchPage(files, async (page) => {
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
    return percentile(runs, 0.5);
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

/** This process's CPU time so far (all its threads, the garbage collector's included), in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Garbage-collector pauses (start and end, on performance.now()'s clock) while `job` runs. */
async function withGcPauses<T>(job: () => Promise<T> | T): Promise<{ value: T; pauses: [number, number][] }> {
  const pauses: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const value = await job();
  await new Promise((done) => setTimeout(done, 0)); // entries are delivered after the job
  observer.disconnect();
  return { value, pauses };
}
/** How much of [start, end] garbage-collector pauses took. */
const gcWithin = (pauses: readonly [number, number][], start: number, end: number) =>
  pauses.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);

/**
 * Times each step of a sliced job: the longest one is how long it would keep matching waiting. On a loaded
 * machine a step's wall time includes waiting for a core, so the most CPU time one step took (the process's:
 * concurrent GC threads count too, so it can exceed the wall time) and the GC pause inside the longest step
 * are reported beside it.
 */
async function timedSlices<T>(
  job: (pause: () => Promise<void>) => Promise<T>,
): Promise<{ value: T; totalMs: number; longestMs: number; longestCpuMs: number; longestGcMs: number }> {
  const t0 = performance.now();
  let last = t0;
  let lastCpu = cpuMs();
  const steps: [number, number][] = [];
  let longestCpu = 0;
  const { value, pauses } = await withGcPauses(() =>
    job(async () => {
      const now = performance.now();
      const cpu = cpuMs();
      steps.push([last, now]);
      longestCpu = Math.max(longestCpu, cpu - lastCpu);
      last = now;
      lastCpu = cpu;
    }),
  );
  const end = performance.now();
  steps.push([last, end]);
  longestCpu = Math.max(longestCpu, cpuMs() - lastCpu);
  const [from, to] = steps.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  return { value, totalMs: end - t0, longestMs: to - from, longestCpuMs: longestCpu, longestGcMs: gcWithin(pauses, from, to) };
}

interface Row {
  name: string;
  debunks: number;
  buildMs: number;
  buildSliceMs: number;
  /** The longest slice by CPU time, and the GC pause inside the longest slice by wall time. */
  buildSliceCpuMs: number;
  buildSliceGcMs: number;
  updateMs: number;
  updateSliceMs: number;
  updateSliceCpuMs: number;
  heapMB: number;
  /** The heap of the index read back from its persisted form: what a woken worker holds. */
  wokenHeapMB: number;
  persistedMB: number;
  coldStartMs: number;
  floor: [number, number];
  match: [number, number];
  /** p99 of the process's CPU time per match (not inflated by waiting for a core; GC threads count too). */
  matchCpuP99: number;
  chromiumColdStartMs?: number;
}

const formatRow = (r: Row) =>
  `| ${r.name} | ${r.debunks.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(2)} s (longest slice ${ms(r.buildSliceMs)}, GC ${ms(r.buildSliceGcMs)} of it; most process CPU in one slice ${ms(r.buildSliceCpuMs)}) | ` +
  `${ms(r.updateMs)} (longest slice ${ms(r.updateSliceMs)}; most CPU in one ${ms(r.updateSliceCpuMs)}) | ${r.heapMB.toFixed(0)} / ${r.wokenHeapMB.toFixed(0)} MB | ${r.persistedMB.toFixed(0)} MB | ` +
  `${ms(r.coldStartMs)}${r.chromiumColdStartMs === undefined ? '' : ` / ${ms(r.chromiumColdStartMs)}`} | ` +
  `${ms(r.floor[0])} / ${ms(r.floor[1])} | ${ms(r.match[0])} / ${ms(r.match[1])} (CPU p99 ${ms(r.matchCpuP99)}) | ${(r.match[0] / r.floor[0]).toFixed(1)}× |`;

/**
 * Reading and matching each post, timed one after the other in the same loop (same caches, same load). The
 * slowest 1 % of matches are taken apart: how many a GC pause fell in, how many spent under half their wall
 * time on the CPU (the process waited for a core), and the rest.
 */
async function timePosts(index: MatchIndex, posts: readonly { id: string; text: string }[]) {
  for (const post of posts.slice(0, 100)) matchPost(index, { key: post.id, text: post.text }); // warm-up
  const floor: number[] = [];
  const match: { start: number; wall: number; cpu: number }[] = [];
  const { pauses } = await withGcPauses(() => {
    for (let round = 0; round < 3; round++) {
      for (const post of posts) {
        let t = performance.now();
        readPost(post.text);
        floor.push(performance.now() - t);
        const cpu = cpuMs();
        t = performance.now();
        matchPost(index, { key: post.id, text: post.text });
        const wall = performance.now() - t;
        match.push({ start: t, wall, cpu: cpuMs() - cpu });
      }
    }
  });
  floor.sort((a, b) => a - b);
  const walls = match.map((m) => m.wall).sort((a, b) => a - b);
  const cpus = match.map((m) => m.cpu).sort((a, b) => a - b);
  const p99 = percentile(walls, 0.99);
  const slow = match.filter((m) => m.wall >= p99);
  const gcHit = slow.filter((m) => gcWithin(pauses, m.start, m.start + m.wall) > m.wall / 4);
  const waited = slow.filter((m) => !gcHit.includes(m) && m.cpu < m.wall / 2);
  console.log(
    `  slowest 1 % of matches (${slow.length}, ≥ ${ms(p99)}): ${gcHit.length} with a GC pause in them, ${waited.length} waiting for a core (CPU under half the wall time), ${slow.length - gcHit.length - waited.length} busy; process CPU time (all threads, GC helpers too) p50 ${ms(percentile(cpus, 0.5))}, p99 ${ms(percentile(cpus, 0.99))}`,
  );
  const pp = (l: number[]): [number, number] => [percentile(l, 0.5), percentile(l, 0.99)];
  return { floor: pp(floor), match: pp(walls), matchCpuP99: percentile(cpus, 0.99) };
}

async function measure(name: string, debunks: Debunk[], extra: Debunk[], posts: readonly { id: string; text: string }[]): Promise<Row> {
  const before = memory();
  const built = await timedSlices((pause) => buildIndexInSlices(debunks, pause));
  const index = built.value;
  const heapMB = (memory() - before) / 1e6;
  const updated = await timedSlices((pause) => updateIndexInSlices(index, { add: extra }, pause));
  const bytes = serialize(serialiseIndex(index));
  const t0 = performance.now();
  const restored = deserialiseIndex(deserialize(bytes) as ReturnType<typeof serialiseIndex>);
  matchPost(restored, { key: 'first', text: posts[0]!.text });
  const coldStartMs = performance.now() - t0;
  // Built, the index shares its id and list strings with the debunks the bench still holds; read back, it
  // owns everything it keeps, as in a woken service worker. A structured clone copies every array (as
  // IndexedDB does; v8.deserialize leaves typed arrays as views into the bytes, already counted).
  const stored = serialiseIndex(index);
  const beforeWake = memory();
  const woken = deserialiseIndex(structuredClone(stored));
  const wokenHeapMB = (memory() - beforeWake) / 1e6;
  if (woken.ids.length !== restored.ids.length) throw new Error('woken index lost documents');
  const timed = await timePosts(index, posts);
  if (updated.value.ids.length !== debunks.length + extra.length) throw new Error('update lost documents');
  return {
    name,
    debunks: debunks.length,
    buildMs: built.totalMs,
    buildSliceMs: built.longestMs,
    buildSliceCpuMs: built.longestCpuMs,
    buildSliceGcMs: built.longestGcMs,
    updateMs: updated.totalMs,
    updateSliceMs: updated.longestMs,
    updateSliceCpuMs: updated.longestCpuMs,
    heapMB,
    wokenHeapMB,
    persistedMB: bytes.length / 1e6,
    coldStartMs,
    ...timed,
  };
}

/** A CPU profile of matching every post a few times: self time by function, the top entries. */
async function profileMatching(index: MatchIndex, posts: readonly { id: string; text: string }[]) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  for (let round = 0; round < 5; round++) for (const post of posts) matchPost(index, { key: post.id, text: post.text });
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, count] of counts) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + count);
    total += count;
  }
  console.log(`\nWhere matching time goes (${index.ids.length.toLocaleString('en')} debunks; CPU profile, self time, ${total} samples):`);
  for (const [where, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${((100 * count) / total).toFixed(1).padStart(5)} %  ${where}`);
  }
  // By stage: a sample counts towards each stage on its stack (inclusive time; stages nest, e.g. rankText
  // holds topByText and the re-ranking).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stages: [string, string][] = [
    ['readPost', 'reading the post (clean, normalise, tokenise, stem)'],
    ['rankText', 'text candidates (BM25 and re-ranking)'],
    ['topByText', '  BM25: postings walk, scores, best-k selection'],
    ['gramSimilarities', '  character n-gram re-ranking'],
    ['textEvidence', 'decision features of the best candidate'],
    ['withStance', 'stance step (the post read again, its cues)'],
  ];
  const within = new Map<string, number>();
  for (const [id, count] of counts) {
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at)!.callFrame.functionName);
    if (names.has('(idle)') || names.has('(program)')) continue;
    for (const [name] of stages) if (names.has(name)) within.set(name, (within.get(name) ?? 0) + count);
  }
  console.log('By stage (inclusive):');
  for (const [name, what] of stages)
    console.log(`  ${((100 * (within.get(name) ?? 0)) / total).toFixed(1).padStart(5)} %  ${what} (${name.trim()})`);
}

async function main() {
  const posts = benchPosts(1000);
  if (process.argv.includes('--feed-only')) return benchFeedSync(scaledDebunks(100_000), posts[0]!.text);
  if (process.argv.includes('--media-only')) return benchMedia();
  const browser = !process.argv.includes('--no-browser');
  console.log(
    `Sanad matcher benchmark (node ${process.version}; ${posts.length} tweets from clef-en/dev as posts, each read and matched 3 times)`,
  );
  const rows: Row[] = [];
  const header =
    '| list | debunks | index build | update of 100 items | index heap (built / woken) | persisted | cold start (Node / Chromium) | floor p50 / p99 | match p50 / p99 | match / floor (p50) |\n|---|---|---|---|---|---|---|---|---|---|';
  let largest: MatchIndex | null = null;
  for (const [name, file, postFile] of [
    ['clef-en (real)', 'clef-en/debunks.jsonl', 'clef-en/dev/posts.jsonl'],
    ['clef-ar (real)', 'clef-ar/debunks.jsonl', 'clef-ar/dev/posts.jsonl'],
  ] as const) {
    const all = importClaimReviews(readFileSync(resolve(EVAL_DIR, file), 'utf8'), name).debunks;
    const listPosts = benchPosts(1000, postFile);
    rows.push(await measure(name, all.slice(0, -100), all.slice(-100), listPosts));
    console.log(formatRow(rows.at(-1)!));
  }
  for (const size of SIZES) {
    const all = scaledDebunks(size + 100);
    const debunks = all.slice(0, size);
    const row = await measure('CLEF en, scaled', debunks, all.slice(size), posts);
    if (browser && size <= BROWSER_UP_TO) row.chromiumColdStartMs = await browserColdStart(size, debunks, posts[0]!.text);
    rows.push(row);
    console.log(formatRow(row));
    if (size === Math.max(...SIZES) && process.argv.includes('--profile')) largest = await buildIndexInSlices(debunks, async () => {});
    if (size === 100_000 && browser) await benchFeedSync(debunks, posts[0]!.text);
  }
  console.log(`\n${header}\n${rows.map(formatRow).join('\n')}`);
  console.log(
    'Update: 100 new debunks added to the index above (tokenised; every posting re-weighed). Cold start (Node): the persisted bytes (v8 structured clone, as IndexedDB stores them) back to a ready index plus its first match.',
  );
  if (largest) await profileMatching(largest, posts);
  if (!process.argv.includes('--no-media')) benchMedia();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
