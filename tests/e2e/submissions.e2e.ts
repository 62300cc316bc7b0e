/**
 * Submissions in real Chromium against the real intake service on 127.0.0.1: a claim submitted from the popup
 * waits while the service is down and is delivered once when it is back; a queue survives a browser restart;
 * a reviewer verifies the claim by clicks in the desk console and another browser, subscribed to the desk's
 * feed, badges the post until the desk withdraws it; the volunteer's outbox shows it published, with the link.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, openPopup, settledBadges, subscribeToFeed, tabIdOf } from '../../scripts/support/extension-pages';
import { addReviewer, logInToConsole, startIntake, type RunningIntake } from '../../scripts/support/intake';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { SUBMISSION_CASE } from './cases';

const dir = mkdtempSync(join(tmpdir(), 'sanad-e2e-intake-'));
const dbFile = join(dir, 'intake.sqlite');
const profile = join(dir, 'profile');
const CLAIM = SUBMISSION_CASE.claim;
const local = (url: URL) => url.hostname === '127.0.0.1';

let intake: RunningIntake | null = null;
let port = 0;
let browser: SanadBrowser | null = null;

async function launch(): Promise<SanadBrowser> {
  const b = await launchWithSanad({ userDataDir: profile, keepUserDataDir: true });
  await serveSavedPages(b.context, { passThrough: local });
  return b;
}
const states = (page: Page) =>
  page.locator('[data-outbox-state]').evaluateAll((items) => items.map((i) => i.getAttribute('data-outbox-state')));

beforeAll(async () => {
  // Learn a free port, then leave the service down: the first submission is made "offline".
  const probe = await startIntake(dbFile);
  port = probe.port;
  await probe.stop();
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await intake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('submissions', () => {
  it(
    'queues a claim submitted from the popup while the service is down, and delivers it once when it is back',
    { timeout: 90_000 },
    async () => {
      const settings = await openOptions(browser!);
      await settings.locator('#intake-url').fill(`http://127.0.0.1:${port}`);
      await settings.getByRole('button', { name: 'Save' }).click();

      const page = await browser!.context.newPage();
      await page.goto('https://x.com/home');
      await settledBadges(page, { atLeast: 4 });
      const popup = await openPopup(browser!, await tabIdOf(browser!, page));
      const [form] = await Promise.all([
        browser!.context.waitForEvent('page'),
        popup.getByRole('button', { name: 'Submit a claim from this page' }).click(),
      ]);
      await form.waitForLoadState();
      // The posts Sanad read on the page are offered, nothing picked; a badged one says it is fact-checked.
      const choices = form.locator('.post-choices label.choice');
      await expect.poll(() => choices.count()).toBeGreaterThanOrEqual(10);
      expect(await form.getByRole('radio', { checked: true }).count()).toBe(0);
      await choices.filter({ hasText: 'already fact-checked' }).first().click();
      const already = form.locator('.already-checked');
      expect(await already.innerText()).toContain('Already fact-checked by');
      expect(await already.getByRole('link', { name: 'Read the fact-check' }).getAttribute('href')).toMatch(/^https:\/\//);
      await form.getByRole('radio', { name: /defence ministry announces a ceasefire/ }).check();
      expect(await already.count()).toBe(0);
      expect(await form.locator('#claim-text').inputValue()).toContain('defence ministry announces a ceasefire');
      await form.locator('#claim-text').fill(CLAIM);
      await form.getByRole('radio', { name: SUBMISSION_CASE.category }).check();
      await form.locator('#note').fill(SUBMISSION_CASE.note);
      mkdirSync(resolve(import.meta.dirname, '../../test-output'), { recursive: true });
      await form.screenshot({ path: resolve(import.meta.dirname, '../../test-output/submit-form-en.png'), fullPage: true });
      await form.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => form.locator('[role="status"]').innerText()).toContain('Queued');

      await settings.reload();
      await expect.poll(() => states(settings), { timeout: 20_000 }).toEqual(['retrying']);
      expect(await settings.locator('.outbox .error').innerText()).toMatch(/could not be reached/);

      intake = await startIntake(dbFile, port);
      await settings.getByRole('button', { name: 'Retry now' }).click();
      await expect.poll(() => states(settings), { timeout: 20_000 }).toEqual(['sent']);
      expect(await intake.store.count()).toBe(1);
      const [stored] = await intake.store.list();
      expect(stored).toMatchObject({
        kind: 'claim',
        category: SUBMISSION_CASE.categoryValue,
        note: SUBMISSION_CASE.note,
        post: { pageUrl: SUBMISSION_CASE.pageUrl, text: CLAIM, permalink: expect.stringMatching(/^https:\/\/x\.com\/[^/]+\/status\/\d+$/) },
      });
      await Promise.all([form.close(), popup.close(), page.close(), settings.close()]);
    },
  );

  it('reads the post under a right-click for the context menu, with its box for the screenshot', async () => {
    const page = await browser!.context.newPage();
    await page.goto('https://x.com/home');
    await settledBadges(page, { atLeast: 4 });
    await page.locator('article[data-testid="tweet"] [data-testid="tweetText"]').nth(2).dispatchEvent('contextmenu');
    const tabId = await tabIdOf(browser!, page);
    const reply = (await browser!.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { sanad: 'postAtMenu', data: {} }),
      tabId,
    )) as { ok: boolean; value: { post: { key: string }; rect: { width: number } } };
    const at = reply.value;
    expect(at.post.key).toBe('x:2009512270941053184');
    expect(at.rect.width).toBeGreaterThan(100);
    await page.close();
  });

  it('keeps a queue through a browser restart and delivers it when the browser starts again, once', { timeout: 90_000 }, async () => {
    await intake!.stop();
    intake = null;
    const settings = await openOptions(browser!);
    const form = await browser!.context.newPage();
    await form.goto(`chrome-extension://${browser!.extensionId}/submit.html`);
    await form.locator('#page-url').fill('https://x.com/someone/status/7001');
    await form.locator('#claim-text').fill('A second claim, submitted offline');
    // Nothing is chosen for the reader: Send asks for a category first.
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(0);
    await form.getByRole('button', { name: 'Send' }).click();
    expect(await form.locator('[role="status"]').count()).toBe(0);
    await form.getByRole('radio', { name: 'False claim' }).check();
    await form.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => form.locator('[role="status"]').count()).toBe(1);
    await settings.reload();
    await expect.poll(() => states(settings), { timeout: 20_000 }).toEqual(['retrying', 'sent']);

    await browser!.close();
    intake = await startIntake(dbFile, port);
    browser = await launch();
    // On start-up the worker sends what waited; nothing is lost and nothing is sent twice.
    await expect.poll(() => intake!.store.count(), { timeout: 30_000 }).toBe(2);
    const page = await openOptions(browser);
    await expect.poll(() => states(page), { timeout: 20_000 }).toEqual(['sent', 'sent']);
    const keys = (await intake.store.list()).map((s) => s.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });

  it(
    'a reviewer verifies the claim in the console by clicks; a browser subscribed to the desk feed badges the post until it is withdrawn',
    { timeout: 120_000 },
    async () => {
      const token = await addReviewer(intake!.store, 'Lina');
      const first = (await intake!.store.list()).find((s) => s.post.text === CLAIM)!;
      const reviewer = await browser!.context.newPage();
      await logInToConsole(reviewer, intake!.url, token);
      const card = reviewer.locator(`#s${first.id}`);
      const form = card.locator('form', { has: reviewer.getByRole('button', { name: 'Verify and publish' }) });
      await form.locator('select[name="verdict"]').selectOption('false');
      await form.locator('select[name="reasonKind"]').selectOption('old-footage');
      await form.locator('input[name="originalDate"]').fill('2017');
      await form.locator('input[name="originalPlace"]').fill('Manbij');
      await form.locator('input[name="conclusion"]').fill('Filmed in 2017 near Manbij.');
      await form.getByRole('button', { name: 'Verify and publish' }).click();
      await expect.poll(() => card.locator('.decided').getAttribute('data-status')).toBe('verified');

      // The volunteer opens their submissions: the outbox asks the desk, and shows "published" with the link.
      // No fact-check URL was given: the card links the desk's own page, and so does the outbox.
      const factCheckUrl = new URL((await intake!.store.get(first.id))!.review!.factCheckUrl ?? 'https://desk.example').href;
      const volunteer = await openOptions(browser!);
      const sent = volunteer.locator('[data-outbox-state="sent"]', { hasText: CLAIM.slice(0, 40) });
      const second = volunteer.locator('[data-outbox-state="sent"]', { hasText: 'A second claim' });
      const stageOf = (item: typeof sent) =>
        item
          .locator('[data-desk-stage]')
          .getAttribute('data-desk-stage', { timeout: 1_000 })
          .catch(() => null);
      // As a person would: reload the page until the answer is there (the list asks the desk each time it opens).
      await expect
        .poll(
          async () => {
            await volunteer.reload();
            await volunteer.waitForTimeout(2_500);
            return [await stageOf(sent), await stageOf(second)];
          },
          { timeout: 40_000, interval: 100 },
        )
        // The other submission, still pending but listed in the console, is in review.
        .toEqual(['published', 'in-review']);
      expect(await sent.locator('[data-desk-stage]').innerText()).toContain('Published as a fact-check');
      expect(await sent.getByRole('link', { name: 'Open the fact-check' }).getAttribute('href')).toBe(factCheckUrl);
      await volunteer.screenshot({ path: resolve(import.meta.dirname, '../../test-output/outbox-published-en.png'), fullPage: true });
      await volunteer.close();
      const key = await (await fetch(`${intake!.url}/feed-key`)).text();

      const other = await launchWithSanad();
      try {
        await serveSavedPages(other.context, {
          passThrough: local,
          pages: {
            'https://x.com/raqqa': `<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/someone/status/7002"><time datetime="2026-11-24T09:00:00Z">Nov 24</time></a></div><div data-testid="tweetText" lang="en">BREAKING video: tank convoy crossing the Euphrates bridge at Raqqa this morning!!</div></article></main>`,
          },
        });
        const options = await openOptions(other);
        await subscribeToFeed(options, `${intake!.url}/feed.json`, key, 'Test desk: 1 fact-check,');
        const page = await other.context.newPage();
        await page.goto('https://x.com/raqqa');
        expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
        expect(await page.locator('[data-sanad-badge]').getAttribute('data-sanad-badge')).toBe('false');

        // The desk withdraws it; the subscriber's next sync (a delta with its tombstone) takes the badge away.
        await card.locator('input[name="note"][required]').fill('Published by mistake.');
        await card.getByRole('button', { name: 'Withdraw from the feed' }).click();
        await expect.poll(() => intake!.store.get(first.id).then((s) => s?.status)).toBe('withdrawn');
        await options.getByRole('button', { name: 'Sync now' }).click();
        await feedLineContains(options, `${intake!.url}/feed.json`, 'Test desk: 0 fact-checks');
        await page.reload();
        expect(await settledBadges(page)).toBe(0);
      } finally {
        await other.close();
      }
    },
  );
});
