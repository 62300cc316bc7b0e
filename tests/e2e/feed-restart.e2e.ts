/**
 * A browser closed in the middle of a feed sync loses nothing: the list from the last good sync is still
 * there after the restart (and still badges), and the next sync brings the update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFeedKeys, signFeed } from '../../lib/feeds/signature';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, settledBadges, subscribeToFeed } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { FEED_CASE } from './cases';

const FEED_URL = 'https://desk.example.org/restart-feed.json';
const profile = mkdtempSync(join(tmpdir(), 'sanad-restart-'));
const tweet = (id: number, text: string) =>
  `<article data-testid="tweet"><div data-testid="User-Name"><a href="/someone/status/${id}"><time datetime="2026-11-24T09:00:00Z">Nov 24</time></a></div><div data-testid="tweetText" lang="en">${text}</div></article>`;
const PAGE = `<!doctype html><main>${tweet(8001, 'BREAKING video: tank convoy crossing the Euphrates bridge at Raqqa this morning!!')}${tweet(8002, 'Footage shows the old Aleppo citadel bridge collapsing after shelling last night, shocking scenes')}</main>`;
const item = (id: string, claimReviewed: string) => ({
  '@type': 'ClaimReview',
  identifier: id,
  claimReviewed,
  reviewRating: { alternateName: 'False' },
  author: { name: 'Desk Example' },
  url: `https://desk.example.org/${id}`,
});
const ITEM_A = item('convoy', 'A video shows a tank convoy crossing the Euphrates bridge at Raqqa this morning');
const ITEM_B = item('citadel-bridge', 'Footage shows the Aleppo citadel bridge collapsing after shelling last night');

let browser: SanadBrowser | null = null;
afterAll(async () => {
  await browser?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
});

async function launch(serveFeed: (route: import('playwright-core').Route) => Promise<void>) {
  const b = await launchWithSanad({ userDataDir: profile, keepUserDataDir: true });
  await serveSavedPages(b.context, { pages: { 'https://x.com/restart': PAGE } });
  await b.context.route(FEED_URL, serveFeed);
  return b;
}
const badges = async (b: SanadBrowser) => {
  const page = await b.context.newPage();
  await page.goto('https://x.com/restart');
  await settledBadges(page);
  const verdicts = await page
    .locator('article')
    .evaluateAll((posts) => posts.map((p) => p.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
  await page.close();
  return verdicts;
};

describe('a browser restarted mid-sync', () => {
  it('keeps the last good list through the restart and takes the update on the next sync', { timeout: 120_000 }, async () => {
    const keys = await generateFeedKeys();
    const feed = async (items: unknown[]) =>
      JSON.stringify(
        await signFeed(
          { sanadFeed: 1, publisher: { name: 'Desk Example' }, generated: new Date().toISOString(), items, tombstones: [] },
          keys.privateKeyPkcs8,
          keys.publicKey,
        ),
      );
    const v1 = await feed([ITEM_A]);
    const v2 = await feed([ITEM_A, ITEM_B]);
    const headers = { 'access-control-allow-origin': '*' };

    // 1. Subscribe to version 1.
    let slow = false;
    let requestedDuringSlow!: () => void;
    const requested = new Promise<void>((resolve) => (requestedDuringSlow = resolve));
    browser = await launch(async (route) => {
      if (!slow) return route.fulfill({ status: 200, contentType: 'application/json', headers, body: v1 });
      requestedDuringSlow();
      // Version 2 starts to arrive and never finishes: the browser closes first.
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      await route.fulfill({ status: 200, contentType: 'application/json', headers, body: v2 }).catch(() => {});
    });
    const options = await openOptions(browser);
    await subscribeToFeed(options, FEED_URL, keys.publicKey, FEED_CASE.line);
    expect(await badges(browser)).toEqual(['false', null]);

    // 2. A sync starts, and the browser is closed in the middle of it.
    slow = true;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await requested;
    await browser.close();

    // 3. After the restart (whose own first sync finds the desk's server failing) the earlier list is intact
    // and still badges; the next sync brings version 2.
    let serverUp = false;
    browser = await launch((route) =>
      serverUp
        ? route.fulfill({ status: 200, contentType: 'application/json', headers, body: v2 })
        : route.fulfill({ status: 503, contentType: 'text/plain', headers, body: 'down' }),
    );
    const again = await openOptions(browser);
    await feedLineContains(again, FEED_URL, FEED_CASE.line);
    expect(await badges(browser)).toEqual(['false', null]);
    serverUp = true;
    await again.getByRole('button', { name: 'Sync now' }).click();
    await feedLineContains(again, FEED_URL, 'Desk Example: 2 fact-checks,');
    expect(await badges(browser)).toEqual(['false', 'false']);
  });
});
