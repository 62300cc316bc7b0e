/**
 * The screenshots review of issue #21, in English and Arabic, saved under test-output/: the badge on each of
 * the other five sites (x.com's are in ui.e2e.ts) and its panel opened near the bottom of the viewport, whole;
 * the popup with its certain, similar and possibly-related matches opened; the submit form with the posts
 * Sanad read. Each extension page is axe-clean in both languages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
  inClosedShadow,
  unnamedInBadges,
  waitForInShadow,
  type HostRef,
} from '../../scripts/support/closed-shadow';
import { FIXTURES_DIR, serveSavedPages } from '../../scripts/support/saved-pages';
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
const tweet = (status: string, text: string) =>
  `<article data-testid="tweet"><div data-testid="User-Name"><a href="${status}"><time datetime="2026-01-09T10:00:00Z">Jan 9</time></a></div><div data-testid="tweetText" lang="ar">${text}</div></article>`;
/**
 * The bundled list holds two debunks, and the popup lists a debunk once: the old-footage one matched for
 * certain (the debunked post's own link) and by similar wording, the AI-video one only as possibly related
 * (a long news post on its topic, Aleppo, the army and the SDF, not its claim: below the badge's bar).
 */
const REVIEW_PAGE = `<!doctype html><html lang="en"><body><main>
${tweet('/sham_front_news/status/1862457711358930944', 'شاهد')}
${tweet('/someone/status/7002', 'فيديو مسرب: هروب جماعي لقوات النظام والميليشيات الايرانيه في ريف حلب خلال المعارك الاخيره مع المعارضه')}
${tweet('/someone/status/7001', 'حلب: أسواق المدينة تفتح أبوابها من جديد بعد أسابيع من الاشتباكات بين الجيش السوري وقوات سوريا الديمقراطية، والأهالي يعودون إلى منازلهم في الأحياء الشرقية')}
</main></body></html>`;

const UNREAD_WATCH = 'https://example.org/youtube-watch';
/** Lines of the watch page's title text, from its line boxes' tops. */
const titleLines = (page: Page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('ytd-watch-metadata #title h1')!, NodeFilter.SHOW_TEXT);
    const tops = new Set<number>();
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      range.selectNodeContents(text);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    }
    return tops.size;
  });

let browser: SanadBrowser;
let options: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, {
    // The saved YouTube watch page again on a host Sanad does not read: the same title with no badge.
    pages: { 'https://x.com/review': REVIEW_PAGE, [UNREAD_WATCH]: readFileSync(resolve(FIXTURES_DIR, 'youtube/watch.html'), 'utf8') },
  });
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

/** The element `inner` of the open panel lies within the card's content box (inside its border and padding). */
async function expectInsideCard(page: Page, ref: HostRef, inner: string) {
  const boxes = await inClosedShadow(
    page,
    ref,
    (root, sel) => {
      const card = root.querySelector('.sanad-panel .sanad-card');
      const el = root.querySelector(sel);
      if (!card || !el) return null;
      const c = card.getBoundingClientRect();
      const s = getComputedStyle(card);
      const px = (v: string) => parseFloat(v) || 0;
      const e = el.getBoundingClientRect();
      return {
        content: {
          left: c.left + px(s.borderLeftWidth) + px(s.paddingLeft),
          right: c.right - px(s.borderRightWidth) - px(s.paddingRight),
          top: c.top + px(s.borderTopWidth) + px(s.paddingTop),
          bottom: c.bottom - px(s.borderBottomWidth) - px(s.paddingBottom),
        },
        el: { left: e.left, right: e.right, top: e.top, bottom: e.bottom, height: e.height },
      };
    },
    inner,
  );
  expect(boxes, `${inner} and the card`).not.toBeNull();
  const { content, el } = boxes!;
  expect(el.height).toBeGreaterThan(0);
  // Half a pixel for sub-pixel layout.
  expect(el.left).toBeGreaterThanOrEqual(content.left - 0.5);
  expect(el.right).toBeLessThanOrEqual(content.right + 0.5);
  expect(el.top).toBeGreaterThanOrEqual(content.top - 0.5);
  expect(el.bottom).toBeLessThanOrEqual(content.bottom + 0.5);
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
        // "Report a wrong match" sits inside the card's border and padding, closed and opened.
        await expectInsideCard(page, opened.ref, '.sanad-panel-report');
        await page.screenshot({ path: `${OUT}/${site}-panel-near-bottom-${lang}.png` });
        await clickInShadow(page, opened.ref, '.sanad-report-open');
        await waitForInShadow(page, opened.ref, 'form.sanad-report');
        await expectInsideCard(page, opened.ref, 'form.sanad-report');
        await clickInShadow(page, opened.ref, '.sanad-report-cancel');
        await clickInShadow(page, opened.ref, '.sanad-close');
        await page.close();
      });
    }

    it('YouTube watch page: the badge leaves the title on as many lines as without it, at every width', async () => {
      const page = await browser.context.newPage();
      const plain = await browser.context.newPage();
      await page.goto(SITES[0].url);
      await plain.goto(UNREAD_WATCH);
      expect(await settledBadges(page, { atLeast: badgeCount(caseFor(SITES[0].url)) })).toBe(badgeCount(caseFor(SITES[0].url)));
      expect(await plain.locator('[data-sanad-badge]').count()).toBe(0);
      const badgeInTitle = page.locator('ytd-watch-metadata #title [data-sanad-badge]');
      expect(await badgeInTitle.count()).toBe(1);
      const seen: string[] = [];
      for (let width = 640; width <= 1280; width += 16) {
        await page.setViewportSize({ width, height: 900 });
        await plain.setViewportSize({ width, height: 900 });
        const [withBadge, without] = [await titleLines(page), await titleLines(plain)];
        seen.push(`${width}: ${without} → ${withBadge}`);
        expect(withBadge, seen.join('\n')).toBe(without);
        // Nor does it widen the video's column (what rewrapped the title): the badge wraps inside it instead.
        const column = (p: Page) => p.locator('#primary').evaluate((e) => Math.round(e.getBoundingClientRect().width));
        expect(await column(page), `column at ${width}`).toBe(await column(plain));
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      const title = (await page.locator('ytd-watch-metadata #title').boundingBox())!;
      await page.screenshot({
        path: `${OUT}/youtube-watch-title-saved-${lang}.png`,
        clip: { x: 0, y: title.y - 12, width: 1280, height: title.height + 40 },
      });
      await plain.close();
      await page.close();
    });

    it('the popup lists certain, similar and possibly-related matches, axe-clean; the submit form too', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://x.com/review');
      await settledBadges(page, { atLeast: 2 });
      const tabId = await tabIdOf(browser, page);
      // The new post is read once it is in view: the popup is opened again until it lists it.
      let popup: Page | undefined;
      await expect
        .poll(
          async () => {
            await popup?.close();
            // A tab out of sight gets no frames and no intersection answers: the feed is looked at first.
            await page.bringToFront();
            await page.waitForTimeout(300);
            popup = await openPopup(browser, tabId);
            await popup.locator('.groups').first().waitFor();
            return popup.locator('details.related').count();
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe(1);
      if (!popup) throw new Error('no popup');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      // Certain (the same post or video) and similar-wording matches are badged; the others are folded: opened here.
      for (const folded of ['details.related']) {
        await popup.locator(`${folded} > summary`).click({ timeout: 5_000 });
        expect(await popup.locator(`${folded} .groups > li`).count()).toBeGreaterThan(0);
      }
      // The old-footage debunk lists both of its posts: the certain one and the similar-wording one.
      expect(await popup.locator('main > .groups .post').count()).toBe(2);
      if (lang === 'en') {
        const text = await popup.locator('main > .groups').innerText();
        expect(text).toContain('the same video or post the fact-check names');
        expect(text).toContain('the post makes this claim in similar words');
      }
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.screenshot({ path: `${OUT}/popup-matches-${lang}.png`, fullPage: true });

      const [form] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('button.submit-claim').click()]);
      await form.waitForLoadState();
      await expect.poll(() => form.locator('.post-choices label.choice').count()).toBeGreaterThanOrEqual(3);
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
