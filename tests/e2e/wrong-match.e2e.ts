/**
 * "Report a wrong match" in the badge's own panel, in real Chromium, by clicks as a reader makes them: a
 * reason, a confirmation, "Undo" in the badge's place, a report again, and after a reload the badge stays
 * gone. (The popup's same flow is in ui.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { badgeState, clickInShadow, inClosedShadow, waitForInShadow } from '../../scripts/support/closed-shadow';
import { settledBadges } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';

let browser: SanadBrowser;
let feed: Page;

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  feed = await browser.context.newPage();
  await feed.goto('https://x.com/home');
  await settledBadges(feed, { atLeast: 4 });
});
afterAll(async () => {
  await browser?.close();
});

/** The badge host of the post whose permalink is `href`. */
const hostOfPost = (href: string) => `article[data-testid="tweet"]:has(a[href="${href}"]) [data-sanad-badge]`;

/** Whether the badge shows its verdict, or "Wrong match reported · Undo" in its place. */
const shown = (page: Page, host: string) =>
  inClosedShadow(page, host, (root) => ({
    badge: !(root.querySelector('.sanad-badge') as HTMLElement).hidden,
    reported: !(root.querySelector('.sanad-reported') as HTMLElement).hidden,
    text: (root.querySelector('.sanad-reported') as HTMLElement).innerText,
  }));

async function reportInPanel(page: Page, host: string, reason: string) {
  await page.locator(host).click();
  await waitForInShadow(page, host, '.sanad-panel');
  await clickInShadow(page, host, '.sanad-report-open', 'Report a wrong match');
  // No reason is chosen for the reader: the report waits for one.
  const form = await inClosedShadow(page, host, (root) => ({
    confirmDisabled: (root.querySelector('.sanad-report-confirm') as HTMLButtonElement).disabled,
    checked: root.querySelectorAll('.sanad-report-reason input:checked').length,
  }));
  expect(form).toEqual({ confirmDisabled: true, checked: 0 });
  await clickInShadow(page, host, '.sanad-report-reason', reason);
  await clickInShadow(page, host, '.sanad-report-confirm');
  await expect.poll(() => shown(page, host)).toMatchObject({ badge: false, reported: true });
}

describe('"Report a wrong match" in the badge’s panel', () => {
  it('reports with a reason, undoes, reports again; after a reload the post is not badged', async () => {
    const before = await settledBadges(feed, { atLeast: 4 });
    // The second badged post on the timeline, named by its permalink so it is found again after a reload.
    const href = await feed
      .locator('[data-sanad-badge]')
      .nth(1)
      .evaluate((host) => host.closest('article')!.querySelector('a[href*="/status/"]')!.getAttribute('href')!);
    const host = hostOfPost(href);
    expect((await badgeState(feed, host))?.expanded).toBe('false');

    await reportInPanel(feed, host, 'The post does not repeat this claim');
    expect((await shown(feed, host))?.text).toContain('Wrong match reported');

    await clickInShadow(feed, host, '.sanad-undo');
    await expect.poll(() => shown(feed, host), { timeout: 10_000 }).toMatchObject({ badge: true, reported: false });

    await reportInPanel(feed, host, 'It is another video or photo');
    await feed.reload();
    expect(await settledBadges(feed, { atLeast: before - 1 })).toBe(before - 1);
    expect(await feed.locator(host).count()).toBe(0);
  });
});
