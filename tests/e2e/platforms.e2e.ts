/**
 * The built extension in real Chromium on saved Facebook, TikTok, Instagram and Telegram Web pages, each served
 * under its real host name: the debunked posts are badged (by wording or by a link to the debunked video), the
 * true news around them is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

let browser: SanadBrowser;
beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
});
afterAll(async () => {
  await browser?.close();
});

/** Each post's badge verdict (null: no badge), in page order. */
const verdicts = (page: Page, postSelector: string) =>
  page.locator(postSelector).evaluateAll((posts) =>
    posts.map((p) => p.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null),
  );

async function visit(url: string, expectedBadges: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  expect(await settledBadges(page, { atLeast: expectedBadges })).toBe(expectedBadges);
  return page;
}

describe('x.com status page', () => {
  it('badges the debunked post itself, not the reply under it', async () => {
    const page = await visit('https://x.com/halab_alaan/status/2009512270941053184', 1);
    expect(await verdicts(page, 'article[data-testid="tweet"]')).toEqual(['altered', null]);
    await page.close();
  });
});

describe('facebook.com', () => {
  it('badges the Arabic re-share of the Hama video and the shared link to the AI video, not the news or a comment', async () => {
    const page = await visit('https://www.facebook.com/', 2);
    expect(await verdicts(page, '[role="feed"] [aria-posinset]')).toEqual(['misleading', null, 'altered', null, null]);
    // The badge sits in the header, next to the name.
    expect(await page.locator('[aria-posinset="3"] [data-ad-rendering-role="profile_name"] [data-sanad-badge]').count()).toBe(1);
    expect(await page.locator('[role="article"][aria-label] [data-sanad-badge]').count()).toBe(0);

    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const text = await popup.locator('main').innerText();
    expect(text).toContain('2 debunked post(s) on this page');
    expect(text).toContain('Matched: the same video or post the fact-check names');
    await popup.close();
    await page.close();
  });

  it('badges a post on its own page, keyboard-openable in the page’s language (Arabic)', async () => {
    const page = await visit('https://www.facebook.com/HalabNews24/posts/pfbid0b7Wq1nZkT5sYhLrMm2', 1);
    const host = page.locator('[data-ad-rendering-role="profile_name"] [data-sanad-badge]');
    expect(await host.getAttribute('data-sanad-badge')).toBe('altered');
    // Facebook is shown in Arabic here (<html lang="ar">): so is the badge, in an English browser.
    expect(await host.locator('button.sanad-badge').getAttribute('aria-label')).toBe('سند: التحقق يقول «مفبرك أو معدّل». اعرض السبب');
    await host.locator('button.sanad-badge').focus();
    await page.keyboard.press('Enter');
    await host.locator('.sanad-panel').waitFor();
    expect(await host.locator('.sanad-panel').innerText()).toContain('حركة الشفاه لا تطابق الكلام');
    await page.close();
  });
});

describe('tiktok.com', () => {
  it('badges the For You video whose caption repeats the debunked claim, not the others or the placeholder', async () => {
    const page = await visit('https://www.tiktok.com/foryou', 1);
    expect(await verdicts(page, '[data-e2e="recommend-list-item-container"]')).toEqual(['misleading', null, null, null]);
    await page.close();
  });

  it('badges a video on its own page', async () => {
    const page = await visit('https://www.tiktok.com/@halab.alaan/video/7443369450568227555', 1);
    expect(await verdicts(page, '#main-content-video_detail')).toEqual(['altered']);
    await page.close();
  });
});

describe('instagram.com', () => {
  it('badges the reel with the debunked claim in the home feed, only that one', async () => {
    const page = await visit('https://www.instagram.com/', 1);
    expect(await verdicts(page, 'main article')).toEqual([null, 'altered', null]);
    await page.close();
  });

  it('badges a post on its own page', async () => {
    const page = await visit('https://www.instagram.com/p/DCxR4pQsK9m/', 1);
    expect(await verdicts(page, 'main article')).toEqual(['misleading']);
    await page.close();
  });
});

describe('web.telegram.org', () => {
  it('K client: badges the channel post linking the debunked video, at the end of its text', async () => {
    const page = await visit('https://web.telegram.org/k/#@syria_now', 1);
    expect(await verdicts(page, '.bubble[data-mid]')).toEqual(['misleading', null, null]);
    expect(await page.locator('.bubble[data-mid="8812"] .message > [data-sanad-badge] + .time').count()).toBe(1);
    await page.close();
  });

  it('A client: badges the channel post repeating the debunked claim and the forwarded one', async () => {
    const page = await visit('https://web.telegram.org/a/#@syria_now', 2);
    expect(await verdicts(page, '.Message[data-message-id]')).toEqual(['altered', null, 'misleading']);
    await page.close();
  });
});

describe('site switches', () => {
  it('a site switched off in options gets no badges, and gets them back when switched on', async () => {
    const options = await openOptions(browser);
    const toggle = options.getByRole('checkbox', { name: 'Instagram' });
    await toggle.uncheck();
    const page = await browser.context.newPage();
    await page.goto('https://www.instagram.com/');
    expect(await settledBadges(page)).toBe(0);
    await toggle.check();
    expect(await settledBadges(page, { atLeast: 1 })).toBe(1);
    await page.close();
    await options.close();
  });
});
