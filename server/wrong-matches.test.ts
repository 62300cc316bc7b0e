/**
 * Readers' wrong-match reports reaching the desk, over real HTTP on SQLite and (when the test setup started
 * one) PostgreSQL: stored once per client and key, refused for debunks the desk does not publish, rate-limited
 * like submissions, withdrawn with their secret only, and listed on the debunk's card in the console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Submission } from '../lib/intake/submission';
import { reviewerSession } from '../scripts/support/intake';
import { createApp } from './app';
import { postgresDriver } from './drivers/postgres';
import { sqliteDriver } from './drivers/sqlite';
import { openSqlStore, type IntakeStore, type SqlDriver } from './store';
import { STATUS_SECRET_HEADER } from './volunteer-status';

const postgresUrl = inject('postgresUrl');
let dir: string;
const BACKENDS: { name: string; reset: () => Promise<void>; driver: () => SqlDriver }[] = [
  { name: 'SQLite', reset: async () => {}, driver: () => sqliteDriver(join(dir, 'intake.sqlite')) },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          reset: async () => {
            const client = new pg.Client(postgresUrl);
            await client.connect();
            await client.query('DROP TABLE IF EXISTS submissions, reviewers, meta, counters, sessions, audit, wrong_matches');
            await client.end();
          },
          driver: () => postgresDriver(postgresUrl),
        },
      ]
    : []),
];

describe.each(BACKENDS)('wrong-match reports on $name', ({ reset, driver }) => {
  let store: IntakeStore;
  let server: ServerType;
  let app: ReturnType<typeof createApp>;
  let base: string;
  let published: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-wm-'));
    await reset();
    store = await openSqlStore(driver());
    app = createApp({
      store,
      desk: { name: 'Test desk', url: 'https://desk.example' },
      rate: { perMinute: 60, burst: 5 },
      addressRate: { perMinute: 60, burst: 5 },
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = await store.insert(
      {
        idempotencyKey: 'wm-submission-1',
        kind: 'claim',
        category: 'old-footage',
        post: { pageUrl: 'https://x.com/home', permalink: 'https://x.com/a/status/1', text: 'Flooded metro', links: [], media: [] },
      } as Submission,
      'volunteer',
    );
    published = (outcome as { id: number }).id;
    await store.decide(published, 'verified', {
      reviewer: 'Lina',
      reviewedAt: new Date().toISOString(),
      verdict: 'false',
      claim: 'The Damascus metro flooded',
      reason: { kind: 'old-footage', originalDate: '2019' },
    });
  });
  afterEach(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = (fields: Record<string, unknown>, client = 'reader-1') =>
    fetch(`${base}/v1/wrong-matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sanad-client': client },
      body: JSON.stringify({
        idempotencyKey: 'wm-report-0001',
        debunkId: `intake-${published}`,
        reason: 'refutes',
        postUrl: 'https://x.com/b/status/2',
        ...fields,
      }),
    });

  it('stores a report once, lists it on the debunk’s card, and withdraws it with its secret only', async () => {
    // The signed feed names where reports go, so the extension can offer "Also tell <desk>".
    const feed = (await (await fetch(`${base}/feed.json`)).json()) as { wrongMatches?: string; items: { identifier: string }[] };
    expect(feed.wrongMatches).toBe(`${base}/v1/wrong-matches`);
    expect(feed.items.map((i) => i.identifier)).toEqual([`intake-${published}`]);
    const first = await report({});
    expect(first.status).toBe(201);
    const { id, withdrawSecret } = (await first.json()) as { id: number; withdrawSecret: string };
    const again = await report({});
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(id);
    expect((await store.wrongMatchesOf([published])).get(published)).toEqual([
      { id, reason: 'refutes', postUrl: 'https://x.com/b/status/2', receivedAt: expect.any(String) },
    ]);

    await store.addReviewer('Lina', 'x'.repeat(64));
    const session = await reviewerSession(store, 'Lina');
    const html = await (await fetch(`${base}/review?lang=en&status=verified`, { headers: { cookie: session.cookie } })).text();
    const card = html.slice(html.indexOf(`id="s${published}"`));
    expect(card).toMatch(/Readers report a wrong match \(1\)/);
    expect(card).toContain('The post refutes the claim');
    expect(card).toContain('href="https://x.com/b/status/2"');

    const withdraw = (secret: string) =>
      fetch(`${base}/v1/wrong-matches/${id}`, { method: 'DELETE', headers: { [STATUS_SECRET_HEADER]: secret } });
    expect((await withdraw('not-the-secret')).status).toBe(404);
    expect((await withdraw(withdrawSecret)).status).toBe(204);
    expect((await withdraw(withdrawSecret)).status).toBe(404);
    expect((await store.wrongMatchesOf([published])).get(published)).toBeUndefined();
  });

  it('refuses reports about debunks the desk does not publish, bad reports, and floods', async () => {
    expect((await report({ debunkId: 'intake-999999' })).status).toBe(404);
    expect((await report({ debunkId: 'other-list-7' })).status).toBe(404);
    const bad = await report({ reason: 'spam', note: 'my email is a@b.c' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: string[] }).details).toEqual(['note: not part of a report', expect.stringMatching(/^reason/)]);
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) statuses.push((await report({ idempotencyKey: `wm-flood-${n}-xxxx` })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
