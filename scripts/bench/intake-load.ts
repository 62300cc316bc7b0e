/**
 * `npm run bench:intake`: a bounded load test of the intake service on loopback. 20 concurrent clients send
 * 5,000 submissions; one attempt in ten is cut off mid-flight (the client cannot know whether it arrived) and
 * retried with the same idempotency key, and one delivered submission in twenty is sent again. Prints the
 * throughput and latency, and checks that every submission is stored exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIntake } from '../support/intake';

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
await intake.stop();
rmSync(dir, { recursive: true, force: true });

console.log(`intake load test: ${CLIENTS} concurrent clients, ${TOTAL} submissions on loopback (SQLite)`);
console.log(`  attempts ${attempts} (${cutOff} cut off mid-flight and retried, ${resent} delivered twice on purpose)`);
console.log(`  throughput ${(TOTAL / seconds).toFixed(0)} submissions/s (${seconds.toFixed(1)} s)`);
console.log(`  latency of answered requests p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
console.log(
  `  stored ${stored}, distinct ${keys.size}: ${stored === TOTAL && keys.size === TOTAL ? 'zero loss, zero duplicates' : 'LOSS OR DUPLICATES'}`,
);
if (stored !== TOTAL || keys.size !== TOTAL) process.exit(1);
