/**
 * Knowing when a site has changed, in real Chromium: a real saved Facebook group feed (../shared/real-dom),
 * served under its real address, is read as usual; the same page with the attributes Sanad's Facebook rules
 * rest on renamed (the markup broken on purpose) makes the popup say plainly that Sanad cannot read it, offer
 * a structural diagnostic to copy, and the options page show Facebook's state. Nothing leaves the browser:
 * every request is answered by the local routing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, openPopup, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import type { RealPageExpectation } from '../unit/support/real-pages';

const REAL_DOM = resolve(import.meta.dirname, '../../../shared/real-dom');
const NAME = 'facebook/group-feed-2026';
const { url } = JSON.parse(readFileSync(join(REAL_DOM, `${NAME}.expect.json`), 'utf8')) as RealPageExpectation;
const html = readFileSync(join(REAL_DOM, `${NAME}.html`), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
// What a Facebook redesign could do: the roles and attributes the post rules rest on, under other names.
const broken = html
  .replace(/\brole="(feed|article|main|dialog)"/g, 'role="presentation"')
  .replace(/\baria-posinset=/g, 'aria-x-gone=')
  .replace(/\bdata-ad-(rendering-role|comet-preview|preview)=/g, 'data-x-$1=')
  .replace(/\bdata-(mcomponent|store)=/g, 'data-x-$1=');
// The same group, another real sorting of its feed, so both copies live under Facebook's real host.
const brokenUrl = `${url}?sorting_setting=CHRONOLOGICAL`;

let browser: SanadBrowser;
beforeAll(async () => {
  expect(broken).not.toContain('data-ad-rendering-role');
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, { pages: { [url]: html, [brokenUrl]: broken } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

it('a page Sanad reads never shows the "cannot read" message', async () => {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForTimeout(14_000); // past the 10 s a page with content may go without a post
  const popup = await openPopup(browser, await tabIdOf(browser, page));
  expect(await popup.locator('.unreadable').count()).toBe(0);
  expect((await tabResults(popup, await tabIdOf(browser, page))).unreadable).toBeUndefined();
  await popup.close();
  const options = await openOptions(browser);
  await expect.poll(() => options.locator('.site-state[data-site="facebook"]').innerText()).toMatch(/^read 1 post on its last page/);
  await options.close();
  await page.close();
}, 60_000);

it('the page with its markup broken on purpose: the popup says so and copies a diagnostic without text', async () => {
  const page = await browser.context.newPage();
  await page.goto(brokenUrl);
  const tabId = await tabIdOf(browser, page);
  const probe = await openOptions(browser);
  await expect.poll(async () => (await tabResults(probe, tabId)).unreadable?.readability, { timeout: 30_000 }).toBe('unreadable');
  await probe.close();

  const popup = await openPopup(browser, tabId);
  const notice = popup.locator('.unreadable');
  expect(await notice.locator('h2').innerText()).toBe('Sanad cannot read this page: the site may have changed');
  expect(await notice.innerText()).toMatch(/found no post among its [\d,]+ elements/);

  await notice.getByRole('button', { name: 'Copy a diagnostic' }).click();
  await expect.poll(() => popup.locator('.notice').innerText()).toBe('Diagnostic copied.');
  // Pasted as a person would, into a text box: what the clipboard really holds.
  await popup.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
  await popup.locator('#paste-here').focus();
  await popup.keyboard.press('ControlOrMeta+V');
  const copied = await popup.locator('#paste-here').inputValue();
  const summary = JSON.parse(copied) as { pathShape: string; elements: number; dataAttributes: Record<string, number> };
  expect(summary.pathShape).toBe('/groups/:id?…');
  expect(summary.elements).toBeGreaterThan(150);
  expect(summary.dataAttributes['data-x-rendering-role']).toBeGreaterThan(0);
  expect(copied).not.toMatch(/chocudanvinhomeq9|facebook\.com|https?:|Nail|keratin/);
  await popup.close();

  const options = await openOptions(browser);
  const state = options.locator('.site-state[data-site="facebook"]');
  await expect.poll(() => state.getAttribute('data-state')).toBe('unreadable');
  expect(await state.innerText()).toMatch(/could not read its last page .*: the site may have changed/);
  expect(await options.locator('.site-state[data-site="youtube"]').innerText()).toBe('no page seen yet');
  await options.close();
  await page.close();
}, 90_000);
