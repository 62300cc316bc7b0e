/**
 * Duplicates and groups in the desk console, over real HTTP on SQLite and (when the test setup started one)
 * PostgreSQL: submissions of the same post, media or claim are grouped; each shows the closest debunks of the
 * desk's own feed and of an imported list; "add as another appearance" updates the published debunk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { parseSanadFeed } from '../lib/feeds/sanad-feed';
import type { Submission } from '../lib/intake/submission';
import { reviewerSession } from '../scripts/support/intake';
import { createApp } from './app';
import { SubmissionGrouper } from './desk-matcher';
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
            await client.query('DROP TABLE IF EXISTS submissions, reviewers, meta, counters, sessions, audit');
            await client.end();
          },
          driver: () => postgresDriver(postgresUrl),
        },
      ]
    : []),
];

/** A frame hash as the extension sends one (a poster's PDQ), and one 64 bits away from it (another picture). */
const CLIP = '9f3c61d2a4b87e05c1d2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8';
const OTHER = CLIP.replace(/./g, (c, i) => (i < 16 ? (15 - parseInt(c, 16)).toString(16) : c));

const submission = (key: string, post: { permalink: string; text: string; frames?: string }) => ({
  idempotencyKey: key,
  kind: 'claim',
  category: 'old-footage',
  post: {
    pageUrl: 'https://x.com/home',
    permalink: post.permalink,
    text: post.text,
    links: [],
    media: [{ kind: 'video', ...(post.frames && { frames: [{ t: 0, hash: post.frames, quality: 90 }] }) }],
  },
});

describe.each(BACKENDS)('duplicates and groups on $name', ({ reset, driver }) => {
  let store: IntakeStore;
  let server: ServerType;
  let base: string;
  let session: { cookie: string; csrf: string };
  let app: ReturnType<typeof createApp>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sanad-dup-'));
    await reset();
    store = await openSqlStore(driver());
    // A list the desk imports: another fact-checker's ClaimReview file.
    const imported = join(dir, 'partner.json');
    writeFileSync(
      imported,
      JSON.stringify([
        {
          '@type': 'ClaimReview',
          identifier: 'partner-1',
          url: 'https://partner.example/fc/flooded-metro',
          claimReviewed: 'Video shows the Damascus metro flooded after the storm',
          author: { '@type': 'Organization', name: 'Partner Checks' },
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
        },
      ]),
    );
    app = createApp({
      store,
      desk: { name: 'Test desk', url: 'https://desk.example' },
      rate: { perMinute: 6000, burst: 1000 },
      addressRate: { perMinute: 6000, burst: 1000 },
      imports: [{ name: 'partner', location: imported }],
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await store.addReviewer('Lina', 'x'.repeat(64));
    session = await reviewerSession(store, 'Lina');
  });
  afterEach(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = async (key: string, post: Parameters<typeof submission>[1]) => {
    const response = await fetch(`${base}/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sanad-client': 'volunteer' },
      body: JSON.stringify(submission(key, post)),
    });
    return (await response.json()) as { id: number; statusSecret: string };
  };
  const page = async (query = '') => (await fetch(`${base}/review?lang=en${query}`, { headers: { cookie: session.cookie } })).text();
  /** The page once every submission is placed: grouping runs beside requests, so a loaded machine can lag behind. */
  const placedPage = async () => {
    await expect.poll(async () => (await page()).includes('Grouping…'), { timeout: 20_000 }).toBe(false);
    return page();
  };
  const cardOf = (html: string, id: number) =>
    html.slice(html.indexOf(`id="s${id}"`), html.indexOf('</article>', html.indexOf(`id="s${id}"`)));
  const formPost = (path: string, fields: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: session.cookie,
        origin: base,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrf: session.csrf, ...fields }),
    });

  it('groups submissions of the same post, media or claim, and lists them under "duplicates"', async () => {
    const first = await send('group-0001', {
      permalink: 'https://x.com/a/status/1',
      text: 'Tanks crossing the Euphrates bridge at Raqqa this morning',
      frames: CLIP,
    });
    const samePost = await send('group-0002', { permalink: 'https://x.com/a/status/1?s=20', text: 'look at this' });
    const sameMedia = await send('group-0003', { permalink: 'https://x.com/b/status/2', text: 'شاهدوا هذا', frames: CLIP });
    const sameClaim = await send('group-0004', {
      permalink: 'https://x.com/c/status/3',
      text: 'Tanks crossing the Euphrates bridge at Raqqa this morning!!',
    });
    const unrelated = await send('group-0005', {
      permalink: 'https://x.com/d/status/4',
      text: 'Bread prices doubled in Homs',
      frames: OTHER,
    });

    const html = await placedPage();
    expect(cardOf(html, samePost.id)).toMatch(new RegExp(`Grouped with 3 other submissions \\(same post\\).*#${first.id}`, 's'));
    expect(cardOf(html, sameMedia.id)).toMatch(/\(same media\)/);
    expect(cardOf(html, sameClaim.id)).toMatch(/\(same claim\)/);
    expect(cardOf(html, first.id)).toMatch(/Grouped with 3 other submissions/);
    expect(cardOf(html, unrelated.id)).not.toMatch(/Grouped with/);
    expect(html).toContain('Duplicates (4)');
    const duplicates = await page('&status=duplicates');
    const listed = [...duplicates.matchAll(/data-submission="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([sameClaim.id, sameMedia.id, samePost.id, first.id]);
  });

  it('places a submission again when the desk attaches hashes to it: it joins the group of the earlier one of that clip', async () => {
    const first = await send('regroup-0001', { permalink: 'https://x.com/a/status/11', text: 'Convoy on the M5 highway', frames: CLIP });
    const later = await send('regroup-0002', { permalink: 'https://x.com/b/status/12', text: 'شاهد هذا الفيديو الآن' });
    const follower = await send('regroup-0003', { permalink: 'https://x.com/b/status/12?s=19', text: 'again' });
    const before = await placedPage();
    expect(cardOf(before, later.id)).toMatch(new RegExp(`Grouped with 1 other submission \\(same post\\).*#${follower.id}`, 's'));
    expect(cardOf(before, first.id)).not.toMatch(/Grouped with/);

    const frames = [0, 0.5].map((t) => ({ t, hash: CLIP, quality: 88, pdq: CLIP, pdqQuality: 90, upright: CLIP, centre: CLIP }));
    const attached = await formPost(`/review/${later.id}/media`, {
      fingerprint: JSON.stringify({ file: 'm5.mp4', kind: 'video', frames }),
    });
    expect(attached.status).toBe(303);
    // The later one joins the first's group by its footage, and brings the one grouped with it along.
    await expect.poll(async () => (await store.get(later.id))?.group, { timeout: 20_000 }).toEqual({ id: first.id, reason: 'media' });
    expect((await store.get(follower.id))?.group).toEqual({ id: first.id, reason: 'post' });
    const html = await placedPage();
    expect(cardOf(html, first.id)).toMatch(/Grouped with 2 other submissions/);
    expect(cardOf(html, later.id)).toMatch(new RegExp(`\\(same media\\).*#${first.id}`, 's'));
  });

  it('shows the closest debunks of the desk’s feed and of imported lists; "add as another appearance" updates the published one', async () => {
    const published = await send('merge-0001', { permalink: 'https://x.com/a/status/10', text: 'Convoy in Raqqa today', frames: CLIP });
    expect(
      (
        await formPost(`/review/${published.id}`, {
          decision: 'verify',
          verdict: 'false',
          reasonKind: 'old-footage',
          originalDate: '2017-06',
          claim: 'Video shows a convoy in Raqqa today',
          factCheckUrl: 'https://desk.example/fc/convoy',
        })
      ).status,
    ).toBe(303);
    const before = parseSanadFeed(await (await fetch(`${base}/feed.json`)).text(), 'desk');
    const reupload = await send('merge-0002', { permalink: 'https://x.com/z/status/99', text: 'مشهد جديد', frames: CLIP });
    const metro = await send('merge-0003', {
      permalink: 'https://x.com/m/status/5',
      text: 'The Damascus metro flooded after the storm, video',
    });

    const html = await placedPage();
    expect(cardOf(html, reupload.id)).toMatch(new RegExp(`Closest existing debunks.*this desk #${published.id} · same footage`, 's'));
    expect(cardOf(html, metro.id)).toMatch(/Closest existing debunks.*Partner Checks · similar claim/s);
    expect(cardOf(html, metro.id)).not.toContain('Add as another appearance');

    expect((await formPost(`/review/${reupload.id}/appearance`, { debunk: String(published.id) })).status).toBe(303);
    expect((await store.get(reupload.id))!.status).toBe('merged');
    const after = parseSanadFeed(await (await fetch(`${base}/feed.json`)).text(), 'desk');
    if (!before.ok || !after.ok) throw new Error('feed not readable');
    expect(after.sequence).toBeGreaterThan(before.sequence!);
    expect(after.debunks).toHaveLength(1);
    expect(after.debunks[0]!.appearances).toEqual(expect.arrayContaining(['https://x.com/a/status/10', 'https://x.com/z/status/99']));
    expect(after.debunks[0]!.media?.flatMap((m) => m.frames.map((f) => f.hash))).toEqual([CLIP, CLIP]);
    // The volunteer who sent the re-upload learns it is published, with the debunk's link.
    const status = await fetch(`${base}/v1/submissions/${reupload.id}/status`, {
      headers: { [STATUS_SECRET_HEADER]: reupload.statusSecret },
    });
    expect(await status.json()).toEqual({ stage: 'published', url: 'https://desk.example/fc/convoy' });
    // Only once, and only into a published item.
    expect((await formPost(`/review/${reupload.id}/appearance`, { debunk: String(published.id) })).status).toBe(404);
    expect((await formPost(`/review/${metro.id}/appearance`, { debunk: String(metro.id) })).status).toBe(404);
    expect(await page()).toMatch(
      new RegExp(`Added as another appearance of <a href="#s${published.id}">#${published.id}</a> by <bdi>Lina</bdi>`),
    );
  });

  it('groups a backlog in the background: the page answers at once and shows "Grouping…" until each is placed', async () => {
    // Stored without going through intake (as after a restart with a queue): nothing has placed them yet.
    const ids: number[] = [];
    for (let n = 0; n < 60; n++) {
      const outcome = await store.insert(
        submission(`backlog-${n}`, { permalink: `https://x.com/p/status/${Math.floor(n / 2)}`, text: `post ${n}` }) as Submission,
        'volunteer',
      );
      ids.push((outcome as { id: number }).id);
    }
    const html = await page();
    expect(cardOf(html, ids.at(-1)!)).toContain('Grouping…');
    await expect.poll(async () => (await page()).includes('Grouping…'), { timeout: 20_000 }).toBe(false);
    // Each second submission of a post joined the first.
    const second = await store.get(ids[1]!);
    expect(second!.group).toEqual({ id: ids[0], reason: 'post' });
    expect((await store.get(ids[2]!))!.group).toEqual({ id: ids[2] });
  });

  it('places submissions between pauses: timers and requests get turns while a backlog is grouped', async () => {
    const grouper = new SubmissionGrouper(store);
    for (let n = 0; n < 200; n++)
      await store.insert(
        submission(`pause-${n}`, { permalink: `https://x.com/q/status/${n}`, text: `رقم ${n} مشهد من حلب` }) as Submission,
        'volunteer',
      );
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await grouper.place();
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
    expect((await store.list({ limit: 300 })).filter((s) => !s.group)).toEqual([]);
  });

  it('stops on shutdown: a placement under way ends, none starts, and closing the store logs no failure', async () => {
    const grouper = new SubmissionGrouper(store);
    for (let n = 0; n < 200; n++)
      await store.insert(
        submission(`stop-${n}`, { permalink: `https://x.com/s/status/${n}`, text: `stop ${n} flooded street` }) as Submission,
        'volunteer',
      );
    const errors = vi.spyOn(console, 'error');
    try {
      // Shutdown arrives while the tenth placement is being written, whatever the machine's speed.
      let stopping: Promise<void> | undefined;
      const setGroup = store.setGroup.bind(store);
      let writes = 0;
      vi.spyOn(store, 'setGroup').mockImplementation(async (...args: Parameters<typeof store.setGroup>) => {
        const written = setGroup(...args);
        if (++writes === 10) stopping = grouper.stop();
        return written;
      });
      const placing = grouper.place();
      const outcome = placing.then(
        () => 'placed',
        (error: Error) => error.message,
      );
      await expect.poll(() => writes, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
      await stopping;
      const placed = (await store.list({ limit: 300 })).filter((s) => s.group).length;
      expect(placed).toBeLessThan(200);
      expect(await outcome).toBe('grouping stopped');
      await expect(grouper.place()).rejects.toThrow('grouping stopped');
      // The store closes under no query of the grouper's: nothing more is placed, nothing fails.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await store.list({ limit: 300 })).filter((s) => s.group).length).toBe(placed);
      await app.stop();
      await store.close();
      store = await openSqlStore(driver());
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('grouping failed'))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
});
