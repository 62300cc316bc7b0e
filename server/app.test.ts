import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { parseSanadFeed } from '../lib/feeds/sanad-feed';
import { verifyFeed } from '../lib/feeds/signature';
import { createApp, hashToken } from './app';
import { postgresDriver } from './drivers/postgres';
import { openSqliteStore } from './open-store';
import { openSqlStore, type IntakeStore } from './store';

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
const BACKENDS = [
  { name: 'SQLite', reset: async () => {}, open: () => openSqliteStore(join(dir, 'intake.sqlite')) },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          reset: async () => {
            const client = new pg.Client(postgresUrl);
            await client.connect();
            await client.query('DROP TABLE IF EXISTS submissions, reviewers, meta');
            await client.end();
          },
          open: () => openSqlStore(postgresDriver(postgresUrl)),
        },
      ]
    : []),
];

let dir: string;
let store: IntakeStore;
let app: ReturnType<typeof createApp>;

let clients = 0;
/** Posts as a new client each time unless a client is given (the rate limit is per client). */
const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: EXTENSION, 'x-sanad-client': `client-${clients++}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe.each(BACKENDS)('intake on $name', ({ reset, open }) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-intake-'));
    await reset();
    store = await open();
    app = createApp({ store, desk: { name: 'Test desk', url: 'https://desk.example' }, rate: { perMinute: 60, burst: 5 } });
  });
  afterEach(async () => {
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  describe('submissions', () => {
    it('stores a submission once per idempotency key, and keeps it across a restart', async () => {
      const first = await post(submission('key-00000001'));
      expect(first.status).toBe(201);
      expect(first.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      const again = await post(submission('key-00000001'));
      expect(again.status).toBe(200);
      expect((await again.json()).id).toBe((await first.json()).id);
      await store.close();
      store = await open();
      expect(await store.count()).toBe(1);
      expect((await store.list())[0]!.post.permalink).toBe('https://x.com/someone/status/777');
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
      expect((await app.request('/v1/submissions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(
        415,
      );
      const huge = await post(submission('key-00000003', { note: 'x'.repeat(3 * 1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect((await post(submission('key-00000004', { screenshot: 'data:text/html;base64,PHNjcmlwdD4=' }))).status).toBe(400);
      expect(await store.count()).toBe(0);
    });

    it('refuses web pages as callers (CORS for extensions only) and answers the extension’s preflight', async () => {
      expect((await post(submission('key-00000005'), { origin: 'https://evil.example' })).status).toBe(403);
      const preflight = await app.request('/v1/submissions', {
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

    it('never crashes: a failing store is a 500 with no details leaked', async () => {
      await store.close();
      const response = await post(submission('key-00000006'));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal error' });
      store = await open();
    });
  });

  describe('review and publishing', () => {
    const TOKEN = 'reviewer-token-for-tests';
    beforeEach(() => store.addReviewer('Lina', hashToken(TOKEN)));

    it('keeps the review page behind a token stored only as a hash, and renders hostile text as text', async () => {
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
      expect((await app.request('/review')).status).toBe(401);
      expect((await app.request('/review?token=wrong')).status).toBe(401);
      const login = await app.request(`/review?token=${TOKEN}`);
      expect(login.status).toBe(303);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const page = await app.request('/review', { headers: { cookie: cookie.split(';')[0]! } });
      const html = await page.text();
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(html).not.toMatch(/<script|<img src=x/i);
      expect(html).toContain('Signed in as Lina');
    });

    it('offers incremental updates: asked since its cursor, the feed sends only what was verified after', async () => {
      const cookie = `sanad_review=${TOKEN}`;
      const verify = async (key: string) => {
        const { id } = (await (await post(submission(key))).json()) as { id: number };
        await new Promise((r) => setTimeout(r, 5)); // distinct verification times
        await app.request(`/review/${id}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ decision: 'verify', verdict: 'false', claim: `Claim ${key} about a video` }),
        });
      };
      await verify('key-delta-01');
      const full = (await (await app.request('/feed.json')).json()) as {
        cursor: string;
        items: unknown[];
        delta?: boolean;
        feed: string;
        sequence: number;
      };
      expect(full.items).toHaveLength(1);
      expect(full.delta).toBeUndefined();
      await verify('key-delta-02');
      const body = await (await app.request(`/feed.json?since=${encodeURIComponent(full.cursor)}`)).text();
      const delta = parseSanadFeed(body, 'desk');
      expect(delta).toMatchObject({ ok: true, delta: true, since: full.cursor, feedUrl: 'http://localhost/feed.json', sequence: 2 });
      if (delta.ok) expect(delta.debunks.map((d) => d.claim)).toEqual(['Claim key-delta-02 about a video']);
      // Signed for its own address, numbered: a subscriber can tell a replay from a new publication.
      expect(full).toMatchObject({ feed: 'http://localhost/feed.json', sequence: 1 });
      expect(await verifyFeed(JSON.parse(body), await (await app.request('/feed-key')).text())).toEqual({ ok: true });
    });

    it('publishes a verified claim in the signed desk feed, which an extension accepts with the pinned key', async () => {
      const { id } = (await (await post(submission('key-verify01'))).json()) as { id: number };
      await post(submission('key-reject01'));
      const cookie = `sanad_review=${TOKEN}`;
      const verify = await app.request(`/review/${id}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          decision: 'verify',
          verdict: 'altered',
          claim: 'Video shows soldiers captured in Aleppo',
          conclusion: 'AI-generated: lips out of sync with the speech.',
          factCheckUrl: 'https://desk.example/fc/1',
        }),
      });
      expect(verify.status).toBe(303);
      expect(
        (
          await app.request(`/review/${id}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: 'decision=verify&verdict=false',
          })
        ).status,
      ).toBe(404); // already decided
      expect(
        (
          await app.request(`/review/${id + 1}`, {
            method: 'POST',
            headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
            body: 'decision=reject',
          })
        ).status,
      ).toBe(403);

      const response = await app.request('/feed.json');
      const body = await response.text();
      const key = await (await app.request('/feed-key')).text();
      expect(await verifyFeed(JSON.parse(body), key)).toEqual({ ok: true });
      const feed = parseSanadFeed(body, 'desk');
      expect(feed.ok).toBe(true);
      if (!feed.ok) return;
      expect(feed.debunks).toHaveLength(1);
      expect(feed.debunks[0]).toMatchObject({
        verdict: 'altered',
        claim: 'Video shows soldiers captured in Aleppo',
        reviewUrl: 'https://desk.example/fc/1',
        appearances: ['https://x.com/someone/status/777'],
      });
      expect(feed.debunks[0]!.reasons[0]).toMatchObject({ kind: 'ai-generated', note: 'AI-generated: lips out of sync with the speech.' });
      // Unchanged content: a conditional request is answered 304.
      expect((await app.request('/feed.json', { headers: { 'if-none-match': response.headers.get('etag')! } })).status).toBe(304);
    });

    it('refuses a fact-check link that is not an http(s) URL, even when it starts like one', async () => {
      const { id } = (await (await post(submission('key-badurl01'))).json()) as { id: number };
      const decide = (factCheckUrl: string) =>
        app.request(`/review/${id}`, {
          method: 'POST',
          headers: { cookie: `sanad_review=${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ decision: 'verify', verdict: 'false', factCheckUrl }),
        });
      for (const url of ['javascript:alert(1)', 'https://', 'https://desk example/fc/1']) expect((await decide(url)).status).toBe(400);
      expect((await decide('https://desk.example/fc/2')).status).toBe(303);
    });
  });
});
