/**
 * The screenshots review of issue #21, in English and Arabic, saved under test-output/: the badge on each of
 * the other five sites (x.com's are in ui.e2e.ts) and its panel opened near the bottom of the viewport, whole;
 * the popup with its certain, similar and possibly-related matches opened; the submit form with the posts
 * Sanad read. Each extension page is axe-clean in both languages.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../../scripts/support/axe';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, openPopup, settledBadges, tabIdOf } from '../../scripts/support/extension-pages';
import {
  badgeState,
  boxInShadow,
  clickInShadow,
  openPanelNearBottom,
  panelText,
  unnamedInBadges,
} from '../../scripts/support/closed-shadow';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { badgeCount, caseFor } from './cases';

const OUT = resolve(import.meta.dirname, '../../test-output');
const SITES = [
  { site: 'youtube', url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E' },
  { site: 'facebook', url: 'https://www.facebook.com/' },
  { site: 'tiktok', url: 'https://www.tiktok.com/foryou' },
  { site: 'instagram', url: 'https://www.instagram.com/' },
  { site: 'telegram', url: 'https://web.telegram.org/k/#@syria_now' },
] as const;
const ARABIC = /[\u0600-\u06ff]/;
/** Shares the topic of the AI-video debunk (Aleppo, the SDF) but not its claim: below the badge's bar. */
const RELATED_TEXT = 'اشتباكات في مدينة حلب بين الجيش السوري وقوات سوريا الديمقراطية اليوم';

let browser: SanadBrowser;
let options: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  options = await openOptions(browser);
  // The submit form opens only with an intake address; nothing is sent here.
  await options.locator('#intake-url').fill('http://127.0.0.1:9');
  await options.getByRole('button', { name: 'Save' }).click();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function chooseLanguage(language: 'ar' | 'en') {
  await options.locator(`input[name="language"][value="${language}"]`).check();
  await options.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

for (const lang of ['en', 'ar'] as const) {
  describe(`screenshots (${lang})`, () => {
    beforeAll(() => chooseLanguage(lang));

    for (const { site, url } of SITES) {
      it(`${site}: the badge in the reader's language, and its panel near the bottom inside the viewport`, async () => {
        const page = await browser.context.newPage();
        await page.goto(url);
        expect(await settledBadges(page, { atLeast: badgeCount(caseFor(url)) })).toBe(badgeCount(caseFor(url)));
        await expect.poll(async () => ARABIC.test((await badgeState(page, '[data-sanad-badge]'))?.text ?? '')).toBe(lang === 'ar');

        const host = page.locator('[data-sanad-badge]').first();
        await host.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const badge = (await boxInShadow(page, '[data-sanad-badge]', 'button.sanad-badge'))!;
        const viewport = page.viewportSize()!;
        const top = Math.max(0, Math.min(viewport.height - 420, badge.y - 200));
        await page.screenshot({ path: `${OUT}/${site}-badge-${lang}.png`, clip: { x: 0, y: top, width: viewport.width, height: 420 } });

        const opened = await openPanelNearBottom(page);
        const { box } = opened;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        // Who says so, at the top of the panel, in view.
        const source = (await boxInShadow(page, opened.ref, '.sanad-source'))!;
        expect(source.y).toBeGreaterThanOrEqual(box.y);
        expect(source.y + source.height).toBeLessThanOrEqual(box.y + box.height);
        // The panel's own words in the reader's language (the post and the fact-check may be in either).
        expect((await panelText(page, opened.ref)) ?? '').toMatch(lang === 'ar' ? /تحقّق|مسبار|سند/ : /Fact-check|fact-check/);
        expect(await unnamedInBadges(page)).toEqual([]);
        await page.screenshot({ path: `${OUT}/${site}-panel-near-bottom-${lang}.png` });
        await clickInShadow(page, opened.ref, '.sanad-close');
        await page.close();
      });
    }

    it('the popup lists certain, similar and possibly-related matches, axe-clean; the submit form too', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://x.com/home');
      await settledBadges(page, { atLeast: 4 });
      // A post near a debunked claim in topic but not in what it says: listed as possibly related, not badged.
      await page.evaluate((text) => {
        const post = document.createElement('article');
        post.dataset.testid = 'tweet';
        post.innerHTML =
          '<div data-testid="User-Name"><a href="/someone/status/7001"><time datetime="2026-01-09T10:00:00Z">Jan 9</time></a></div><div data-testid="tweetText" lang="ar"></div>';
        post.querySelector('[data-testid="tweetText"]')!.textContent = text;
        document.querySelector('[aria-label^="Timeline"] > div, main')!.prepend(post);
      }, RELATED_TEXT);
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      // Certain (the same post or video) and similar-wording matches are badged; the others are folded: opened here.
      for (const folded of ['details.mentioned', 'details.related']) {
        await popup.locator(`${folded} > summary`).click({ timeout: 5_000 });
        expect(await popup.locator(`${folded} .groups > li`).count()).toBeGreaterThan(0);
      }
      const certainty = await popup.locator('[data-certainty]').evaluateAll((els) => els.map((e) => e.getAttribute('data-certainty')));
      expect([...new Set(certainty)].sort()).toEqual(expect.arrayContaining(['certain', 'related', 'similar']));
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.screenshot({ path: `${OUT}/popup-matches-${lang}.png`, fullPage: true });

      const [form] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('button.submit-claim').click()]);
      await form.waitForLoadState();
      await expect.poll(() => form.locator('.post-choices label.choice').count()).toBeGreaterThanOrEqual(10);
      expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        lang,
        lang === 'ar' ? 'rtl' : 'ltr',
      ]);
      await form.locator('.post-choices label.choice').first().click();
      expect(await seriousViolations(form)).toEqual([]);
      await form.screenshot({ path: `${OUT}/submit-form-choices-${lang}.png`, fullPage: true });
      await form.close();
      await popup.close();
      await page.close();
    });
  });
}
