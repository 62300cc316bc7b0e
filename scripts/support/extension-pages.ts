/** Helpers to look at what the extension did in a browser launched by launchWithSanad. */
import type { Page } from 'playwright-core';
import type { TabResults } from '../../lib/wire/shapes';
import type { SanadBrowser } from './chromium';

/** The browser's tab id of a page, asked from the extension's service worker. */
export async function tabIdOf(browser: SanadBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.serviceWorker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === href)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab found for ${url}`);
  return id;
}

/** Opens the popup for a tab (`popup.html?tab=<id>`) in a page of its own. */
export async function openPopup(browser: SanadBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main .count, main .empty, main [role="alert"]', { state: 'attached', timeout: 10_000 });
  return popup;
}

/** The tab's results, as the popup gets them. */
export async function tabResults(extensionPage: Page, tabId: number): Promise<TabResults> {
  const reply = await extensionPage.evaluate((id) => chrome.runtime.sendMessage({ sanad: 'tabResults', data: { tabId: id } }), tabId);
  if (!reply?.ok) throw new Error(`tabResults failed: ${reply?.error}`);
  return reply.value as TabResults;
}

/** Waits until the page's badge count stops changing (the scanner batches for ~50 ms). */
export async function settledBadges(page: Page, { atLeast = 0, timeout = 10_000 } = {}): Promise<number> {
  const deadline = Date.now() + timeout;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const count = await page.locator('[data-sanad-badge]').count();
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (count >= atLeast && Date.now() - stableSince > 700) {
      return count;
    }
    await page.waitForTimeout(100);
  }
  return last;
}

/**
 * Scrolls a page from top to bottom by the mouse wheel, a screen at a time, as a reader does, then back to the
 * top: Sanad reads posts as they come near the viewport, not the whole document at once.
 */
export async function scrollThrough(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  // Over the middle of the page's content, not a sidebar that scrolls on its own.
  await page.mouse.move(size.width / 2, size.height / 2);
  // Saved pages without their CSS can be 100,000 px tall: a screen a step, a short pause for the scanner.
  for (let step = 0; step < 400; step++) {
    const before = await page.evaluate(() => scrollY);
    if (await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2)) break;
    await page.mouse.wheel(0, size.height);
    await page.waitForTimeout(60);
    // The wheel landed on an element that scrolls by itself: the keyboard scrolls the page.
    if ((await page.evaluate(() => scrollY)) === before) await page.keyboard.press('PageDown');
    if ((await page.evaluate(() => scrollY)) === before) break;
  }
  await page.evaluate(() => scrollTo(0, 0));
}

/** The options page of the extension, open in a new tab. */
export async function openOptions(browser: SanadBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Acting before the page has its settings and counts races the first load (a change saved, then overwritten on screen).
  await page.waitForSelector('main[data-ready]');
  return page;
}

/** Subscribes to a Sanad feed from the options page, as a user does, and waits for its first sync. */
export async function subscribeToFeed(options: Page, url: string, publicKey: string, expected: string): Promise<void> {
  await options.locator('input[name="feed-url"]').fill(url);
  await options.locator('input[name="feed-key"]').fill(publicKey);
  await options.getByRole('button', { name: 'Add feed' }).click();
  await feedLineContains(options, url, expected);
}

/** Waits until the options page's line for the feed at `url` shows `text`. */
export async function feedLineContains(options: Page, url: string, text: string, timeout = 20_000): Promise<void> {
  await options.locator(`[data-feed="${url}"]`).filter({ hasText: text }).waitFor({ timeout });
}
