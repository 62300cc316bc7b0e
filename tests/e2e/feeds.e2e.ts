/**
 * Feed subscriptions in real Chromium: subscribe from the options page, a newly published debunk badges a
 * post; a poisoned update (signed with another key) is refused and the earlier badges stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, settledBadges, subscribeToFeed } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { FEED_CASE } from './cases';

const FEED_URL = FEED_CASE.url;
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
    const page = await browser.context.newPage();
    await page.goto(FEED_CASE.pageUrl);
    expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
  });

  it('syncs on the schedule the user picks', { timeout: 30_000 }, async () => {
    const options = await openOptions(browser);
    const period = () => browser.serviceWorker.evaluate(async () => (await chrome.alarms.get('sanad-feed-sync'))?.periodInMinutes);
    await expect.poll(period).toBe(6 * 60);
    await options.locator('select[name="feed-sync-hours"]').selectOption('12');
    await expect.poll(period).toBe(12 * 60);
    await options.close();
  });
});
