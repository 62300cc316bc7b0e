/**
 * `npm run bench:intake`: a bounded load test of the intake service on loopback. 20 concurrent clients send
 * 5,000 submissions; one attempt in ten is cut off mid-flight (the client cannot know whether it arrived) and
 * retried with the same idempotency key, and one delivered submission in twenty is sent again. Prints the
 * throughput and latency, and checks that every submission is stored exactly once. Then the database is
 * filled to 50,000 submissions (a tenth of them decided) and the desk console's pages and the feed are timed
 * as a reviewer and a subscriber fetch them; a console page slower than 200 ms (median or slowest), while the backlog is grouped or after, fails the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { searchText } from '../../server/store';
import { addReviewer, reviewerSession, startIntake } from '../support/intake';

const CLIENTS = Number(process.env.CLIENTS ?? 20);
const TOTAL = Number(process.env.SUBMISSIONS ?? 5_000);
const CUT_OFF = 0.1;
const RESEND = 0.05;

const dir = mkdtempSync(join(tmpdir(), 'sanad-load-'));
const intake = await startIntake(join(dir, 'intake.sqlite'), 0, { perMinute: 60_000, burst: 10_000 });

const body = (key: string, n: number) =>
  JSON.stringify({
    idempotencyKey: key,
    kind: n % 3 ? 'claim' : 'flag',
    category: ['ai-generated', 'old-footage', 'false-claim', 'other'][n % 4],
    note: `load test submission ${n}`,
    post: {
      pageUrl: 'https://x.com/home',
      permalink: `https://x.com/someone/status/${1_000_000 + n}`,
      text: `فيديو متداول رقم ${n} يظهر مشهدًا من حلب`,
      links: [],
      media: [{ kind: 'video', url: `https://x.com/someone/status/${1_000_000 + n}` }],
    },
  });

const latencies: number[] = [];
let attempts = 0;
let cutOff = 0;
let resent = 0;

async function send(key: string, n: number, client: string): Promise<void> {
  for (;;) {
    attempts++;
    const faulty = Math.random() < CUT_OFF;
    const started = performance.now();
    try {
      const response = await fetch(`${intake.url}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sanad-client': client },
        body: body(key, n),
        ...(faulty && { signal: AbortSignal.timeout(Math.floor(Math.random() * 4)) }),
      });
      await response.arrayBuffer();
      if (response.status === 201 || response.status === 200) {
        latencies.push(performance.now() - started);
        return;
      }
      if (response.status !== 429 && response.status < 500) throw new Error(`refused: HTTP ${response.status}`);
    } catch (error) {
      if ((error as Error).message.startsWith('refused')) throw error;
      cutOff++; // a lost answer: send again with the same key
    }
  }
}

const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, c) => {
    const client = `load-client-${c}`;
    while (next < TOTAL) {
      const n = next++;
      const key = `load-${n.toString().padStart(6, '0')}-key`;
      await send(key, n, client);
      if (Math.random() < RESEND) {
        resent++;
        await send(key, n, client); // delivered twice on purpose
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!.toFixed(1);
const stored = await intake.store.count();
const keys = new Set((await intake.store.list({ limit: TOTAL * 2 })).map((s) => s.idempotencyKey));

console.log(`intake load test: ${CLIENTS} concurrent clients, ${TOTAL} submissions on loopback (SQLite)`);
console.log(`  attempts ${attempts} (${cutOff} cut off mid-flight and retried, ${resent} delivered twice on purpose)`);
console.log(`  throughput ${(TOTAL / seconds).toFixed(0)} submissions/s (${seconds.toFixed(1)} s)`);
console.log(`  latency of answered requests p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
console.log(
  `  stored ${stored}, distinct ${keys.size}: ${stored === TOTAL && keys.size === TOTAL ? 'zero loss, zero duplicates' : 'LOSS OR DUPLICATES'}`,
);
if (stored !== TOTAL || keys.size !== TOTAL) process.exit(1);

// The console at desk scale. Rows beyond the load test go in directly (one transaction), like a desk's backlog.
const SCALE = Number(process.env.CONSOLE_SUBMISSIONS ?? 50_000);
const bulk = new Database(join(dir, 'intake.sqlite'));
bulk.pragma('busy_timeout = 5000');
const insert = bulk.prepare(
  `INSERT INTO submissions (idempotency_key, client, content_hash, kind, category, note, post_json, status, received_at, review_json, seq, search_text, group_id, grouped)
   VALUES (?, 'bulk', NULL, 'claim', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
let published = 0;
// The backlog as the grouper left it: every tenth submission joined the one before it (same post or clip).
const groupOf = bulk.prepare('SELECT group_id FROM submissions WHERE id = ?');
const markGrouped = bulk.prepare('UPDATE submissions SET grouped = 1 WHERE group_id = ?');
bulk.transaction(() => {
  for (let n = stored; n < SCALE; n++) {
    const status = n % 20 === 0 ? 'verified' : n % 20 === 1 ? 'rejected' : 'pending';
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const post = JSON.parse(body(`bulk-${n}`, n)).post;
    const review =
      status === 'pending'
        ? null
        : JSON.stringify({ reviewer: 'Bench', reviewedAt: at, verdict: 'false', claim: post.text, reason: { kind: 'false-claim' } });
    const inserted = insert.run(
      `bulk-${n}-key`,
      ['ai-generated', 'old-footage', 'false-claim', 'other'][n % 4],
      `backlog ${n}`,
      JSON.stringify(post),
      status,
      at,
      review,
      status === 'verified' ? ++published : null,
      searchText(post, `backlog ${n}`),
      null,
      0,
    );
    const id = Number(inserted.lastInsertRowid);
    const group = n % 10 === 9 ? ((groupOf.get(id - 1) as { group_id: number | null } | undefined)?.group_id ?? id - 1) : id;
    bulk.prepare('UPDATE submissions SET group_id = ?, grouped = ? WHERE id = ?').run(group, group === id ? 0 : 1, id);
    if (group !== id) markGrouped.run(group);
  }
  bulk.prepare("UPDATE counters SET value = ? WHERE name = 'publication'").run(published);
})();
bulk.close();
await addReviewer(intake.store, 'Bench');
const { cookie } = await reviewerSession(intake.store, 'Bench');
const timed = async (path: string, headers: Record<string, string> = {}, runs = 15) => {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const response = await fetch(`${intake.url}${path}`, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - t);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  return { status, median: times[Math.floor(runs / 2)]!, max: times.at(-1)!, headers: {} };
};
console.log(`desk console at ${(await intake.store.count()).toLocaleString('en')} submissions (${published} published):`);
const pages = [
  ['first page (all)', '/review'],
  ['new', '/review?status=pending'],
  ['verified', '/review?status=verified'],
  ['rejected', '/review?status=rejected'],
  ['duplicates', '/review?status=duplicates'],
  ['a page deep in the list', `/review?before=${Math.floor(SCALE / 2)}`],
  ['search', '/review?q=' + encodeURIComponent('رقم 4242')],
  ['search in new, in Arabic', '/review?status=pending&lang=ar&q=' + encodeURIComponent('حلب')],
  ['audit log', '/review/audit'],
] as const;
// The first view indexes the backlog for grouping and the desk's published items for the closest debunks.
const cold = await timed('/review', { cookie }, 1);
console.log(`  first view (indexes built)  HTTP ${cold.status}  ${cold.median.toFixed(0)} ms`);
let slow = false;
const watch = new Database(join(dir, 'intake.sqlite'), { readonly: true });
const ungroupedCount = () => (watch.prepare('SELECT count(*) AS n FROM submissions WHERE group_id IS NULL').get() as { n: number }).n;
const timePages = async (when: string) => {
  const ungrouped = ungroupedCount();
  console.log(`  ${when} (${ungrouped.toLocaleString('en')} submissions not grouped yet):`);
  for (const [name, path] of pages) {
    const r = await timed(path, { cookie });
    if (r.status !== 200 || r.median >= 200 || r.max >= 200) slow = true;
    console.log(`    ${name.padEnd(24)} HTTP ${r.status}  median ${r.median.toFixed(1)} ms, slowest ${r.max.toFixed(1)} ms`);
  }
};
await timePages('while the backlog is grouped');
// Then once grouping has caught up (the pages above did not wait for it).
const caughtUp = performance.now();
for (;;) {
  const left = ungroupedCount();
  if (!left) break;
  if (performance.now() - caughtUp > 300_000) {
    console.log(`  grouping did not catch up in 5 minutes (${left} left)`);
    slow = true;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
console.log(`  grouping caught up ${((performance.now() - caughtUp) / 1000).toFixed(1)} s after the pages above`);
await timePages('after grouping');
watch.close();
const firstFeed = await timed('/feed.json', {}, 1);
const feedResponse = await fetch(`${intake.url}/feed.json`);
const etag = feedResponse.headers.get('etag')!;
const feedBytes = (await feedResponse.arrayBuffer()).byteLength;
const cachedFeed = await timed('/feed.json');
const notModified = await timed('/feed.json', { 'if-none-match': etag });
console.log(
  `  feed (${published} items, ${(feedBytes / 1e6).toFixed(1)} MB): built and signed ${firstFeed.median.toFixed(0)} ms, then from cache median ${cachedFeed.median.toFixed(1)} ms, 304 median ${notModified.median.toFixed(1)} ms (HTTP ${notModified.status})`,
);
await intake.stop();
rmSync(dir, { recursive: true, force: true });
if (slow || notModified.status !== 304) {
  console.log('  a console page took 200 ms or more (or failed)');
  process.exit(1);
}
