/** The popup's language, direction and empty state, in real Chromium. */
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { badgeState } from '../../scripts/support/closed-shadow';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { X_FIRST_BADGE } from './cases';

let browser: SanadBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('popup', () => {
  it('speaks Arabic right-to-left in an Arabic browser', async () => {
    browser = await launchWithSanad({ lang: 'ar' });
    await serveSavedPages(browser.context);
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await settledBadges(page, { atLeast: 4 });
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    const text = await popup.locator('main').innerText();
    expect(text).toContain('مولَّد بالذكاء الاصطناعي');
    expect(text).toMatch(/(4|٤) منشورات مُفنَّدة في هذه الصفحة/); // Arabic's 3–10 plural form
    expect(text).toContain('حركة الشفاه لا تطابق الكلام');
    expect(text).toContain('ريف حماة');
    expect(text).toContain('اقرأ التحقق');
    // On the page, the badge speaks the site's own UI language (this x.com is in English), like the page around it.
    expect((await badgeState(page, '[data-sanad-badge]'))?.label).toBe(X_FIRST_BADGE.label);
  });

  it('shows a clear empty state on a page with nothing debunked', async () => {
    browser = await launchWithSanad();
    await serveSavedPages(browser.context, {
      pages: {
        'https://x.com/quiet':
          '<!doctype html><main><article data-testid="tweet"><div data-testid="User-Name"><a href="/a/status/1"><time datetime="2026-01-01T00:00:00Z">Jan 1</time></a></div><div data-testid="tweetText">Lovely weather in Aleppo today, the citadel looks beautiful at sunset.</div></article></main>',
      },
    });
    const page = await browser.context.newPage();
    await page.goto('https://x.com/quiet');
    expect(await settledBadges(page)).toBe(0);
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const empty = await popup.locator('.empty').innerText();
    expect(empty).toContain('No debunked posts found on this page');
    expect(empty).toMatch(/against 2 fact-checks stored on your device/);
    expect(empty).toContain('on X (Twitter), Facebook, YouTube, TikTok, Instagram, and Telegram Web');
    // Even with nothing matched, the popup shows Sanad read the page.
    expect(await popup.locator('p.checked').innerText()).toBe('Checked 1 post on this page, 0 fact-checked');
    // So does the toolbar button's tooltip, before the popup is opened.
    const tabId = await tabIdOf(browser, page);
    expect(await browser.serviceWorker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(
      'Sanad: Checked 1 post on this page, 0 fact-checked',
    );
  });
});
