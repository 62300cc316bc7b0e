import { beforeEach, describe, expect, it, vi } from 'vitest';
import { retryDelayMs } from '../intake/delivery';
import { statusCheckDelayMs, STATUS_CHECKS_PER_PASS, type VolunteerStatus } from '../intake/desk-status';
import { openSanadDb } from '../store/db';
import { chunkedBody, MiB } from '../../tests/support/chunked-body';
import { INTAKE_ANSWER_BYTES, OutboxService, type OutboxDraft } from './outbox-service';

const DRAFT: OutboxDraft = {
  kind: 'claim',
  category: 'old-footage',
  note: 'this is the 2019 Hama video',
  post: { pageUrl: 'https://x.com/home', permalink: 'https://x.com/a/status/1', text: 'هروب جماعي في ريف حلب', links: [], media: [] },
};

let now: number;
let wakes: (number | null)[];
let server: ReturnType<typeof vi.fn<(url: string, init: RequestInit) => Promise<Response>>>;
let intakeUrl: string;
const received: string[] = [];

function outbox() {
  return new OutboxService({
    openDb: () => openSanadDb(),
    fetch: ((url: string, init: RequestInit) => server(url, init)) as typeof fetch,
    intakeUrl: async () => intakeUrl,
    clientId: async () => 'install-1',
    scheduleWake: (when) => wakes.push(when),
    now: () => now,
  });
}
const up = async (url: string, init: RequestInit) => {
  const key = (JSON.parse(String(init.body)) as { idempotencyKey: string }).idempotencyKey;
  const repeat = received.includes(key);
  if (!repeat) received.push(key);
  return Response.json({ id: received.indexOf(key) + 1, status: repeat ? 'already received' : 'received' }, { status: repeat ? 200 : 201 });
};
const down = async () => {
  throw new TypeError('Failed to fetch');
};

beforeEach(() => {
  now = 1_000_000;
  wakes = [];
  received.length = 0;
  intakeUrl = 'http://127.0.0.1:8787';
  server = vi.fn(up);
});

describe('outbox', () => {
  it('does not send a submission cancelled while an earlier one is being sent', async () => {
    const box = outbox();
    let releaseFirst!: () => void;
    server.mockImplementationOnce(async (url, init) => {
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      return up(url, init);
    });
    intakeUrl = '';
    const first = await box.enqueue(DRAFT);
    const second = await box.enqueue({ ...DRAFT, note: 'second' });
    await box.deliverDue(); // no service yet: both wait
    intakeUrl = 'http://127.0.0.1:8787';
    const pass = box.deliverDue();
    while (!releaseFirst) await new Promise((resolve) => setTimeout(resolve, 1));
    const [goingOut, cancelled] = [first, second].sort((a, b) => a.id.localeCompare(b.id)); // the pass goes in key order
    expect(await box.cancel(cancelled!.id)).toBe(true);
    releaseFirst();
    await pass;
    expect(server).toHaveBeenCalledTimes(1);
    expect((await box.list()).map((i) => [i.id, i.state])).toEqual([[goingOut!.id, 'sent']]);
  });

  it('keeps delivered items without their screenshots, and prunes them after 30 days; never undelivered ones', async () => {
    const box = outbox();
    const shot = await box.enqueue({ ...DRAFT, screenshot: 'data:image/jpeg;base64,AAAA' });
    await box.deliverDue();
    expect((await box.list())[0]).toMatchObject({ id: shot.id, state: 'sent' });
    expect((await box.list())[0]!.submission.screenshot).toBeUndefined();
    server.mockImplementation(down);
    const waiting = await box.enqueue(DRAFT);
    now += 31 * 24 * 3_600_000;
    await box.deliverDue();
    expect((await box.list()).map((i) => [i.id, i.state])).toEqual([[waiting.id, 'retrying']]);
  });

  it('delivers a submission with its idempotency key and this installation’s client id', async () => {
    const box = outbox();
    const item = await box.enqueue(DRAFT);
    await box.deliverDue();
    const [sent] = await box.list();
    expect(sent).toMatchObject({ id: item.id, state: 'sent', attempts: 1, remoteId: 1 });
    const [url, init] = server.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/v1/submissions');
    expect((init.headers as Record<string, string>)['x-sanad-client']).toBe('install-1');
    expect(JSON.parse(String(init.body))).toMatchObject({ idempotencyKey: item.id, category: 'old-footage' });
    expect(wakes.at(-1)).toBeNull(); // nothing left to wake for
  });

  it('waits while the service is down, backing off on an alarm, and delivers once when it is back', async () => {
    server.mockImplementation(down);
    const box = outbox();
    const item = await box.enqueue(DRAFT);
    await box.deliverDue();
    let [waiting] = await box.list();
    expect(waiting).toMatchObject({ state: 'retrying', attempts: 1, nextAttemptAt: now + 30_000 });
    expect(waiting!.lastError).toMatch(/could not be reached/);
    expect(wakes.at(-1)).toBe(now + 30_000);

    now += 10_000;
    await box.deliverDue(); // not due yet: no attempt
    expect(server).toHaveBeenCalledTimes(1);
    now += 20_000;
    await box.deliverDue();
    [waiting] = await box.list();
    expect(waiting).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: now + 60_000 });

    server.mockImplementation(up);
    now += 60_000;
    await box.deliverDue();
    await box.deliverDue();
    expect((await box.list())[0]).toMatchObject({ id: item.id, state: 'sent', attempts: 3 });
    expect(received).toEqual([item.id]);
  });

  it('resends an item a stopped worker was sending, with the same key: the service keeps one', async () => {
    const first = outbox();
    const item = await first.enqueue(DRAFT);
    await first.deliverDue();
    // The worker stopped mid-send after the service stored it: the record still says "sending".
    const db = await openSanadDb();
    await db.put('outbox', { ...(await db.get('outbox', item.id))!, state: 'sending' });
    const woken = outbox();
    await woken.deliverDue();
    expect((await woken.list())[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(received).toEqual([item.id]);
    expect(server.mock.calls.map(([, init]) => JSON.parse(String(init.body)).idempotencyKey)).toEqual([item.id, item.id]);
  });

  it('keeps a refused submission as rejected with the service’s reason, and honours Retry-After', async () => {
    server.mockResolvedValueOnce(Response.json({ error: 'invalid submission: post.text: longer than 20000 characters' }, { status: 400 }));
    const box = outbox();
    await box.enqueue(DRAFT);
    await box.deliverDue();
    expect((await box.list())[0]).toMatchObject({
      state: 'rejected',
      lastError: 'invalid submission: post.text: longer than 20000 characters',
    });

    server.mockResolvedValueOnce(Response.json({ error: 'too many submissions' }, { status: 429, headers: { 'retry-after': '300' } }));
    const other = await box.enqueue(DRAFT);
    await box.deliverDue();
    expect((await box.list()).find((i) => i.id === other.id)).toMatchObject({ state: 'retrying', nextAttemptAt: now + 300_000 });
  });

  it('holds items until an intake service is set, then sends them', async () => {
    intakeUrl = '';
    const box = outbox();
    await box.enqueue(DRAFT);
    await box.deliverDue();
    expect((await box.list())[0]).toMatchObject({ state: 'queued', lastError: expect.stringMatching(/no intake service/) });
    expect(server).not.toHaveBeenCalled();
    intakeUrl = 'http://127.0.0.1:8787';
    await box.deliverDue();
    expect((await box.list())[0]!.state).toBe('sent');
  });

  it('lets the user retry now or cancel what is not delivered', async () => {
    server.mockImplementation(down);
    const box = outbox();
    const a = await box.enqueue(DRAFT);
    const b = await box.enqueue(DRAFT);
    await box.deliverDue();
    server.mockImplementation(up);
    await box.retry(a.id); // no waiting for the backoff
    expect(await box.cancel(b.id)).toBe(true);
    expect(await box.cancel(a.id)).toBe(false); // delivered: the desk has it
    expect((await box.list()).map((i) => [i.id, i.state])).toEqual([[a.id, 'sent']]);
  });

  it('backs off from 30 s doubling to an hour, never below a Retry-After', () => {
    expect([1, 2, 3, 4, 10, 50].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, 600_000)).toBe(600_000);
  });
});

describe('what became of delivered submissions', () => {
  /** A desk that hands out a secret per submission and answers status checks made with it. */
  const stages = new Map<number, VolunteerStatus>();
  const statusCalls: string[] = [];
  const desk = async (url: string, init: RequestInit) => {
    const asked = /\/v1\/submissions\/(\d+)\/status$/.exec(url);
    if (!asked) {
      const receipt = (await (await up(url, init)).json()) as { id: number };
      return Response.json({ ...receipt, statusSecret: `secret-${receipt.id}` }, { status: 201 });
    }
    const id = Number(asked[1]);
    statusCalls.push(url);
    if ((init.headers as Record<string, string>)['x-sanad-status-secret'] !== `secret-${id}`)
      return Response.json({ error: 'no' }, { status: 404 });
    return Response.json(stages.get(id) ?? { stage: 'received' });
  };
  beforeEach(() => {
    stages.clear();
    statusCalls.length = 0;
    server = vi.fn(desk);
  });

  it('asks on the outbox alarm with the id and secret, backing off, and stops once the desk has decided', async () => {
    const box = outbox();
    const item = await box.enqueue(DRAFT);
    await box.deliverDue();
    expect((await box.list())[0]).toMatchObject({ state: 'sent', remoteId: 1, statusSecret: 'secret-1', statusChecks: 0 });
    expect(statusCalls).toEqual([]); // not straight after delivery
    expect(wakes.at(-1)).toBe(now + statusCheckDelayMs(0)); // the alarm wakes for the first check

    now += statusCheckDelayMs(0);
    await box.deliverDue();
    expect(statusCalls).toEqual(['http://127.0.0.1:8787/v1/submissions/1/status']);
    expect((await box.list())[0]!.deskStatus).toEqual({ stage: 'received' });
    const init = server.mock.calls.at(-1)![1];
    expect(init.credentials).toBe('omit');
    expect(init.body).toBeUndefined(); // nothing about the volunteer goes with the check

    // Not due yet: no call. Then in review, after a longer wait.
    await box.deliverDue();
    expect(statusCalls).toHaveLength(1);
    expect(statusCheckDelayMs(1)).toBeGreaterThan(statusCheckDelayMs(0));
    stages.set(1, { stage: 'in-review' });
    now += statusCheckDelayMs(1);
    await box.deliverDue();
    expect((await box.list())[0]!.deskStatus).toEqual({ stage: 'in-review' });

    stages.set(1, { stage: 'published', url: 'https://desk.example/fc/1' });
    now += statusCheckDelayMs(2);
    await box.deliverDue();
    const [published] = await box.list();
    expect(published).toMatchObject({ id: item.id, deskStatus: { stage: 'published', url: 'https://desk.example/fc/1' }, statusChecks: 3 });
    expect(published!.nextStatusCheckAt).toBeUndefined();
    expect(wakes.at(-1)).toBeNull(); // decided: nothing left to wake for

    now += 24 * 3_600_000;
    await box.deliverDue();
    expect(statusCalls).toHaveLength(3);
  });

  it('keeps the last known status through an outage or a strange answer, and keeps asking', async () => {
    const box = outbox();
    await box.enqueue(DRAFT);
    await box.deliverDue();
    stages.set(1, { stage: 'in-review' });
    now += statusCheckDelayMs(0);
    await box.deliverDue();
    server.mockImplementation(down);
    now += statusCheckDelayMs(1);
    await box.deliverDue();
    server.mockImplementation(async () => new Response('<html>sign in to the wifi</html>', { status: 200 }));
    now += statusCheckDelayMs(2);
    await box.deliverDue();
    server.mockImplementation(async () => Response.json({ stage: 'published', url: 'javascript:alert(1)' }));
    now += statusCheckDelayMs(3);
    await box.deliverDue();
    const [item] = await box.list();
    // The bad link is dropped, the stage kept; published is final.
    expect(item).toMatchObject({ deskStatus: { stage: 'published' }, statusChecks: 4 });
    expect(item!.deskStatus!.url).toBeUndefined();
    expect(item!.nextStatusCheckAt).toBeUndefined();
  });

  it('shows a rejection with the desk’s reason, and checks a bounded number of items per pass', async () => {
    const box = outbox();
    for (let i = 0; i < STATUS_CHECKS_PER_PASS + 3; i++) await box.enqueue({ ...DRAFT, note: `report ${i}` });
    await box.deliverDue();
    stages.set(2, { stage: 'rejected', reason: 'Satire account, not a claim of fact.' });
    now += statusCheckDelayMs(0);
    await box.deliverDue();
    expect(statusCalls).toHaveLength(STATUS_CHECKS_PER_PASS);
    await box.deliverDue(); // the rest, still due, in the next pass
    expect(statusCalls).toHaveLength(STATUS_CHECKS_PER_PASS + 3);
    const rejected = (await box.list()).find((i) => i.remoteId === 2)!;
    expect(rejected.deskStatus).toEqual({ stage: 'rejected', reason: 'Satire account, not a claim of fact.' });
    expect(rejected.nextStatusCheckAt).toBeUndefined();
  });

  it('asks at once when the user opens the outbox, but not about an item asked about in the last 10 s', async () => {
    const box = outbox();
    await box.enqueue(DRAFT);
    await box.deliverDue();
    stages.set(1, { stage: 'in-review' });
    await box.refreshDeskStatus(); // before the first scheduled check
    expect(statusCalls).toHaveLength(1);
    expect((await box.list())[0]!.deskStatus).toEqual({ stage: 'in-review' });
    now += 5_000;
    await box.refreshDeskStatus();
    expect(statusCalls).toHaveLength(1);
    now += 5_000;
    stages.set(1, { stage: 'published', url: 'https://desk.example/fc/1' });
    await box.refreshDeskStatus();
    expect(statusCalls).toHaveLength(2);
    expect((await box.list())[0]!.deskStatus!.stage).toBe('published');
    now += 60_000;
    await box.refreshDeskStatus(); // decided: never asked again
    expect(statusCalls).toHaveLength(2);
  });

  it('backs off from a minute doubling to six hours', () => {
    expect([0, 1, 2, 3, 8, 9, 40].map(statusCheckDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 15_360_000, 21_600_000, 21_600_000]);
  });
});

describe('the service’s answers are read with a byte cap', () => {
  it('does not read a chunked 200 MiB answer to a submission whole, and does not count it as delivered', async () => {
    let pulled = { bytes: 0 };
    server = vi.fn(async () => {
      const body = chunkedBody(200, { status: 201, headers: { 'content-type': 'application/json' } });
      pulled = body.pulled;
      return body.response;
    });
    const box = outbox();
    await box.enqueue(DRAFT);
    await box.deliverDue();
    expect((await box.list())[0]!.state).not.toBe('sent');
    expect(pulled.bytes).toBeLessThanOrEqual(2 * MiB);
    expect(INTAKE_ANSWER_BYTES).toBeLessThan(MiB);
  });
});

describe('wrong-match reports to a desk', () => {
  const ENDPOINT = 'https://desk.example/v1/wrong-matches';
  const REPORT = { debunkId: 'intake-7', reason: 'refutes' as const, postUrl: 'https://x.com/a/status/1' };
  const enqueue = (box: OutboxService) =>
    box.enqueueReport({ wrongMatchId: 'x:1|intake-7', endpoint: ENDPOINT, desk: 'Test desk', report: REPORT });
  /** A desk that stores each key once, answers its id and secret, and takes a report back with that secret. */
  const stored = new Map<string, number>();
  const deleted: number[] = [];
  const deskService = async (url: string, init: RequestInit) => {
    if (init.method === 'DELETE') {
      const id = Number(url.split('/').pop());
      if ((init.headers as Record<string, string>)['x-sanad-status-secret'] !== `secret-${id}`)
        return Response.json({ error: 'no' }, { status: 404 });
      deleted.push(id);
      return new Response(null, { status: 204 });
    }
    const { idempotencyKey } = JSON.parse(String(init.body)) as { idempotencyKey: string };
    const repeat = stored.has(idempotencyKey);
    if (!repeat) stored.set(idempotencyKey, stored.size + 1);
    const id = stored.get(idempotencyKey)!;
    return Response.json({ id, withdrawSecret: `secret-${id}` }, { status: repeat ? 200 : 201 });
  };
  beforeEach(() => {
    stored.clear();
    deleted.length = 0;
    server.mockImplementation(deskService);
  });

  it('sends exactly the report (its key, the debunk, the reason, the post) to the desk’s own endpoint, and keeps the secret', async () => {
    intakeUrl = ''; // the reader's own intake service plays no part: the desk's feed named where reports go
    const box = outbox();
    const queued = await enqueue(box);
    await box.deliverDue();
    expect(server).toHaveBeenCalledTimes(1);
    const [url, init] = server.mock.calls[0]!;
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(init.body))).toEqual({ ...REPORT, idempotencyKey: queued.id });
    expect(Object.keys(init.headers as Record<string, string>).sort()).toEqual(['content-type', 'x-sanad-client']);
    expect(await box.deskReports()).toMatchObject([
      { id: queued.id, step: 'report', state: 'sent', remoteId: 1, withdrawSecret: 'secret-1' },
    ]);
    expect(wakes.at(-1)).toBeNull();
  });

  it('retries while the desk is offline or failing, across a restart, with the same key: the desk keeps one', async () => {
    server.mockImplementation(down);
    const box = outbox();
    const queued = await enqueue(box);
    await box.deliverDue();
    expect((await box.deskReports())[0]).toMatchObject({ state: 'retrying', attempts: 1, nextAttemptAt: now + 30_000 });
    expect(wakes.at(-1)).toBe(now + 30_000);
    server.mockResolvedValueOnce(Response.json({ error: 'internal error' }, { status: 500 }));
    now += 30_000;
    await box.deliverDue();
    expect((await box.deskReports())[0]).toMatchObject({ state: 'retrying', attempts: 2, lastError: 'internal error' });

    // The desk stored it, then the worker stopped before it heard back.
    server.mockImplementation(deskService);
    now += 60_000;
    const db = await openSanadDb();
    await deskService(ENDPOINT, { method: 'POST', body: JSON.stringify({ ...REPORT, idempotencyKey: queued.id }) });
    await db.put('deskReports', { ...(await db.get('deskReports', queued.id))!, state: 'sending' });
    const woken = outbox();
    await woken.deliverDue();
    expect((await woken.deskReports())[0]).toMatchObject({ state: 'sent', remoteId: 1, withdrawSecret: 'secret-1' });
    expect([...stored.keys()]).toEqual([queued.id]);
  });

  it('keeps a report the desk refuses, with its reason', async () => {
    server.mockResolvedValueOnce(Response.json({ error: 'this desk publishes no debunk with that id' }, { status: 404 }));
    const box = outbox();
    await enqueue(box);
    await box.deliverDue();
    expect((await box.deskReports())[0]).toMatchObject({ state: 'rejected', lastError: 'this desk publishes no debunk with that id' });
  });

  it('"Undo" before it is sent drops it: the desk never hears of it', async () => {
    server.mockImplementation(down);
    const box = outbox();
    await enqueue(box);
    await box.deliverDue();
    server.mockClear();
    await box.withdrawReport('x:1|intake-7');
    expect(await box.deskReports()).toEqual([]);
    expect(server).not.toHaveBeenCalled();
  });

  it('"Undo" after it is sent takes it back with its secret, retrying until the desk answers', async () => {
    const box = outbox();
    await enqueue(box);
    await box.deliverDue();
    server.mockImplementation(down);
    await box.withdrawReport('x:1|intake-7');
    await box.deliverDue();
    expect((await box.deskReports())[0]).toMatchObject({ step: 'withdraw', state: 'retrying', attempts: 1 });
    server.mockImplementation(deskService);
    now += 30_000;
    await box.deliverDue();
    const [url, init] = server.mock.calls.at(-1)!;
    expect([url, init.method, (init.headers as Record<string, string>)['x-sanad-status-secret']]).toEqual([
      `${ENDPOINT}/1`,
      'DELETE',
      'secret-1',
    ]);
    expect(init.body).toBeUndefined();
    expect(deleted).toEqual([1]);
    expect(await box.deskReports()).toEqual([]);
    expect(wakes.at(-1)).toBeNull();
  });

  it('"Undo" while it is being sent: taken back as soon as the desk’s receipt arrives', async () => {
    let release!: () => void;
    server.mockImplementationOnce(async (url, init) => {
      await new Promise<void>((resolve) => (release = resolve));
      return deskService(url, init);
    });
    const box = outbox();
    await enqueue(box);
    const pass = box.deliverDue();
    while (!release) await new Promise((resolve) => setTimeout(resolve, 1));
    await box.withdrawReport('x:1|intake-7');
    release();
    await pass;
    await box.deliverDue();
    expect(server.mock.calls.map(([u, i]) => `${i.method} ${u}`)).toEqual([`POST ${ENDPOINT}`, `DELETE ${ENDPOINT}/1`]);
    expect(deleted).toEqual([1]);
    expect(await box.deskReports()).toEqual([]);
  });
});
