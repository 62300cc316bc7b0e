/** The built extension in real Chromium on saved youtube.com pages served under www.youtube.com. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

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
    await page.goto('https://www.youtube.com/watch?v=hK9fL2xQw0E');
    expect(await settledBadges(page, { atLeast: 2 })).toBe(2);
    expect(await page.locator('ytd-watch-metadata #title [data-sanad-badge]').getAttribute('data-sanad-badge')).toBe('misleading');
    const side = await page.locator('#secondary yt-lockup-view-model').evaluateAll((items) =>
      items.map((i) => i.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null),
    );
    expect(side).toEqual(['altered', null, null, null]);

    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const text = await popup.locator('main').innerText();
    expect(text).toContain('First published in July 2019, Hama countryside');
    expect(text).toContain('Matched: the same video or post the fact-check names');
    await popup.close();
    await page.close();
  });

  it('badges debunked videos in the home grid, once each', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.youtube.com/');
    expect(await settledBadges(page, { atLeast: 2 })).toBe(2);
    const grid = await page.locator('ytd-rich-item-renderer').evaluateAll((items) =>
      items.map((i) => i.querySelectorAll('[data-sanad-badge]').length),
    );
    expect(grid).toEqual([1, 0, 1, 0, 0, 0]);
    await page.close();
  });
});
