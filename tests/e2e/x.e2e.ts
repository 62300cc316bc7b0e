/**
 * The built extension in real Chromium on a saved x.com home timeline served under x.com itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

let browser: SanadBrowser;
let page: Page;

const verdictsByPost = (p: Page) =>
  p.locator('article[data-testid="tweet"]').evaluateAll((articles) =>
    articles.map((a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null),
  );

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await settledBadges(page, { atLeast: 4 });
});
afterAll(async () => {
  await browser?.close();
});

describe('x.com timeline', () => {
  it('badges the debunked posts and leaves true news alone', async () => {
    expect(await verdictsByPost(page)).toEqual([
      'altered', // Arabic paraphrase of the AI-video claim, spelled differently
      null, // true news: withdrawal from Sheikh Maqsoud
      'altered', // the debunked post itself (same status id)
      null, // true news: defections
      'misleading', // the 2019 Hama video re-shared as an Aleppo escape
      null, // true news in English: ceasefire announced
      'altered', // links to the debunked YouTube video through t.co
      null, // true news: truce denied
    ]);
  });

  it('puts the badge in a shadow root in the header, with an accessible name, and opens the reasons from the keyboard', async () => {
    const first = page.locator('article[data-testid="tweet"]').first();
    const host = first.locator('[data-testid="User-Name"] [data-sanad-badge]');
    await expect(host.count()).resolves.toBe(1);
    const button = host.locator('button.sanad-badge');
    expect(await button.getAttribute('aria-label')).toBe('Sanad: fact-checked as “Fabricated or altered”. Show why');
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = host.locator('.sanad-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Lip movement does not match the speech');
    expect(text).toContain('Read the fact-check');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('lists each verdict with its reasons, source and how it matched in the popup', async () => {
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    try {
      const text = await popup.locator('main').innerText();
      expect(text).toContain('4 debunked post(s) on this page');
      expect(text).toContain('Fabricated or altered');
      expect(text).toContain('Lip movement does not match the speech');
      expect(text).toContain('Blurry, smeared scenes');
      expect(text).toContain('First published in July 2019, Hama countryside');
      expect(text).toContain('Fact-check by مسبار (Misbar)');
      expect(text).toMatch(/Matched: similar wording — (strong|moderate) \(\d+%\)/);
      expect(text).toContain('Matched: the same video or post the fact-check names');
      expect(await popup.locator('a.sanad-link').first().getAttribute('href')).toBe('https://misbar.com/factcheck');
      // One entry per debunk, certain matches first, each with the posts it matched.
      const groups = await popup.locator('.groups > .group').evaluateAll((els) =>
        els.map((e) => [e.querySelector('.sanad-how')!.getAttribute('data-how'), e.querySelectorAll('.post').length]),
      );
      expect(groups).toEqual([
        ['same-media', 3],
        ['similar-text', 1],
      ]);
    } finally {
      await popup.close();
    }
  });

  it('badges posts that arrive by infinite scroll', async () => {
    await page.evaluate(() => {
      const cells = document.querySelectorAll('[data-testid="cellInnerDiv"]');
      const clone = cells[1]!.cloneNode(true) as HTMLElement;
      clone.querySelector('[data-testid="tweetText"]')!.textContent =
        'مقطع فيديو يظهر اسر عناصر من الجيش السوري على ايدي قوات سوريا الديمقراطيه قسد في مدينة حلب، انشروه';
      clone.querySelector('a[href*="/status/"] time')!.parentElement!.setAttribute('href', '/late_poster/status/2010000000000000001');
      cells[cells.length - 1]!.after(clone);
    });
    await settledBadges(page, { atLeast: 5 });
    expect((await verdictsByPost(page)).at(-1)).toBe('altered');
  });

  it('starts over after SPA navigation: old results go, the new page is scanned', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/explore');
      const timeline = document.querySelector('[aria-label^="Timeline"] > div')!;
      const cells = [...timeline.querySelectorAll('[data-testid="cellInnerDiv"]')];
      cells.forEach((cell, i) => i !== 4 && cell.remove()); // keep only the Hama post
    });
    const tabId = await tabIdOf(browser, page);
    const popupPage = await openPopup(browser, tabId);
    try {
      await expect
        .poll(async () => (await tabResults(popupPage, tabId)).pageUrl, { timeout: 10_000 })
        .toBe('https://x.com/explore');
      await expect
        .poll(async () => (await tabResults(popupPage, tabId)).posts.map((p) => p.badge?.debunk.verdict), { timeout: 10_000 })
        .toEqual(['misleading']);
    } finally {
      await popupPage.close();
    }
    expect(await verdictsByPost(page)).toEqual(['misleading']);
  });
});
