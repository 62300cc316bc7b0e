/**
 * `npm run bench:page`: what Sanad costs the page's main thread, measured in real Chromium through the
 * DevTools protocol's trace, on a 1,000-post x.com timeline and a 300-item YouTube grid that grow as the reader
 * scrolls. Prints the extension's main-thread time per post, its longest task, the page's total main-thread
 * time with and without the extension, and the gzip size of each content script.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, findChromium, launchWithSanad, type SanadBrowser } from '../support/chromium';
import { serveSavedPages } from '../support/saved-pages';
import { xTimeline, youtubeGrid } from './feed-pages';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the task cost the thread, not counting time the OS gave other processes. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; scriptName?: string };
    fileName?: string;
    /** Layout events: how many layout objects needed layout, of how many. */
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Milliseconds of samples whose stack runs through extension code (its own JS and what it calls), and of the
 * page's own script and garbage collection.
 */
function scriptTime(profile: CpuProfile): { extension: number; page: number; gc: number } {
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
  let pageMicros = 0;
  let gcMicros = 0;
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!check(id)) {
      const name = (byId.get(id)!.callFrame as { functionName?: string }).functionName ?? '';
      if (name === '(garbage collector)') gcMicros += profile.timeDeltas[i + 1] ?? 0;
      else if (name !== '(idle)' && name !== '(program)' && name !== '(root)') {
        pageMicros += profile.timeDeltas[i + 1] ?? 0;
        const frame = byId.get(id)!.callFrame as { url: string; lineNumber?: number };
        const key = `page:${name || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      }
      return;
    }
    micros += profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id)!.callFrame as { url: string; functionName?: string; lineNumber?: number };
    const name = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  if (process.env.BENCH_DEBUG)
    console.log(
      '  self time (page: = not extension):',
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([n, t]) => `${n} ${(t / 1000).toFixed(1)}`)
        .join(' | '),
    );
  return { extension: micros / 1000, page: pageMicros / 1000, gc: gcMicros / 1000 };
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
  /** The same tasks' thread time: on a shared machine the wall-clock total also counts waits for a core. */
  pageCpuMs: number;
  /** Main-thread milliseconds by kind of work (style, layout, paint, script…), each counted once where nested. */
  phases: Record<string, number>;
  /** Layout objects the page laid out over the run (a count, so a busy machine does not change it). */
  laidOut: number;
  layouts: number;
}

/** The trace events that say where rendering time goes; script time comes from the CPU profile. */
const PHASES: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  HitTest: 'hit test',
  ParseHTML: 'parse HTML',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
};

const CASES = [
  {
    name: 'x.com timeline, 1,000 posts, debunked ones among them',
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

async function traced(context: BrowserContext, url: string, html: string, postSelector: string, count: number): Promise<Figures> {
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
  // Both runs measure a tab the reader is looking at: a hidden one skips rendering work.
  await page.bringToFront();
  if ((await page.evaluate(() => document.visibilityState)) !== 'visible') throw new Error('the feed tab is not visible');
  await scrollToEnd(page, postSelector, count);
  // Both runs wait alike (the same cheap probe in the page), so the probe costs both the same.
  const badges = await settled(page);
  await cdp.send('Tracing.end');
  await complete;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await page.close();
  const script = scriptTime(profile);
  const figures = summarise(events, new URL(url).origin);
  figures.phases['page script'] = script.page;
  figures.phases['extension script'] = script.extension;
  figures.phases['garbage collection'] = script.gc;
  return { ...figures, extensionJsMs: script.extension, posts: count, badges };
}

/** Scrolls like a reader (a screen every 50 ms) until the feed has all its posts and the end is reached. */
async function scrollToEnd(page: Page, postSelector: string, count: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  let loaded = 0;
  while (Date.now() < deadline) {
    loaded = await page.evaluate((sel) => {
      window.scrollBy(0, window.innerHeight);
      return document.querySelectorAll(sel).length;
    }, postSelector);
    if (loaded >= count && (await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2))) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the feed did not reach ${count} posts (${loaded} loaded)`);
}

async function settled(page: Page): Promise<number> {
  let last = -1;
  for (let stable = 0; stable < 8;) {
    await page.waitForTimeout(100);
    const n = await page.evaluate(() => document.querySelectorAll('[data-sanad-badge]').length);
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
    console.log(
      `  ${extension.length} slices of extension code; longest:`,
      top.map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}ms`).join(', '),
    );
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
  const phases: Record<string, number> = {};
  const phaseEnd = new Map<string, number>();
  for (const e of onMain) {
    const phase = PHASES[e.name];
    if (!phase || e.ts < (phaseEnd.get(phase) ?? -1)) continue;
    phaseEnd.set(phase, e.ts + e.dur!);
    phases[phase] = (phases[phase] ?? 0) + e.dur! / 1000;
  }
  const layoutEvents = onMain.filter((e) => e.name === 'Layout');
  return {
    phases,
    laidOut: layoutEvents.reduce((sum, e) => sum + (e.args?.beginData?.dirtyObjects ?? 0), 0),
    layouts: layoutEvents.length,
    extensionMs: extension.reduce((sum, e) => sum + e.dur!, 0) / 1000,
    longestExtensionSliceMs: longestSlice / 1000,
    longestExtensionSliceKind: longestSliceKind === 'EvaluateScript' ? 'loading the content script' : 'scanning and badging',
    longestTaskWithExtensionMs: longestTask / 1000,
    tasksOver50WithExtension: over50,
    tasksOver50CausedByExtension: causedOver50,
    pageTotalMs: topTasks.reduce((sum, t) => sum + t.dur!, 0) / 1000,
    pageCpuMs: topTasks.reduce((sum, t) => sum + (t.tdur ?? t.dur!), 0) / 1000,
  };
}

/** The same browser as `launchWithSanad` (persistent profile, same flags) with no extension loaded. */
async function withoutExtension<T>(body: (context: BrowserContext) => Promise<T>): Promise<T> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sanad-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    ignoreHTTPSErrors: true,
  });
  try {
    return await body(context);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The tab Sanad opens on install (the welcome page) would take the foreground: the feed's tab would then run
 * hidden, with its animation frames and intersection observers paused, and its infinite scroll stalled (the
 * scroll loop then ran three times as long, which earlier rounds measured as Sanad's cost). Closed first.
 */
async function closeWelcomeTab(sanad: SanadBrowser): Promise<void> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  const welcome =
    sanad.context.pages().find(isWelcome) ??
    (await sanad.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }).catch(() => null));
  await welcome?.close();
}

async function withSanad(c: (typeof CASES)[number], html: string, extensionDir = process.env.BENCH_EXTENSION): Promise<Figures> {
  const sanad = await launchWithSanad(extensionDir ? { extensionDir: resolve(extensionDir) } : {});
  try {
    await closeWelcomeTab(sanad);
    return await traced(sanad.context, c.url, html, c.posts, c.count);
  } finally {
    await sanad.close();
  }
}

const f = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The page's total with Sanad over its total without. The machine is shared, so each round runs both, one
 * after the other, and the ratio is the median of the rounds' ratios: a busy spell slows both halves of a round.
 */
const TARGET_RATIO: Record<string, number> = { badged: 1.1, none: 1.05 };
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

console.log("Sanad on long feeds (real Chromium, headless, DevTools trace of the page's main thread)");
console.log(
  `Each case runs ${ROUNDS} round(s) of: with Sanad, then without${process.env.BENCH_AGAINST ? ` (= Sanad built in ${process.env.BENCH_AGAINST})` : ''} (BENCH_ROUNDS=N to change)\n`,
);
// BENCH_ONLY=youtube (a word of the case's name) runs one case.
for (const c of CASES.filter((k) => !process.env.BENCH_ONLY || k.name.toLowerCase().includes(process.env.BENCH_ONLY.toLowerCase()))) {
  const html = c.html();
  const rounds: { sanad: Figures; plain: Figures; load: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // The 1-minute load average as the round starts: on a shared machine it says how far to trust the round.
    const load = loadavg()[0]!;
    const sanad = await withSanad(c, html);
    // BENCH_AGAINST=<built extension dir>: "without" is that build of Sanad, to weigh one change against another.
    const against = process.env.BENCH_AGAINST;
    const plain = against
      ? await withSanad(c, html, against)
      : await withoutExtension((context) => traced(context, c.url, html, c.posts, c.count));
    rounds.push({ sanad, plain, load });
  }
  const ratios = rounds.map((r) => r.sanad.pageTotalMs / r.plain.pageTotalMs);
  const ratio = median(ratios);
  const typical = rounds[ratios.indexOf([...ratios].sort((a, b) => a - b)[(ratios.length - 1) >> 1]!)]!;
  const badges = typical.sanad.badges;
  const target = badges > 0 ? TARGET_RATIO.badged! : TARGET_RATIO.none!;
  console.log(`${c.name} (${badges} badged)`);
  const s = typical.sanad;
  const perPost = Math.max(s.extensionMs, s.extensionJsMs) / c.count;
  console.log(
    `  extension main-thread time   ${f(s.extensionJsMs)} (CPU profile) / ${f(s.extensionMs)} (trace slices), ${perPost.toFixed(3)} ms per post (target ≤ 0.5)`,
  );
  console.log(
    `  extension's longest task     ${f(s.longestExtensionSliceMs)} of its own work (${s.longestExtensionSliceKind}); the longest task it ran in took ${f(s.longestTaskWithExtensionMs)}`,
  );
  console.log(
    `  tasks over 50 ms caused by the extension: ${s.tasksOver50CausedByExtension} (target 0); over 50 ms with any extension work in them: ${s.tasksOver50WithExtension}`,
  );
  const cpuRatios = rounds.map((r) => r.sanad.pageCpuMs / r.plain.pageCpuMs);
  const cpuRatio = median(cpuRatios);
  for (const [i, r] of rounds.entries())
    console.log(
      `  round ${i + 1}: page main-thread total ${f(r.sanad.pageTotalMs)} with Sanad, ${f(r.plain.pageTotalMs)} without: ${ratios[i]!.toFixed(3)}; thread time ${f(r.sanad.pageCpuMs)} / ${f(r.plain.pageCpuMs)}: ${cpuRatios[i]!.toFixed(3)} (load ${r.load.toFixed(1)})`,
    );
  const verdict = (x: number) => (x <= target ? 'met' : `missed by ${(x - target).toFixed(3)}`);
  console.log(
    `  page main-thread ratio       ${ratio.toFixed(3)} with/without (wall clock), ${cpuRatio.toFixed(3)} (thread time), median of ${ROUNDS}; target ≤ ${target.toFixed(2)}: ${verdict(ratio)} / ${verdict(cpuRatio)}`,
  );
  // Where the difference goes, in the median round: each kind of work with Sanad minus without.
  const kinds = [...new Set([...Object.keys(typical.sanad.phases), ...Object.keys(typical.plain.phases)])];
  const delta = kinds
    .map((k) => [k, (typical.sanad.phases[k] ?? 0) - (typical.plain.phases[k] ?? 0)] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.log(`  with − without, by work      ${delta.map(([k, d]) => `${k} ${d >= 0 ? '+' : ''}${d.toFixed(0)}`).join(', ')} ms`);
  // Counts, not times: what the machine's load does not change.
  const objects = (k: 'sanad' | 'plain') => median(rounds.map((r) => r[k].laidOut));
  const layouts = (k: 'sanad' | 'plain') => median(rounds.map((r) => r[k].layouts));
  console.log(
    `  layout objects laid out      ${objects('sanad')} with, ${objects('plain')} without (median of rounds), in ${layouts('sanad')} / ${layouts('plain')} layouts\n`,
  );
}

console.log('Content scripts (gzip):');
const dir = resolve(EXTENSION_DIR, 'content-scripts');
for (const file of readdirSync(dir)
  .filter((n) => n.endsWith('.js'))
  .sort()) {
  const body = readFileSync(resolve(dir, file));
  console.log(`  ${file.padEnd(14)} ${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB (target ≤ 40 KB)`);
}
