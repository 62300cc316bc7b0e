/**
 * The intake service over real HTTP (a listening server, as extensions and browsers reach it), on SQLite and,
 * when the test setup started one, PostgreSQL: both stores must behave the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { parseSanadFeed } from '../lib/feeds/sanad-feed';
import { verifyFeed } from '../lib/feeds/signature';
import { reviewerSession } from '../scripts/support/intake';
import { createApp, hashToken, type AppOptions } from './app';
import { postgresDriver } from './drivers/postgres';
import { sqliteDriver } from './drivers/sqlite';
import { openSqlStore, type IntakeStore, type SqlDriver } from './store';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const submission = (key: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  kind: 'claim',
  category: 'ai-generated',
  note: 'looks generated: lips out of sync',
  post: {
    pageUrl: 'https://x.com/home',
    permalink: 'https://x.com/someone/status/777',
    text: 'Captured soldiers video from Aleppo today',
    links: [],
    media: [{ kind: 'video', url: 'https://x.com/someone/status/777' }],
  },
  ...extra,
});

// Always SQLite; PostgreSQL too when the test setup started one (or DATABASE_URL names one).
const postgresUrl = inject('postgresUrl');
const BACKENDS: { name: string; reset: () => Promise<void>; driver: () => SqlDriver }[] = [
  {
    name: 'SQLite',
    reset: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `intake.sqlite${suffix}`), { force: true });
    },
    driver: () => sqliteDriver(join(dir, 'intake.sqlite')),
  },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          reset: async () => {
            const client = new pg.Client(postgresUrl);
            await client.connect();
            await client.query('DROP TABLE IF EXISTS submissions, reviewers, meta, counters, sessions, audit');
            await client.end();
          },
          driver: () => postgresDriver(postgresUrl),
        },
      ]
    : []),
];

let dir: string;
let store: IntakeStore;
let server: ServerType | undefined;
let base = '';

async function start(options: Partial<AppOptions> = {}): Promise<void> {
  await stopServer();
  const app = createApp({
    store,
    desk: { name: 'Test desk', url: 'https://desk.example' },
    rate: { perMinute: 60, burst: 5 },
    addressRate: { perMinute: 6000, burst: 1000 },
    ...options,
  });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const stopServer = () =>
  new Promise<void>((resolve) => {
    if (!server) return resolve();
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    server.close(() => resolve());
    server = undefined;
  });

const http = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init });
let clients = 0;
/** Posts as a new client id each time unless one is given (the rate limit is per address and id). */
const post = (body: unknown, headers: Record<string, string> = {}) =>
  http('/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: EXTENSION, 'x-sanad-client': `client-${clients++}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const idOf = async (response: Response) => ((await response.json()) as { id: number }).id;

describe.each(BACKENDS)('intake on $name', ({ reset, driver }) => {
  let open: () => Promise<IntakeStore>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-intake-'));
    await reset();
    open = () => openSqlStore(driver());
    store = await open();
    await start();
  });
  afterEach(async () => {
    await stopServer();
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  describe('submissions', () => {
    it('stores a submission once per idempotency key, and keeps it across a restart', async () => {
      const first = await post(submission('key-00000001'), { 'x-sanad-client': 'install-a' });
      expect(first.status).toBe(201);
      expect(first.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      const again = await post(submission('key-00000001'), { 'x-sanad-client': 'install-a' });
      expect(again.status).toBe(200);
      expect(await idOf(again)).toBe(await idOf(first));
      await stopServer();
      await store.close();
      store = await open();
      expect(await store.count()).toBe(1);
      expect((await store.list())[0]!.post.permalink).toBe('https://x.com/someone/status/777');
    });

    it('scopes idempotency keys per client and compares content: another client’s same key is its own submission', async () => {
      const mine = await post(submission('shared-key-01'), { 'x-sanad-client': 'install-a' });
      const theirs = await post(submission('shared-key-01', { note: 'a different report' }), { 'x-sanad-client': 'install-b' });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(await idOf(theirs)).not.toBe(await idOf(mine));
      // The same client reusing its key for other content: refused, nothing overwritten.
      const reused = await post(submission('shared-key-01', { note: 'changed' }), { 'x-sanad-client': 'install-a' });
      expect(reused.status).toBe(409);
      expect((await store.list()).map((s) => s.note).sort()).toEqual(['a different report', 'looks generated: lips out of sync']);
    });

    it('stores a note and text with control characters (NUL) the same on every store, without them', async () => {
      const response = await post(
        submission('key-nul-0001', {
          note: 'frame\u0000 42\u0007 looks\nedited',
          post: { ...submission('x').post, text: 'Captured\u0000 soldiers' },
        }),
      );
      expect(response.status).toBe(201);
      const [stored] = await store.list();
      expect(stored).toMatchObject({ note: 'frame 42 looks\nedited', post: { text: 'Captured soldiers' } });
    });

    it('answers bad input with a clear 4xx and its reason', async () => {
      expect((await post('{not json')).status).toBe(400);
      const invalid = await post({
        ...submission('key-00000002'),
        category: 'aliens',
        post: { pageUrl: 'javascript:alert(1)', text: 5, links: ['ftp://x'] },
      });
      expect(invalid.status).toBe(400);
      const { details } = (await invalid.json()) as { details: string[] };
      expect(details).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^category/),
          expect.stringMatching(/^post\.pageUrl/),
          expect.stringMatching(/^post\.text/),
          expect.stringMatching(/^post\.links\[0\]/),
        ]),
      );
      expect((await post(submission('short'))).status).toBe(400);
      expect((await http('/v1/submissions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
      const huge = await post(submission('key-00000003', { note: 'x'.repeat(3 * 1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect((await post(submission('key-00000004', { screenshot: 'data:text/html;base64,PHNjcmlwdD4=' }))).status).toBe(400);
      expect(await store.count()).toBe(0);
    });

    it('refuses an oversized chunked body while it streams in, without waiting for its end', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${base}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', () => {});
        // 3 MB in chunks, and the body never ends: only a limit enforced while streaming can answer.
        const chunk = Buffer.alloc(64 * 1024, 'x');
        for (let i = 0; i < 48; i++) req.write(chunk);
        setTimeout(() => reject(new Error('no answer before the body ended')), 5_000);
      });
      expect(status).toBe(413);
      expect(await store.count()).toBe(0);
    });

    it('refuses web pages as callers (CORS for extensions only) and answers the extension’s preflight', async () => {
      expect((await post(submission('key-00000005'), { origin: 'https://evil.example' })).status).toBe(403);
      const preflight = await http('/v1/submissions', {
        method: 'OPTIONS',
        headers: { origin: EXTENSION, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      expect(await store.count()).toBe(0);
    });

    it('limits each client’s rate and says when to come back', async () => {
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(submission(`rate-key-${i}000`), { 'x-sanad-client': 'one' })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      const limited = await post(submission('rate-key-x000'), { 'x-sanad-client': 'one' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post(submission('rate-key-y000'), { 'x-sanad-client': 'two' })).status).toBe(201);
    });

    it('limits per client address: a fresh client id on every request does not escape the limit', async () => {
      await start({ addressRate: { perMinute: 60, burst: 10 } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await post(submission(`flood-key-${i}00`))).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
      expect(await store.count()).toBe(10);
    });

    it('never crashes: a failing store is a 500 with no details leaked', async () => {
      await store.close();
      const response = await post(submission('key-00000006'));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal error' });
      store = await open();
    });
  });

  it('opens a database made before keys were scoped and changes numbered, keeping every row', async () => {
    await stopServer();
    await store.close();
    await reset();
    // The schema as it was: one global key uniqueness, no sequence, no content hash, no search text.
    const legacy = driver();
    await legacy.run(`CREATE TABLE submissions (id ${legacy.idColumn}, idempotency_key TEXT NOT NULL UNIQUE, client TEXT NOT NULL,
      kind TEXT NOT NULL, category TEXT NOT NULL, note TEXT, post_json TEXT NOT NULL, screenshot TEXT,
      status TEXT NOT NULL DEFAULT 'pending', received_at TEXT NOT NULL, review_json TEXT)`);
    const postJson = JSON.stringify(submission('x').post);
    const review = JSON.stringify({ reviewer: 'Old', reviewedAt: '2026-01-01T00:00:00.000Z', verdict: 'false', claim: 'Old claim' });
    await legacy.run(
      `INSERT INTO submissions (idempotency_key, client, kind, category, note, post_json, status, received_at, review_json)
       VALUES ('old-key-0001', 'install-a', 'claim', 'false-claim', 'old note', ?, 'verified', '2026-01-01T00:00:00.000Z', ?),
              ('old-key-0002', 'install-a', 'claim', 'other', NULL, ?, 'pending', '2026-01-02T00:00:00.000Z', NULL)`,
      [postJson, review, postJson],
    );
    await legacy.close();
    store = await open();
    await start();
    expect(await store.count()).toBe(2);
    expect(await store.publicationSeq()).toBeGreaterThanOrEqual(1);
    expect((await store.published(0, await store.publicationSeq())).map((s) => s.idempotencyKey)).toEqual(['old-key-0001']);
    expect((await store.list({ search: 'OLD NOTE' })).map((s) => s.idempotencyKey)).toEqual(['old-key-0001']);
    expect((await post(submission('old-key-0001'), { 'x-sanad-client': 'install-b' })).status).toBe(201);
    expect((await post(submission('old-key-0002'), { 'x-sanad-client': 'install-a' })).status).toBe(200);
  });

  it('searches what was submitted, not the stored format’s field names, in any letter case', async () => {
    await post(submission('key-search-1', { note: 'Seen on CHANNEL Halab' }));
    await post(submission('key-search-2', { post: { ...submission('x').post, text: 'فيديو من حلب' } }));
    expect((await store.list({ search: 'pageUrl' })).length).toBe(0);
    expect((await store.list({ search: 'channel halab' })).map((s) => s.idempotencyKey)).toEqual(['key-search-1']);
    expect((await store.list({ search: 'حلب' })).map((s) => s.idempotencyKey)).toEqual(['key-search-2']);
    expect((await store.list({ search: '100%_' })).length).toBe(0);
    expect(await store.countByStatus('حلب')).toMatchObject({ pending: 1, verified: 0 });
  });

  describe('the desk console and publishing', () => {
    const TOKEN = 'reviewer-token-for-tests';
    let session: { cookie: string; csrf: string };
    beforeEach(async () => {
      await store.addReviewer('Lina', hashToken(TOKEN));
      session = await reviewerSession(store, 'Lina');
    });
    const form = (fields: Record<string, string>) => new URLSearchParams(fields);
    /** A console form post as a browser makes it from the console's own page. */
    const decide = (id: number, fields: Record<string, string>, headers: Record<string, string> = {}, path = `/review/${id}`) =>
      http(path, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          origin: base,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: form({ csrf: session.csrf, ...fields }),
      });
    const VERIFY = { decision: 'verify', verdict: 'false', reasonKind: 'false-claim', claim: 'Video shows soldiers captured in Aleppo' };
    const submit = async (key: string, extra: Record<string, unknown> = {}) => idOf(await post(submission(key, extra)));
    const feed = async (since?: string) => {
      const body = await (await http(`/feed.json${since !== undefined ? `?since=${since}` : ''}`)).text();
      const parsed = parseSanadFeed(body, 'desk');
      if (!parsed.ok) throw new Error(parsed.reason);
      return { body, parsed, json: JSON.parse(body) as Record<string, unknown> };
    };

    it('logs in by POST only: a token in a link does not, and the cookie is a random, expiring session id', async () => {
      await post(
        submission('key-hostile1', {
          post: {
            pageUrl: 'https://x.com/home',
            text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
            links: ['https://example.org/"><script>'],
            media: [],
          },
        }),
      );
      expect((await http('/review')).status).toBe(401);
      const linked = await http(`/review?token=${TOKEN}`);
      expect(linked.status).toBe(401);
      expect(linked.headers.get('set-cookie')).toBeNull();
      const login = (token: string, headers: Record<string, string> = {}) =>
        http('/review/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin', ...headers },
          body: form({ token }),
        });
      expect((await login('wrong')).status).toBe(401);
      expect((await login(TOKEN, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      const ok = await login(TOKEN);
      expect(ok.status).toBe(303);
      const cookie = ok.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Max-Age=43200/);
      expect(cookie).not.toMatch(/Secure/);
      expect(cookie).not.toContain(TOKEN);
      const page = await http('/review', { headers: { cookie: cookie.split(';')[0]! } });
      const html = await page.text();
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
      // The one script is the console's own preview, from its own origin.
      expect(html.match(/<script[^>]*>/gi)).toEqual(['<script src="/review/preview.js" defer>']);
      expect(html.replace('<script src="/review/preview.js" defer></script>', '')).not.toMatch(/<script|<img src=x/i);
      expect(html).toContain('Lina');
      expect(html).toContain(`name="csrf" value="`);
    });

    it('shows markup in all eight submitted fields as text, under a CSP that runs no script', async () => {
      const tag = '<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>';
      const inUrl = `https://x.com/a"><script>alert(4)</script>?q='><img src=x onerror=alert(5)>`;
      const response = await post(
        submission('key-xss-eight', {
          note: tag,
          post: {
            pageUrl: inUrl,
            permalink: `${inUrl}&p`,
            author: tag,
            text: tag,
            links: [`${inUrl}&l`],
            media: [{ kind: 'image', url: `${inUrl}&m`, poster: `${inUrl}&poster` }],
          },
        }),
      );
      expect(response.status).toBe(201);
      const page = await http('/review', { headers: { cookie: session.cookie } });
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      // Only the console's own script file may run: no inline script, no event handler, no eval.
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      const html = await page.text();
      // No raw tag and no way out of an attribute: the handlers survive only as escaped text. The one script
      // element is the console's own preview file.
      expect(html.match(/<script[^>]*>/gi) ?? []).toEqual(['<script src="/review/preview.js" defer>']);
      expect(html.replace('<script src="/review/preview.js" defer></script>', '')).not.toMatch(/<script|<img|<svg/i);
      expect(html).not.toContain('x.com/a">');
      expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(3); // note, author, text
      expect(html).toContain('Lina');
    });

    it('keeps SQL in any field inert: stored as text, searched as text, every table intact', async () => {
      const payloads = [
        "'; DROP TABLE submissions; --",
        "' OR '1'='1",
        '"); DELETE FROM reviewers; --',
        "x' UNION SELECT token FROM sessions --",
      ];
      for (const [i, payload] of payloads.entries())
        expect(
          (
            await post(
              submission(`key-sql-000${i}`, { note: payload, post: { ...submission('x').post, text: payload, author: payload } }),
              { 'x-sanad-client': payload },
            )
          ).status,
        ).toBe(201);
      for (const payload of payloads) {
        expect((await store.list({ search: payload })).map((s) => s.note)).toEqual([payload]);
        const page = await http(`/review?q=${encodeURIComponent(payload)}`, { headers: { cookie: session.cookie } });
        expect(page.status).toBe(200);
      }
      expect((await store.list({ search: "' OR 1=1 --" })).length).toBe(0);
      expect((await store.list({})).length).toBe(payloads.length);
      expect((await http('/review', { headers: { cookie: session.cookie } })).status).toBe(200); // reviewers and sessions still there
    });

    it('ends sessions when they expire and when the reviewer is removed', async () => {
      const expired = await reviewerSession(store, 'Lina');
      await store.createSession(hashToken('old-session'), { reviewer: 'Lina', csrf: 'x', expiresAt: '2020-01-01T00:00:00.000Z' });
      expect((await http('/review', { headers: { cookie: 'sanad_session=old-session' } })).status).toBe(401);
      expect((await http('/review', { headers: { cookie: expired.cookie } })).status).toBe(200);
      expect(await store.removeReviewer('Lina')).toBe(true);
      expect((await http('/review', { headers: { cookie: expired.cookie } })).status).toBe(401);
      expect(await store.listReviewers()).toEqual([]);
    });

    it('takes only form posts from the console itself that carry the session’s token', async () => {
      const id = await submit('key-csrf-001');
      expect((await decide(id, VERIFY, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await decide(id, VERIFY, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await decide(id, VERIFY, { origin: 'null' })).status).toBe(403);
      expect((await decide(id, { ...VERIFY, csrf: 'forged' })).status).toBe(403);
      expect((await store.get(id))!.status).toBe('pending');
      expect((await decide(id, VERIFY)).status).toBe(303);
      expect((await store.get(id))!.status).toBe('verified');
    });

    it('behind a TLS proxy: cookies are Secure and the public origin is the one form posts are compared with', async () => {
      await start({ publicOrigin: 'https://desk.example' });
      const login = await http('/review/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://desk.example', 'sec-fetch-site': 'same-origin' },
        body: form({ token: TOKEN }),
      });
      expect(login.status).toBe(303);
      expect(login.headers.get('set-cookie')).toMatch(/; Secure/);
      const id = await submit('key-proxy-01');
      expect((await decide(id, VERIFY, { origin: base })).status).toBe(403);
      expect((await decide(id, VERIFY, { origin: 'https://desk.example' })).status).toBe(303);
    });

    it('records who decided what and when, and shows it in the console’s audit log', async () => {
      const id = await submit('key-audit-01');
      await decide(id, VERIFY);
      const [entry] = await store.audit({ submissionId: id });
      expect(entry).toMatchObject({ reviewer: 'Lina', action: 'verified', submissionId: id });
      expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
      const log = await (await http('/review/audit', { headers: { cookie: session.cookie } })).text();
      expect(log).toContain(`#${id}`);
      expect(log).toContain('Lina');
    });

    it('publishes a verified claim in the signed desk feed, which an extension accepts with the pinned key', async () => {
      const id = await submit('key-verify01');
      await submit('key-reject01');
      const verify = await decide(id, {
        decision: 'verify',
        verdict: 'altered',
        reasonKind: 'ai-generated',
        artifact: 'lip-sync',
        claim: 'Video shows soldiers captured in Aleppo',
        conclusion: 'AI-generated: lips out of sync with the speech.',
        factCheckUrl: 'https://desk.example/fc/1',
      });
      expect(verify.status).toBe(303);
      expect((await decide(id, VERIFY)).status).toBe(404); // already decided

      const response = await http('/feed.json');
      const body = await response.text();
      const key = await (await http('/feed-key')).text();
      expect(await verifyFeed(JSON.parse(body), key)).toEqual({ ok: true });
      const parsed = parseSanadFeed(body, 'desk');
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.debunks).toHaveLength(1);
      expect(parsed.debunks[0]).toMatchObject({
        verdict: 'altered',
        claim: 'Video shows soldiers captured in Aleppo',
        reviewUrl: 'https://desk.example/fc/1',
        appearances: ['https://x.com/someone/status/777'],
      });
      expect(parsed.debunks[0]!.reasons[0]).toMatchObject({ kind: 'ai-generated', artifacts: [{ code: 'lip-sync' }] });
      expect((await http('/feed.json', { headers: { 'if-none-match': response.headers.get('etag')! } })).status).toBe(304);
    });

    it('tells the volunteer, by id and secret only, received → in review → published or rejected', async () => {
      const delivery = async (key: string, client: string) =>
        (await (await post(submission(key), { 'x-sanad-client': client })).json()) as { id: number; statusSecret: string };
      const status = (id: number, secret?: string) =>
        http(`/v1/submissions/${id}/status`, { headers: { origin: EXTENSION, ...(secret && { 'x-sanad-status-secret': secret }) } });
      const stageOf = async (id: number, secret: string) => (await (await status(id, secret)).json()) as Record<string, unknown>;

      const first = await delivery('key-status-01', 'install-s');
      const other = await delivery('key-status-02', 'install-s');
      expect(first.statusSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.statusSecret).not.toBe(first.statusSecret);
      // A repeat delivery (its answer was lost) gets the same secret back.
      expect((await delivery('key-status-01', 'install-s')).statusSecret).toBe(first.statusSecret);
      expect(await stageOf(first.id, first.statusSecret)).toEqual({ stage: 'received' });

      // Without the secret, with another submission's, or for an unknown id: the same refusal, nothing told.
      for (const response of [
        await status(first.id),
        await status(first.id, other.statusSecret),
        await status(first.id, first.statusSecret.slice(0, -1)),
        await status(999_999, first.statusSecret),
        await status(Number.NaN, first.statusSecret),
      ]) {
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: 'no submission with that id and secret' });
      }

      // A reviewer's console lists it: in review.
      expect((await http('/review', { headers: { cookie: session.cookie } })).status).toBe(200);
      expect(await stageOf(first.id, first.statusSecret)).toEqual({ stage: 'in-review' });

      await decide(first.id, { ...VERIFY, factCheckUrl: 'https://desk.example/fc/status-1' });
      await decide(other.id, { decision: 'reject', rejection: 'Satire account, not a claim of fact.' });
      const published = await status(first.id, first.statusSecret);
      expect(published.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      // Only the stage and the published link: no reviewer, note, post or client.
      expect(await published.json()).toEqual({ stage: 'published', url: 'https://desk.example/fc/status-1' });
      expect(await stageOf(other.id, other.statusSecret)).toEqual({ stage: 'rejected', reason: 'Satire account, not a claim of fact.' });
      // Published without a fact-check of its own: the desk's page, as the feed links it.
      const third = await delivery('key-status-03', 'install-s');
      await decide(third.id, VERIFY);
      expect(await stageOf(third.id, third.statusSecret)).toEqual({ stage: 'published', url: 'https://desk.example' });

      // The secret outlives a restart: it comes from a key kept in the database.
      await stopServer();
      await store.close();
      store = await open();
      await start();
      expect((await stageOf(first.id, first.statusSecret)).stage).toBe('published');

      const preflight = await http(`/v1/submissions/${first.id}/status`, {
        method: 'OPTIONS',
        headers: { origin: EXTENSION, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-sanad-status-secret' },
      });
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-sanad-status-secret');
      expect(
        (
          await http(`/v1/submissions/${first.id}/status`, {
            headers: { origin: 'https://evil.example', 'x-sanad-status-secret': first.statusSecret },
          })
        ).status,
      ).toBe(403);
    });

    it('asks for a verdict (no default), a reason, and a fact-check URL when the desk has none of its own', async () => {
      const id = await submit('key-fields-01');
      const { verdict: _v, ...noVerdict } = VERIFY;
      expect((await decide(id, noVerdict)).status).toBe(400);
      expect((await decide(id, { ...VERIFY, reasonKind: '' })).status).toBe(400);
      expect((await decide(id, { ...VERIFY, reasonKind: 'old-footage' })).status).toBe(400); // no date, place or link
      await start({ desk: { name: 'Desk without a site' } });
      expect((await decide(id, VERIFY)).status).toBe(400);
      expect((await store.get(id))!.status).toBe('pending');
      for (const url of ['javascript:alert(1)', 'https://', 'https://desk example/fc/1'])
        expect((await decide(id, { ...VERIFY, factCheckUrl: url })).status).toBe(400);
      expect((await decide(id, { ...VERIFY, factCheckUrl: 'https://desk.example/fc/2' })).status).toBe(303);
    });

    it('never publishes the volunteer’s page address, note or media query strings', async () => {
      const id = await submit('key-private1', {
        note: 'my private note',
        post: {
          pageUrl: 'https://x.com/home?session=secret-page',
          permalink: 'https://x.com/someone/status/778',
          text: 'Post text',
          links: [],
          media: [
            { kind: 'image', url: 'https://pbs.twimg.com/media/abc.jpg?token=secret-media&name=orig' },
            { kind: 'video', url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E&sig=secret-yt' },
          ],
        },
      });
      await decide(id, { ...VERIFY, reasonKind: 'old-footage', originalDate: '2017-03', originalPlace: 'Mosul', language: 'en' });
      const { body, parsed } = await feed();
      for (const secret of ['secret-page', 'x.com/home', 'my private note', 'secret-media', 'secret-yt', 'Post text'])
        expect(body).not.toContain(secret);
      expect(parsed.ok && parsed.debunks[0]!.appearances).toEqual([
        'https://x.com/someone/status/778',
        'https://pbs.twimg.com/media/abc.jpg',
      ]);
      expect(parsed.ok && parsed.debunks[0]!.reasons[0]).toMatchObject({
        kind: 'old-footage',
        originalDate: '2017-03',
        originalPlace: { en: 'Mosul' },
      });
    });

    it('builds and signs the feed once per data version: the same bytes until something is published', async () => {
      const id = await submit('key-cache-01');
      const first = await http('/feed.json');
      const firstBody = await first.text();
      await new Promise((r) => setTimeout(r, 5));
      expect(await (await http('/feed.json')).text()).toBe(firstBody);
      expect((await http('/feed.json', { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
      await decide(id, VERIFY);
      const changed = await http('/feed.json');
      expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
      expect((JSON.parse(await changed.text()) as { sequence: number }).sequence).toBe(1);
      expect((await http('/feed.json', { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(200);
    });

    it('withdraws and corrects published items: tombstones in full and delta feeds, changes in deltas, numbered at commit', async () => {
      const a = await submit('key-delta-01');
      const b = await submit('key-delta-02');
      await decide(a, { ...VERIFY, claim: 'Claim A about a video' });
      const full = await feed();
      expect(full.json).toMatchObject({ sequence: 1, cursor: '1', tombstones: [] });
      await decide(b, { ...VERIFY, claim: 'Claim B about a video' });
      const delta = await feed('1');
      expect(delta.parsed).toMatchObject({ delta: true, since: '1', sequence: 2, feedUrl: `${base}/feed.json` });
      expect(delta.parsed.ok && delta.parsed.debunks.map((d) => d.claim)).toEqual(['Claim B about a video']);
      expect(await verifyFeed(delta.json, await (await http('/feed-key')).text())).toEqual({ ok: true });

      expect((await decide(a, { action: 'withdraw' }, {}, `/review/${a}/amend`)).status).toBe(400); // a reason is needed
      expect((await decide(a, { action: 'withdraw', note: 'the footage is authentic' }, {}, `/review/${a}/amend`)).status).toBe(303);
      expect((await decide(b, { ...VERIFY, action: 'correct', claim: 'Claim B, corrected' }, {}, `/review/${b}/amend`)).status).toBe(303);
      const after = await feed('2');
      expect(after.json).toMatchObject({ sequence: 4, tombstones: [{ id: `intake-${a}` }] });
      expect(after.parsed.ok && after.parsed.debunks.map((d) => d.claim)).toEqual(['Claim B, corrected']);
      const fullAfter = await feed();
      expect(fullAfter.json).toMatchObject({ tombstones: [{ id: `intake-${a}` }] });
      expect(fullAfter.parsed.ok && fullAfter.parsed.debunks.map((d) => d.id)).toEqual([`intake-${b}`]);
      expect((await store.audit({ submissionId: a })).map((e) => e.action)).toEqual(['withdrawn', 'verified']);
      expect((await decide(a, { action: 'withdraw', note: 'again' }, {}, `/review/${a}/amend`)).status).toBe(404);
    });

    it('a verification that commits late is never behind a cursor a subscriber already holds', async () => {
      // The first verification holds its transaction open; the second one starts meanwhile.
      const inner = driver();
      let holdNext = false;
      const held: SqlDriver = {
        ...inner,
        all: inner.all.bind(inner),
        run: inner.run.bind(inner),
        close: inner.close.bind(inner),
        transaction: (work) =>
          inner.transaction(async (tx) => {
            const hold = holdNext;
            holdNext = false;
            const result = await work(tx);
            if (hold) await new Promise((r) => setTimeout(r, 400));
            return result;
          }),
      };
      await store.close();
      store = await openSqlStore(held);
      await start();
      session = await reviewerSession(store, 'Lina');
      const a = await submit('key-late-001');
      const b = await submit('key-late-002');
      holdNext = true;
      const slow = decide(a, { ...VERIFY, claim: 'Claim A, slow commit' });
      await new Promise((r) => setTimeout(r, 50));
      const fast = decide(b, { ...VERIFY, claim: 'Claim B, fast' });
      await new Promise((r) => setTimeout(r, 100));
      const midway = await feed(); // taken while A's transaction is still open
      await Promise.all([slow, fast]);
      const cursor = String(midway.json.cursor);
      const rest = await feed(cursor);
      const seen = [...(midway.parsed.ok ? midway.parsed.debunks : []), ...(rest.parsed.ok ? rest.parsed.debunks : [])].map((d) => d.claim);
      expect(seen.sort()).toEqual(['Claim A, slow commit', 'Claim B, fast']);
    });
  });
});
