/**
 * Site rules pushed live in real Firefox (Debian's firefox-esr over WebDriver BiDi), as site-rules.e2e.ts shows
 * in Chromium: a Firefox test build pinned to a generated maintainers' key and a local rules address. A real saved
 * Facebook group feed with the attributes the bundled rules rest on renamed, as a redesign would, is unreadable;
 * the person clicks "Check for site updates" on the options page, a pack signed with the pinned key that knows the
 * new markup is served, and the tab already open is read without a reload. Then a pack that strips every selector
 * makes the popup of another open tab, read until then, say that Sanad cannot read the page.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFeedKeys } from '../../lib/feeds/signature';
import { BUNDLED_RULES, type SiteRules } from '../../lib/site-rules/bundled';
import { buildRulesPack, signRulesPack } from '../../lib/site-rules/build';
import { launchFirefoxWithSanad, waitFor, type FirefoxTab, type SanadFirefox } from '../../scripts/support/firefox';
import { redesignedRules } from '../unit/support/renamed-markup';
import { html, MODE, redesigned, ROOT, RULES_URL, strippedRules, unbrokenUrl, url } from './site-rules-case';

const EXTENSION_DIR = resolve(ROOT, `.output/firefox-mv2-${MODE}`);

let firefox: SanadFirefox;
let keys: { privateKeyPkcs8: string; publicKey: string };
// The rules address's answer: replaced between tests (the local web reads it at each request).
const rulesFile = { type: 'application/json', body: Buffer.from('{}'), headers: { 'access-control-allow-origin': '*' } };

beforeAll(async () => {
  expect(redesigned).not.toContain('data-ad-rendering-role');
  keys = await generateFeedKeys();
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', MODE], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WXT_SITE_RULES_URL: RULES_URL, WXT_SITE_RULES_KEY: keys.publicKey },
  });
  firefox = await launchFirefoxWithSanad({
    extensionDir: EXTENSION_DIR,
    pages: { [url]: redesigned, [unbrokenUrl]: html },
    files: { [RULES_URL]: rulesFile },
  });
}, 300_000);
afterAll(async () => {
  await firefox?.close();
});

async function serve(version: number, facebook: SiteRules) {
  const signed = await signRulesPack(buildRulesPack(version, [facebook], new Date()), keys.privateKeyPkcs8, keys.publicKey);
  rulesFile.body = Buffer.from(JSON.stringify(signed));
}

interface Results {
  checked?: number;
  unreadable?: { readability?: string };
}
/** What the background knows of a tab, asked from an extension page as the popup does. */
const tabResults = (extensionPage: FirefoxTab, tabId: number) =>
  extensionPage.evaluate(async (id) => {
    const ext = (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value: unknown }> } } })
      .browser;
    const reply = await ext.runtime.sendMessage({ sanad: 'tabResults', data: { tabId: id } });
    return reply.ok ? (reply.value as Results) : undefined;
  }, tabId);

async function checkForSiteUpdates(options: FirefoxTab, version: number) {
  await options.click(await options.byText('button', 'Check for site updates'));
  await options.waitForText('.site-rules', `Site rules: update ${version} of `, 20_000);
}

it('in Firefox, an open page the bundled rules cannot read is read once a signed rules pack is synced, without a reload', async () => {
  const page = await firefox.newTab(url);
  await page.evaluate(() => document.documentElement.setAttribute('data-test-loaded-once', ''));
  const tabId = await firefox.tabIdOf(url);
  const options = await firefox.openOptions();
  await waitFor('the page to be reported unreadable', async () => (await tabResults(options, tabId))?.unreadable?.readability, 30_000);
  expect((await tabResults(options, tabId))?.unreadable?.readability).toBe('unreadable');
  expect(await options.text('.site-rules')).toMatch(/^Site rules: as shipped with this version of Sanad\./);

  await serve(2, redesignedRules(BUNDLED_RULES.facebook, 2));
  await checkForSiteUpdates(options, 2);
  expect(await options.text('.site-rules')).toMatch(/signed by the Sanad maintainers\./);
  expect(await options.count('.site-rules-error')).toBe(0);
  await waitFor(
    'the open tab to be read with the new rules',
    async () => {
      const r = await tabResults(options, tabId);
      return r && (r.checked ?? 0) >= 1 && r.unreadable === undefined ? r : undefined;
    },
    30_000,
  );
  // The same document: a reload would have lost the mark.
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-test-loaded-once'))).toBe(true);
  await options.close();
  await page.close();
}, 120_000);

it('in Firefox, once a pack strips every selector, the popup of an open page Sanad was reading says it cannot read it', async () => {
  const options = await firefox.openOptions();
  await serve(3, { ...structuredClone(BUNDLED_RULES.facebook), version: 3 });
  await checkForSiteUpdates(options, 3);
  const page = await firefox.newTab(unbrokenUrl);
  const tabId = await firefox.tabIdOf(unbrokenUrl);
  await waitFor('the page to be read', async () => ((await tabResults(options, tabId))?.checked ?? 0) >= 1 || undefined, 30_000);

  await serve(4, strippedRules(4));
  await checkForSiteUpdates(options, 4);
  await waitFor(
    'the open tab to be reported unreadable',
    async () => (await tabResults(options, tabId))?.unreadable?.readability === 'unreadable' || undefined,
    30_000,
  );
  const popup = await firefox.openPopup(tabId);
  expect(await popup.waitForText('.unreadable h2', 'Sanad cannot read this page')).toBe(
    'Sanad cannot read this page: the site may have changed',
  );
  await Promise.all([popup.close(), page.close(), options.close()]);
}, 120_000);
