/**
 * The desk's whole loop in real Chromium, every step by clicks and typing, on SQLite and on PostgreSQL: a
 * volunteer submits two x.com posts of one clip through the popup's submit form (the poster's frame hashes go
 * with them) → the reviewer sees the later one grouped with the earlier, with the closest debunk of that footage
 * from a list the desk imports, attaches the hashes of the clip file the desk holds, and verifies it with an
 * old-footage reason → a second browser (fresh profile) subscribed to the desk's feed badges the post with that
 * reason → the volunteer's outbox says "published", with the link → the reviewer withdraws it → after the
 * subscriber's "Sync now" the badge is gone. Console screenshots in both languages go to test-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFile } from '../../scripts/media/fingerprint';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { clickInShadow, panelText, waitForInShadow } from '../../scripts/support/closed-shadow';
import { feedLineContains, openOptions, openPopup, settledBadges, subscribeToFeed, tabIdOf } from '../../scripts/support/extension-pages';
import { addReviewer, logInToConsole, startIntake, type RunningIntake } from '../../scripts/support/intake';
import { serveSavedPages, type ServeOptions } from '../../scripts/support/saved-pages';
import { startThrowawayPostgres } from '../../server/test-support/postgres';

const OUT = resolve(import.meta.dirname, '../../test-output');
const VIDEOS = resolve(import.meta.dirname, '../../../shared/media/videos');
const work = mkdtempSync(join(tmpdir(), 'sanad-desk-loop-'));
const local = (url: URL) => url.hostname === '127.0.0.1';

// One clip, posted twice: the same poster frame under two CDN addresses (grouping must go by its hashes).
const EARLIER_POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/6101/pu/img/first.jpg';
const LATER_POSTER = 'https://pbs.twimg.com/ext_tw_video_thumb/6202/pu/img/again.jpg';
const EARLIER_TEXT = 'Convoy of armoured vehicles entering Deir ez-Zor tonight, video from a resident';
const LATER_TEXT = 'Just now: tanks roll into Deir ez-Zor, watch before it is deleted';
const PAGE = 'https://x.com/i/lists/6100';
const tweet = (handle: string, status: string, text: string, poster: string) => `
<article data-testid="tweet"><div data-testid="User-Name"><a href="/${handle}">${handle}</a>
<a href="/${handle}/status/${status}"><time datetime="2026-11-30T21:00:00.000Z">Nov 30</time></a></div>
<div data-testid="tweetText" lang="en">${text}</div>
<div data-testid="videoComponent"><video preload="none" poster="${poster}"></video></div></article>`;

let serve: ServeOptions;
let partnerList: string;
/** What `npm run media -- hash` prints for the clip the desk holds (the same function, the same line). */
let deskFingerprint: string;

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  const poster = join(work, 'poster.jpg');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    '6',
    '-i',
    join(VIDEOS, 'chair-20-sd-bar.mp4'),
    '-frames:v',
    '1',
    '-q:v',
    '3',
    poster,
  ]);
  const jpeg = readFileSync(poster);
  serve = {
    passThrough: local,
    files: { [EARLIER_POSTER]: { type: 'image/jpeg', body: jpeg }, [LATER_POSTER]: { type: 'image/jpeg', body: jpeg } },
    pages: {
      [PAGE]:
        '<!doctype html><main>' +
        tweet('deirresident', '6101', EARLIER_TEXT, EARLIER_POSTER) +
        tweet('breakingnow', '6202', LATER_TEXT, LATER_POSTER) +
        '</main>',
    },
  };
  // Another desk's debunk of the same footage (another version of the clip), in a list this desk imports.
  partnerList = join(work, 'partner.json');
  writeFileSync(
    partnerList,
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        identifier: 'partner-convoy-2019',
        url: 'https://partner.example/fc/convoy-2019',
        claimReviewed: 'Video shows a convoy entering the city this week',
        author: { '@type': 'Organization', name: 'Partner Checks' },
        reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
        fingerprints: [{ kind: 'video', frames: fingerprintFile(join(VIDEOS, 'chair-19-sd-bar.mp4')).frames }],
      },
    ]),
  );
  deskFingerprint = `${JSON.stringify(fingerprintFile(join(VIDEOS, 'chair-22-with-large-logo-bar.mp4')))}\n`;
  writeFileSync(join(work, 'convoy-fingerprint.json'), deskFingerprint);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The volunteer picks a post in the popup's submit form, says why, and sends it. */
async function submitFromPopup(volunteer: SanadBrowser, page: Page, text: string, note: string): Promise<void> {
  const popup = await openPopup(volunteer, await tabIdOf(volunteer, page));
  const [form] = await Promise.all([
    volunteer.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Submit a claim from this page' }).click(),
  ]);
  await form.waitForLoadState();
  await form.getByRole('radio', { name: new RegExp(text.slice(0, 30)) }).check();
  await form.getByRole('radio', { name: 'Old footage shown as new' }).check();
  await form.locator('#note').fill(note);
  await form.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => form.locator('[role="status"]').count()).toBe(1);
  await Promise.all([form.close(), popup.close()]);
}

const outboxStates = (page: Page) =>
  page.locator('[data-outbox-state]').evaluateAll((items) => items.map((i) => i.getAttribute('data-outbox-state')));

const DATABASES: { name: string; open: () => Promise<{ database: string; stop: () => Promise<void> } | undefined> }[] = [
  {
    name: 'SQLite',
    open: async () => ({ database: join(work, 'intake.sqlite'), stop: async () => {} }),
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const given = process.env.DATABASE_URL;
      if (given) {
        const client = new pg.Client(given);
        await client.connect();
        await client.query('DROP TABLE IF EXISTS submissions, reviewers, meta, counters, sessions, audit');
        await client.end();
        return { database: given, stop: async () => {} };
      }
      const cluster = await startThrowawayPostgres();
      return cluster && { database: cluster.url, stop: async () => cluster.stop() };
    },
  },
];

describe.each(DATABASES)('the desk loop on $name', ({ name, open }) => {
  const tag = name.toLowerCase();
  let db: Awaited<ReturnType<typeof open>>;
  let intake: RunningIntake;
  let volunteer: SanadBrowser;

  beforeAll(async () => {
    db = await open();
    if (!db) throw new Error('PostgreSQL is not installed: apt-get install postgresql, or set DATABASE_URL');
    intake = await startIntake(db.database, 0, undefined, { imports: [{ name: 'partner', location: partnerList }] });
    volunteer = await launchWithSanad();
    await serveSavedPages(volunteer.context, serve);
  }, 60_000);
  afterAll(async () => {
    await volunteer?.close();
    await intake?.stop();
    await db?.stop();
  });

  it('submit → group → verify → badge → published → withdraw → badge gone', { timeout: 150_000 }, async () => {
    const started = Date.now();
    // The volunteer points the extension at the desk and submits two posts of one clip from the popup.
    const settings = await openOptions(volunteer);
    await settings.locator('#intake-url').fill(intake.url);
    await settings.getByRole('button', { name: 'Save' }).click();
    const page = await volunteer.context.newPage();
    await page.goto(PAGE);
    await settledBadges(page);
    await submitFromPopup(volunteer, page, EARLIER_TEXT, 'Posted by a resident, looks older');
    await submitFromPopup(volunteer, page, LATER_TEXT, 'The same clip as the convoy one yesterday');
    await settings.reload();
    await expect.poll(() => outboxStates(settings), { timeout: 20_000 }).toEqual(['sent', 'sent']);
    const [later, earlier] = await intake.store.list();
    expect(later!.post.media[0]!.frames?.length).toBe(1);

    // The reviewer logs in: the later submission is grouped with the earlier one (same media) and shows the
    // imported debunk of that footage.
    const token = await addReviewer(intake.store, 'Lina');
    const desk = await volunteer.context.newPage();
    await logInToConsole(desk, intake.url, token);
    const card = desk.locator(`#s${later!.id}`);
    await expect
      .poll(
        async () => {
          await desk.goto(`${intake.url}/review?lang=en`);
          return card.locator('.group').count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await card.locator('.group').innerText()).toBe(`Grouped with 1 other submission (same media): #${earlier!.id} New`);
    const closest = card.getByRole('region', { name: 'Closest existing debunks' });
    expect(await closest.innerText()).toMatch(/Misleading · .*a convoy entering the city this week.*Partner Checks · same footage/s);

    // The desk holds the original clip: it attaches that file's hashes (the JSON `npm run media -- hash` printed).
    await card.getByText('Attach frame hashes of a file the desk holds').click();
    if (tag === 'sqlite') await card.locator('input[name="file"]').setInputFiles(join(work, 'convoy-fingerprint.json'));
    else await card.locator('textarea[name="fingerprint"]').fill(deskFingerprint);
    await card.getByRole('button', { name: 'Attach the hashes' }).click();
    await desk.waitForURL(new RegExp(`#s${later!.id}$`));
    expect(await card.locator('.media').innerText()).toMatch(/^Frame hashes: \d{3} · the desk’s file chair-22-with-large-logo-bar\.mp4$/);
    await desk.screenshot({ path: `${OUT}/desk-loop-console-en-${tag}.png` });
    await desk.getByRole('link', { name: 'العربية' }).click();
    expect(await desk.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.group').innerText()).toContain('الوسائط نفسها');
    await desk.screenshot({ path: `${OUT}/desk-loop-console-ar-${tag}.png` });
    await desk.getByRole('link', { name: 'English' }).click();

    // Verified with an old-footage reason: when, where, and the original.
    const form = card.locator('form', { has: desk.getByRole('button', { name: 'Verify and publish' }) });
    await form.locator('select[name="verdict"]').selectOption('misleading');
    await form.locator('select[name="reasonKind"]').selectOption('old-footage');
    await form.locator('input[name="originalDate"]').fill('2019-05');
    await form.locator('input[name="originalPlace"]').fill('Hama');
    await form.locator('input[name="originalUrl"]').fill('https://archive.example/convoy-2019');
    await form.locator('input[name="conclusion"]').fill('Filmed in Hama in May 2019, not in Deir ez-Zor now.');
    await form.locator('input[name="factCheckUrl"]').fill('https://desk.example/fc/deir-convoy');
    await form.getByRole('button', { name: 'Verify and publish' }).click();
    await expect.poll(() => card.locator('.decided').getAttribute('data-status')).toBe('verified');

    // A reader's browser, fresh profile, subscribes to the desk's feed with the key the desk publishes.
    const reader = await launchWithSanad();
    try {
      await serveSavedPages(reader.context, serve);
      const keyPage = await reader.context.newPage();
      await keyPage.goto(`${intake.url}/feed-key`);
      const key = (await keyPage.locator('body').innerText()).trim();
      await keyPage.close();
      const options = await openOptions(reader);
      const feedUrl = `${intake.url}/feed.json`;
      await subscribeToFeed(options, feedUrl, key, 'Test desk: 1 fact-check,');
      const post = await reader.context.newPage();
      await post.goto(PAGE);
      await settledBadges(post, { atLeast: 1, timeout: 20_000 });
      const host = 'article:has(a[href="/breakingnow/status/6202"]) [data-sanad-badge]';
      expect(await post.locator(host).getAttribute('data-sanad-badge')).toBe('misleading');
      await post.locator(host).click();
      await waitForInShadow(post, host, '.sanad-panel');
      expect(await panelText(post, host)).toMatch(/First published in May 2019, Hama/);
      await clickInShadow(post, host, '.sanad-close');

      // The volunteer's outbox asks the desk: "published", with the link to the fact-check.
      const outbox = await openOptions(volunteer);
      const sent = outbox.locator('[data-outbox-state="sent"]', { hasText: LATER_TEXT.slice(0, 30) });
      await expect
        .poll(
          async () => {
            await outbox.reload();
            await outbox.waitForSelector('main[data-ready]');
            return sent
              .locator('[data-desk-stage]')
              .getAttribute('data-desk-stage', { timeout: 2_500 })
              .catch(() => null);
          },
          { timeout: 30_000, interval: 200 },
        )
        .toBe('published');
      expect(await sent.getByRole('link', { name: 'Open the fact-check' }).getAttribute('href')).toBe(
        'https://desk.example/fc/deir-convoy',
      );

      // The reviewer withdraws it; the reader's "Sync now" takes the badge away.
      await card.locator('input[name="note"][required]').fill('Published by mistake: the place is not confirmed.');
      await card.getByRole('button', { name: 'Withdraw from the feed' }).click();
      await expect.poll(() => card.locator('.decided').getAttribute('data-status')).toBe('withdrawn');
      await options.getByRole('button', { name: 'Sync now' }).click();
      await feedLineContains(options, feedUrl, 'Test desk: 0 fact-checks');
      await post.reload();
      expect(await settledBadges(post)).toBe(0);
    } finally {
      await reader.close();
    }
    console.info(`desk loop on ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
