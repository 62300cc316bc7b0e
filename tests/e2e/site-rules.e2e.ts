/**
 * Site rules updates in real Chromium: a build pinned to a generated maintainers' key and a local rules
 * address (a test build: the real key's private half is never in the repository). A real saved Facebook group
 * feed with the attributes the bundled rules rest on renamed, as a redesign would, is unreadable; after the
 * person clicks "Check for site updates" and a pack signed with the pinned key that knows the new markup is
 * served, the page already open is read, without a reload (the background pushes the new rules to its tab). A later pack signed with another key is refused, the options page says so in plain
 * words, and the page is still read with the last good rules. Last, the done-when check of issue #18 with the
 * rules stripped: an open real page read with the bundled rules' selectors is, once a pack strips every
 * selector, reported unreadable in the popup, still without a reload.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFeedKeys } from '../../lib/feeds/signature';
import { BUNDLED_RULES } from '../../lib/site-rules/bundled';
import { buildRulesPack, signRulesPack } from '../../lib/site-rules/build';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, openPopup, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { redesignedRules } from '../unit/support/renamed-markup';
import { html, MODE, redesigned, ROOT, RULES_URL, strippedRules, unbrokenUrl, url } from './site-rules-case';

const EXTENSION_DIR = resolve(ROOT, `.output/chrome-mv3-${MODE}`);

let browser: SanadBrowser;
let served = '';
let keys: { privateKeyPkcs8: string; publicKey: string };

beforeAll(async () => {
  expect(redesigned).not.toContain('data-ad-rendering-role');
  keys = await generateFeedKeys();
  execFileSync('npx', ['wxt', 'build', '--mode', MODE], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WXT_SITE_RULES_URL: RULES_URL, WXT_SITE_RULES_KEY: keys.publicKey },
  });
  browser = await launchWithSanad({ extensionDir: EXTENSION_DIR });
  await serveSavedPages(browser.context, { pages: { [url]: redesigned, [unbrokenUrl]: html } });
  // Registered last, so it answers first: the rules address, as a static host serves it (CORS open).
  await browser.context.route(RULES_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: served }),
  );
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const pack = async (version: number, signer: typeof keys, facebook = redesignedRules(BUNDLED_RULES.facebook, version)) =>
  JSON.stringify(await signRulesPack(buildRulesPack(version, [facebook], new Date()), signer.privateKeyPkcs8, signer.publicKey));

async function checkForSiteUpdates() {
  const options = await openOptions(browser);
  await options.getByRole('button', { name: 'Check for site updates' }).click();
  await expect.poll(() => options.getByRole('button', { name: 'Check for site updates' }).isEnabled()).toBe(true);
  return options;
}

it('a redesigned page the bundled rules cannot read is read, still open, once a signed rules pack is synced', async () => {
  const page = await browser.context.newPage();
  await page.goto(url);
  // A mark on this very document: a reload would lose it.
  await page.evaluate(() => document.documentElement.setAttribute('data-test-loaded-once', ''));
  const tabId = await tabIdOf(browser, page);
  const probe = await openOptions(browser);
  await expect.poll(async () => (await tabResults(probe, tabId)).unreadable?.readability, { timeout: 30_000 }).toBe('unreadable');
  expect(await probe.locator('.site-rules').innerText()).toMatch(/^Site rules: as shipped with this version of Sanad\./);
  await probe.close();

  served = await pack(2, keys);
  const options = await checkForSiteUpdates();
  await expect
    .poll(() => options.locator('.site-rules').innerText())
    .toMatch(/^Site rules: update 2 of .+, signed by the Sanad maintainers\./);
  expect(await options.locator('.site-rules-error').count()).toBe(0);

  await expect.poll(async () => (await tabResults(options, tabId)).checked ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => (await tabResults(options, tabId)).unreadable, { timeout: 20_000 }).toBeUndefined();
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-test-loaded-once'))).toBe(true);
  await options.close();
  await page.close();
}, 120_000);

it('a pack signed with another key is refused, the options page says so, and the last good rules stay', async () => {
  served = await pack(3, await generateFeedKeys());
  const options = await checkForSiteUpdates();
  const error = options.locator('.site-rules-error');
  await expect.poll(() => error.count()).toBe(1);
  expect(await error.innerText()).toBe(
    "The last site update was refused and not used: the pack is signed with another key than the Sanad maintainers' key this build trusts. Sanad keeps reading sites with the rules it had.",
  );
  expect(await options.locator('.site-rules').innerText()).toMatch(/^Site rules: update 2 of /);

  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser, page);
  await expect.poll(async () => (await tabResults(options, tabId)).checked ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await options.close();
  await page.close();
}, 120_000);

it('with its rules stripped, an open page Sanad was reading is reported unreadable in the popup', async () => {
  served = await pack(4, keys, { ...structuredClone(BUNDLED_RULES.facebook), version: 4 }); // the shipped selectors, as v4
  const options = await checkForSiteUpdates();
  await expect.poll(() => options.locator('.site-rules').innerText()).toMatch(/^Site rules: update 4 of /);
  const page = await browser.context.newPage();
  await page.goto(unbrokenUrl);
  const tabId = await tabIdOf(browser, page);
  await expect.poll(async () => (await tabResults(options, tabId)).checked ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);

  served = await pack(5, keys, strippedRules(5));
  await options.getByRole('button', { name: 'Check for site updates' }).click();
  await expect.poll(() => options.locator('.site-rules').innerText()).toMatch(/^Site rules: update 5 of /);
  await expect.poll(async () => (await tabResults(options, tabId)).unreadable?.readability, { timeout: 30_000 }).toBe('unreadable');
  const popup = await openPopup(browser, tabId);
  expect(await popup.locator('.unreadable h2').innerText()).toBe('Sanad cannot read this page: the site may have changed');
  await popup.close();
  await options.close();
  await page.close();
}, 120_000);
