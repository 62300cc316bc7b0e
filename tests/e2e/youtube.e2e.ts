/** The built extension in real Chromium on saved youtube.com pages served under www.youtube.com. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { badgeCount, caseFor, verdictsIn } from './cases';

const WATCH = caseFor('https://www.youtube.com/watch?v=hK9fL2xQw0E');

let browser: SanadBrowser;
beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
});
afterAll(async () => {
  await browser?.close();
});

describe('youtube.com', () => {
  it('badges a watch page of a debunked video id, and the debunked video in the side list only', async () => {
    const page = await browser.context.newPage();
    await page.goto(WATCH.url);
    expect(await settledBadges(page, { atLeast: badgeCount(WATCH) })).toBe(badgeCount(WATCH));
    expect(await page.locator('ytd-watch-metadata #title [data-sanad-badge]').getAttribute('data-sanad-badge')).toBe('misleading');
    expect(await page.evaluate(verdictsIn, WATCH.posts)).toEqual(WATCH.verdicts);

    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const text = await popup.locator('main').innerText();
    for (const line of WATCH.popup!) expect(text).toContain(line);
    await popup.close();
    await page.close();
  });

  it('badges debunked videos in the home grid, once each', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.youtube.com/');
    expect(await settledBadges(page, { atLeast: 2 })).toBe(2);
    const grid = await page
      .locator('ytd-rich-item-renderer')
      .evaluateAll((items) => items.map((i) => i.querySelectorAll('[data-sanad-badge]').length));
    expect(grid).toEqual([1, 0, 1, 0, 0, 0]);
    await page.close();
  });
});
