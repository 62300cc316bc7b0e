/**
 * Feed subscriptions in real Chromium: subscribe from the options page, a newly published debunk badges a
 * post; a poisoned update (signed with another key) is refused and the earlier badges stay.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, settledBadges, subscribeToFeed } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { FEED_CASE } from './cases';

const FEED_URL = FEED_CASE.url;
const OUT = resolve(import.meta.dirname, '../../test-output');
let browser: SanadBrowser;
let feedBody = '';
let keys: { privateKeyPkcs8: string; publicKey: string };

const claim = FEED_CASE.claim;
const feedWith = async (items: unknown[], key = keys) =>
  JSON.stringify(
    await signFeed(
      { sanadFeed: 1, publisher: { name: FEED_CASE.publisher }, generated: new Date().toISOString(), items, tombstones: [] },
      key.privateKeyPkcs8,
      key.publicKey,
    ),
  );
const item = FEED_CASE.item;

beforeAll(async () => {
  keys = await generateFeedKeys();
  feedBody = await feedWith([item('tank-convoy', claim)]);
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, {
    pages: { [FEED_CASE.pageUrl]: FEED_CASE.page },
  });
  // The feed host: answered through routing, with CORS as static hosts usually send.
  await browser.context.route(FEED_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: feedBody }),
  );
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('feed subscriptions', () => {
  it('subscribes from the options page and badges a post the new debunk covers', { timeout: 60_000 }, async () => {
    const options = await openOptions(browser);
    await subscribeToFeed(options, FEED_URL, keys.publicKey, FEED_CASE.line);

    const page = await browser.context.newPage();
    await page.goto(FEED_CASE.pageUrl);
    expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
    await page.close();
  });

  it('refuses a poisoned update and keeps the earlier list (and badges)', { timeout: 60_000 }, async () => {
    feedBody = await feedWith([item('tank-convoy', claim, 'True')], await generateFeedKeys());
    const options = await openOptions(browser);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await feedLineContains(options, FEED_URL, 'different key');
    // Beside the feed, in plain words and error styling, saying what Sanad keeps; the technical reason under it.
    const failure = options.locator(`[data-feed="${FEED_URL}"] .feed-error`);
    expect(await failure.locator('p').first().innerText()).toBe(
      'The feed’s signature does not match the desk’s key, so Sanad did not trust it. Sanad keeps the 1 fact-check it already has from it.',
    );
    expect(await options.locator('.notice').innerText()).not.toContain('different key');
    mkdirSync(OUT, { recursive: true });
    await options.screenshot({ path: `${OUT}/options-failing-feed-en.png`, fullPage: true });
    await options.locator('input[name="language"][value="ar"]').check();
    await expect
      .poll(() => failure.locator('p').first().innerText())
      .toBe('توقيع المصدر لا يطابق مفتاح جهة التحقق، فلم يثق به سند. يحتفظ سند بالتحقق الوحيد الذي لديه منه.');
    await options.screenshot({ path: `${OUT}/options-failing-feed-ar.png`, fullPage: true });
    await options.locator('input[name="language"][value="auto"]').check();
    const page = await browser.context.newPage();
    await page.goto(FEED_CASE.pageUrl);
    expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
  });

  it('keeps a feed that failed when first added as failing, and reads it after "Try again"', { timeout: 60_000 }, async () => {
    const lateUrl = new URL('/late-feed.json', FEED_URL).href;
    let lateBody: string | null = null;
    await browser.context.route(lateUrl, (route) =>
      lateBody === null
        ? route.fulfill({ status: 404, body: 'not found' })
        : route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: lateBody }),
    );
    const options = await openOptions(browser);
    await options.locator('input[name="feed-url"]').fill(lateUrl);
    await options.locator('select[name="feed-kind"]').selectOption('claimreview');
    await options.getByRole('button', { name: 'Add feed' }).click();
    const failure = options.locator(`[data-feed="${lateUrl}"] .feed-error`);
    await expect
      .poll(() => failure.locator('p').first().innerText())
      .toBe('Nothing was found at this address (the feed may have moved). Nothing has been read from this feed yet.');
    expect(await options.locator('body').innerText()).not.toMatch(/previous list|feed:https?:/);

    lateBody = JSON.stringify([item('late-item', 'A claim the late feed carries')]);
    await options.getByRole('button', { name: `Try ${new URL(lateUrl).host} again` }).click();
    await expect.poll(() => failure.count()).toBe(0);
    expect(await options.locator(`[data-feed="${lateUrl}"]`).innerText()).toContain('1 fact-check');
    expect(await options.locator('body').innerText()).not.toMatch(/feed:https?:/);
    await options.close();
  });

  it('syncs on the schedule the user picks', { timeout: 30_000 }, async () => {
    const options = await openOptions(browser);
    const period = () => browser.serviceWorker.evaluate(async () => (await chrome.alarms.get('sanad-feed-sync'))?.periodInMinutes);
    await expect.poll(period).toBe(6 * 60);
    await options.locator('select[name="feed-sync-hours"]').selectOption('12');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect.poll(period).toBe(12 * 60);
    await options.close();
  });
});
