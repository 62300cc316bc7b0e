// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateFeedKeys } from '../feeds/signature';
import { samplePage } from '../page/page-sample';
import { useBundledRules, useRules } from '../site-rules/active';
import { BUNDLED_RULES } from '../site-rules/bundled';
import { buildRulesPack, signRulesPack } from '../site-rules/build';
import { checkSiteRules } from '../site-rules/check';
import { facebookAdapter } from '../sites/facebook/adapter';
import { fromPopup, fromTab, testBackground } from '@/tests/unit/support/background';
import { realPageExpectation } from '@/tests/unit/support/real-pages';
import { redesignedRules, renamed } from '@/tests/unit/support/renamed-markup';

const PAGE = 'facebook/group-feed-2026.html';
const PACK_URL = 'https://rules.sanad.test/site-rules.json';
const address = new URL(realPageExpectation(PAGE)!.url);

let keys: { privateKeyPkcs8: string; publicKey: string };
beforeAll(async () => {
  keys = await generateFeedKeys();
});
afterEach(() => useBundledRules());

/** The redesigned page, as the content script would see it. */
function loadRedesignedPage() {
  document.documentElement.innerHTML = renamed(
    readFileSync(resolve(process.cwd(), '../shared/real-dom', PAGE), 'utf8')
      .replace(/^<!DOCTYPE[^>]*>/i, '')
      .replace(/<link\b[^>]*>/gi, '')
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, ''),
  );
}

/** A background whose rules address serves `body()` at each fetch. */
function background(body: () => string) {
  const fetch = vi.fn(async (url: string) => {
    expect(url).toBe(PACK_URL);
    return new Response(body(), { headers: { 'content-type': 'application/json' } });
  });
  return testBackground({
    fetch: fetch as unknown as typeof globalThis.fetch,
    siteRulesSource: { url: PACK_URL, publicKey: keys.publicKey },
  });
}

/** What the Facebook content script does at start: ask for its rules, check them against the DOM, use them. */
async function contentScriptRules(ask: ReturnType<typeof testBackground>['ask']) {
  const checked = checkSiteRules(await ask('siteRules', { site: 'facebook' }, fromTab(1, address.href)));
  if (!checked.ok) throw new Error(checked.reason);
  useRules([checked.rules]);
}

const signedPack = async (version: number, rulesVersion = version) =>
  JSON.stringify(
    await signRulesPack(
      buildRulesPack(version, [redesignedRules(BUNDLED_RULES.facebook, rulesVersion)], new Date()),
      keys.privateKeyPkcs8,
      keys.publicKey,
    ),
  );

describe('Background: site rules packs', () => {
  it('a good pack changes what the adapter reads; a bad one after it keeps the last good', async () => {
    loadRedesignedPage();
    expect(samplePage(facebookAdapter, address, 0).postsRead).toBe(0); // the bundled rules cannot read it

    let served = await signedPack(2);
    const { ask } = background(() => served);
    const status = await ask('syncSiteRules', {}, fromPopup());
    expect(status.lastError).toBeUndefined();
    expect(status.packVersion).toBe(2);
    expect(status.sites.find((s) => s.site === 'facebook')).toEqual({ site: 'facebook', version: 2, updated: true });
    await contentScriptRules(ask);
    expect(samplePage(facebookAdapter, address, 0).postsRead).toBe(1);

    // Version 3 signed with another key, then a version 3 whose selector does not parse: both refused whole.
    const other = await generateFeedKeys();
    served = JSON.stringify(
      await signRulesPack(buildRulesPack(3, [BUNDLED_RULES.facebook], new Date()), other.privateKeyPkcs8, other.publicKey),
    );
    const refused = await ask('syncSiteRules', {}, fromPopup());
    expect(refused.lastError).toMatch(/signed with another key/);
    expect(refused.packVersion).toBe(2);
    const broken = JSON.parse(await signedPack(3)) as { sites: { selectors: { post: string[] } }[] };
    broken.sites[0]!.selectors.post = ['[role="x-feed" > div'];
    served = JSON.stringify(broken);
    expect((await ask('syncSiteRules', {}, fromPopup())).lastError).toMatch(/does not parse/);

    useBundledRules();
    await contentScriptRules(ask);
    expect(samplePage(facebookAdapter, address, 0).postsRead).toBe(1); // still the last good pack's rules
  });

  it("tells open tabs once a pack changes a site's rules, and only then", async () => {
    let served = await signedPack(2);
    const rulesChanged = vi.fn();
    const { ask } = testBackground({
      fetch: vi.fn(async () => new Response(served, { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch,
      siteRulesSource: { url: PACK_URL, publicKey: keys.publicKey },
      siteRulesChanged: rulesChanged,
    });
    await ask('syncSiteRules', {}, fromPopup());
    expect(rulesChanged).toHaveBeenCalledExactlyOnceWith(['facebook']);
    await ask('syncSiteRules', {}, fromPopup()); // the same pack again: nothing changed
    served = await signedPack(1); // an older pack: refused
    await ask('syncSiteRules', {}, fromPopup());
    // A newer pack whose Facebook rules are no newer than the bundled ones: Facebook falls back, and is told.
    served = await signedPack(3, 1);
    await ask('syncSiteRules', {}, fromPopup());
    expect(rulesChanged.mock.calls).toEqual([[['facebook']], [['facebook']]]);
    // A newer pack with the same Facebook rules version: the sites read with no other rules, nobody is told.
    served = await signedPack(4, 1);
    await ask('syncSiteRules', {}, fromPopup());
    expect(rulesChanged).toHaveBeenCalledTimes(2);
  });

  it('refuses a replayed older pack and keeps the newer one', async () => {
    let served = await signedPack(5);
    const { ask } = background(() => served);
    expect((await ask('syncSiteRules', {}, fromPopup())).packVersion).toBe(5);
    served = await signedPack(4);
    const status = await ask('syncSiteRules', {}, fromPopup());
    expect(status.lastError).toBe("the pack's version 4 is older than the accepted version 5");
    expect(status.packVersion).toBe(5);
  });

  it('a build without a rules address takes no updates and says so; content scripts get the bundled rules', async () => {
    const { ask, env } = testBackground();
    const status = await ask('syncSiteRules', {}, fromPopup());
    expect(status.configured).toBe(false);
    expect(env.fetch).not.toHaveBeenCalled();
    expect(await ask('siteRules', { site: 'x' }, fromTab(1))).toEqual(BUNDLED_RULES.x);
    await expect(ask('siteRules', { site: 'myspace' }, fromTab(1))).rejects.toThrow(/no site/);
    await expect(ask('syncSiteRules', {}, fromTab(1))).rejects.toThrow();
  });
});
