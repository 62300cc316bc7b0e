/**
 * `npm run bench:page`: what Sanad costs the page's main thread, measured in real Chromium through the
 * DevTools protocol's trace, on a 1,000-post x.com timeline and a 300-item YouTube grid that grow as the reader
 * scrolls. Prints the extension's main-thread time per post, its longest task, the page's total main-thread
 * time with and without the extension, and the gzip size of each content script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, findChromium, launchWithSanad } from '../support/chromium';
import { serveSavedPages } from '../support/saved-pages';
import { xTimeline, youtubeGrid } from './feed-pages';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string }; fileName?: string };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose stack runs through extension code (its own JS and what it calls). */
function extensionTime(profile: CpuProfile): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isExtension = new Map<number, boolean>();
  const check = (id: number): boolean => {
    const known = isExtension.get(id);
    if (known !== undefined) return known;
    const own = byId.get(id)!.callFrame.url.startsWith('chrome-extension://');
    const up = parent.get(id);
    const result = own || (up !== undefined && check(up));
    isExtension.set(id, result);
    return result;
  };
  let micros = 0;
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!check(id)) return;
    micros += profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id)!.callFrame as { url: string; functionName?: string; lineNumber?: number };
    const name = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  if (process.env.BENCH_DEBUG)
    console.log(
      '  extension self time:',
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([n, t]) => `${n} ${(t / 1000).toFixed(1)}`)
        .join(' | '),
    );
  return micros / 1000;
}

interface Figures {
  extensionJsMs: number;
  posts: number;
  badges: number;
  extensionMs: number;
  longestExtensionSliceMs: number;
  longestExtensionSliceKind: string;
  longestTaskWithExtensionMs: number;
  tasksOver50WithExtension: number;
  tasksOver50CausedByExtension: number;
  pageTotalMs: number;
}

const CASES = [
  {
    name: 'x.com timeline, 1,000 posts',
    url: 'https://x.com/bench',
    html: () => xTimeline(1_000),
    posts: 'article[data-testid="tweet"]',
    count: 1_000,
  },
  {
    name: 'x.com timeline, 1,000 posts, none debunked',
    url: 'https://x.com/bench',
    html: () => xTimeline(1_000, true),
    posts: 'article[data-testid="tweet"]',
    count: 1_000,
  },
  {
    name: 'YouTube home grid, 300 items',
    url: 'https://www.youtube.com/bench',
    html: () => youtubeGrid(300),
    posts: 'ytd-rich-item-renderer',
    count: 300,
  },
];

async function traced(
  context: BrowserContext,
  url: string,
  html: string,
  postSelector: string,
  count: number,
  extension: boolean,
): Promise<Figures> {
  await serveSavedPages(context, { pages: { [url]: html } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  // The sampling profiler attributes all JS time to scripts, promise continuations and observers included.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute',
    transferMode: 'ReportEvents',
  });

  await page.goto(url);
  await scrollToEnd(page, postSelector, count);
  const badges = extension ? await settled(page) : 0;
  await cdp.send('Tracing.end');
  await complete;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await page.close();
  return { ...summarise(events, new URL(url).origin), extensionJsMs: extensionTime(profile), posts: count, badges };
}

/** Scrolls like a reader (a screen every 50 ms) until the feed has all its posts and the end is reached. */
async function scrollToEnd(page: Page, postSelector: string, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const loaded = await page.evaluate((sel) => {
      window.scrollBy(0, window.innerHeight);
      return document.querySelectorAll(sel).length;
    }, postSelector);
    if (loaded >= count && (await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2))) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the feed did not reach ${count} posts`);
}

async function settled(page: Page): Promise<number> {
  let last = -1;
  for (let stable = 0; stable < 8;) {
    await page.waitForTimeout(100);
    const n = await page.locator('[data-sanad-badge]').count();
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
  return last;
}

/** The page's main thread: the renderer thread that ran the page's own script. */
function summarise(events: TraceEvent[], origin: string) {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
  const byThread = new Map<string, number>();
  for (const e of events)
    if (mainThreads.has(`${e.pid}:${e.tid}`) && urlOf(e).startsWith(origin))
      byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no page main thread in the trace');
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);

  // Top-level slices of extension code (nested calls are inside them).
  const extension: TraceEvent[] = [];
  let end = -1;
  for (const e of onMain) {
    if (e.ts < end || !urlOf(e).startsWith('chrome-extension://')) continue;
    extension.push(e);
    end = e.ts + e.dur!;
  }
  if (process.env.BENCH_DEBUG) {
    const top = [...extension].sort((a, b) => b.dur! - a.dur!).slice(0, 8);
    console.log('  longest extension slices:', top.map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}ms`).join(', '));
    const byName = new Map<string, number>();
    for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur!);
    console.log(
      '  main thread by event:',
      [...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`)
        .join(', '),
    );
  }
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const topTasks: TraceEvent[] = [];
  end = -1;
  for (const t of tasks) {
    if (t.ts < end) continue;
    topTasks.push(t);
    end = t.ts + t.dur!;
  }
  let longestSlice = 0;
  let longestSliceKind = '';
  let longestTask = 0;
  let over50 = 0;
  let causedOver50 = 0;
  let i = 0;
  for (const task of topTasks) {
    let inTask = 0;
    while (i < extension.length && extension[i]!.ts < task.ts) i++;
    for (let j = i; j < extension.length && extension[j]!.ts < task.ts + task.dur!; j++) inTask += extension[j]!.dur!;
    if (inTask > 0) {
      if (inTask > longestSlice) {
        longestSlice = inTask;
        longestSliceKind = extension.slice(i).find((e) => e.ts >= task.ts && e.ts < task.ts + task.dur!)?.name ?? '';
      }
      longestTask = Math.max(longestTask, task.dur!);
      if (task.dur! > 50_000) over50++;
      // Caused by the extension: the task would have stayed under 50 ms without the extension's work.
      if (task.dur! > 50_000 && task.dur! - inTask <= 50_000) causedOver50++;
    }
  }
  return {
    extensionMs: extension.reduce((sum, e) => sum + e.dur!, 0) / 1000,
    longestExtensionSliceMs: longestSlice / 1000,
    longestExtensionSliceKind: longestSliceKind === 'EvaluateScript' ? 'loading the content script' : 'scanning and badging',
    longestTaskWithExtensionMs: longestTask / 1000,
    tasksOver50WithExtension: over50,
    tasksOver50CausedByExtension: causedOver50,
    pageTotalMs: topTasks.reduce((sum, t) => sum + t.dur!, 0) / 1000,
  };
}

async function withoutExtension<T>(body: (context: BrowserContext) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    return await body(await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true }));
  } finally {
    await browser.close();
  }
}

const f = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

console.log("Sanad on long feeds (real Chromium, headless, DevTools trace of the page's main thread)\n");
// BENCH_ONLY=youtube (a word of the case's name) runs one case.
for (const c of CASES.filter((k) => !process.env.BENCH_ONLY || k.name.toLowerCase().includes(process.env.BENCH_ONLY.toLowerCase()))) {
  const html = c.html();
  const sanad = await launchWithSanad();
  let withSanad: Figures;
  try {
    withSanad = await traced(sanad.context, c.url, html, c.posts, c.count, true);
  } finally {
    await sanad.close();
  }
  const plain = await withoutExtension((context) => traced(context, c.url, html, c.posts, c.count, false));
  console.log(`${c.name} (${withSanad.badges} badged)`);
  const perPost = Math.max(withSanad.extensionMs, withSanad.extensionJsMs) / c.count;
  console.log(
    `  extension main-thread time   ${f(withSanad.extensionJsMs)} (CPU profile) / ${f(withSanad.extensionMs)} (trace slices), ${perPost.toFixed(3)} ms per post (target ≤ 0.5)`,
  );
  console.log(
    `  extension's longest task     ${f(withSanad.longestExtensionSliceMs)} of its own work (${withSanad.longestExtensionSliceKind}); the longest task it ran in took ${f(withSanad.longestTaskWithExtensionMs)}`,
  );
  console.log(
    `  tasks over 50 ms caused by the extension: ${withSanad.tasksOver50CausedByExtension} (target 0); over 50 ms with any extension work in them: ${withSanad.tasksOver50WithExtension}`,
  );
  console.log(`  page main-thread total       ${f(withSanad.pageTotalMs)} with Sanad, ${f(plain.pageTotalMs)} without\n`);
}

console.log('Content scripts (gzip):');
const dir = resolve(EXTENSION_DIR, 'content-scripts');
for (const file of readdirSync(dir)
  .filter((n) => n.endsWith('.js'))
  .sort()) {
  const body = readFileSync(resolve(dir, file));
  console.log(`  ${file.padEnd(14)} ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB (target ≤ 40 KB)`);
}
