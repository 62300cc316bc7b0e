/**
 * The built extension in real Chromium on a saved x.com home timeline served under x.com itself.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { badgeState, panelText, waitForInShadow } from '../../scripts/support/closed-shadow';
import { badgeCount, caseFor, verdictsIn, X_FIRST_BADGE } from './cases';

const HOME = caseFor('https://x.com/home');
const OUT = resolve(import.meta.dirname, '../../test-output');

let browser: SanadBrowser;
let page: Page;

const verdictsByPost = (p: Page) => p.evaluate(verdictsIn, HOME.posts);

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  page = await browser.context.newPage();
  await page.goto(HOME.url);
  await settledBadges(page, { atLeast: badgeCount(HOME) });
});
afterAll(async () => {
  await browser?.close();
});

describe('x.com timeline', () => {
  it('badges the debunked posts and leaves true news alone', async () => {
    expect(await verdictsByPost(page)).toEqual(HOME.verdicts);
  });

  it('puts the badge in a shadow root in the header, with an accessible name, and opens the reasons from the keyboard', async () => {
    const host = page.locator(X_FIRST_BADGE.host).first();
    await expect(
      page.locator('article[data-testid="tweet"]').first().locator('[data-testid="User-Name"] [data-sanad-badge]').count(),
    ).resolves.toBe(1);
    // The shadow root is closed: the page sees none of it; the test reads it as devtools do.
    expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();
    const badge = await badgeState(page, X_FIRST_BADGE.host);
    expect(badge).toMatchObject({ label: X_FIRST_BADGE.label, text: X_FIRST_BADGE.text, certainty: 'similar' });
    await host.focus(); // delegated to the badge's button
    await page.keyboard.press('Enter');
    await waitForInShadow(page, X_FIRST_BADGE.host, X_FIRST_BADGE.panel);
    const text = (await panelText(page, X_FIRST_BADGE.host))!;
    for (const line of X_FIRST_BADGE.panelText) expect(text).toContain(line);
    await page.keyboard.press('Escape');
    await expect.poll(() => panelText(page, X_FIRST_BADGE.host)).toBeNull();
  });

  it('leaves the author line as high as it was: a badge that fits beside the name does not make the post taller', async () => {
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="User-Name"] [data-sanad-badge]')].map((host) => {
        const line = host.parentElement!;
        const first = line.firstElementChild!.getBoundingClientRect();
        const box = host.getBoundingClientRect();
        const withBadge = line.getBoundingClientRect().height;
        // Measured without the badge in the same task (the guard puts a removed host back only after it).
        const next = host.nextSibling;
        host.remove();
        const without = line.getBoundingClientRect().height;
        line.insertBefore(host, next);
        // A long badge that wraps below the name gets a row of its own; only those beside the name must fit.
        return { beside: box.top + box.height / 2 < first.bottom, pill: box.height, withBadge, without };
      }),
    );
    const beside = lines.filter((l) => l.beside);
    expect(beside.length).toBeGreaterThan(0);
    for (const l of beside) {
      expect(l.pill).toBeGreaterThan(l.without); // the pill itself keeps its size
      expect(l.withBadge).toBeCloseTo(l.without, 1);
    }
  });

  it('lists each verdict with its reasons, source and how it matched in the popup', async () => {
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    try {
      const text = await popup.locator('main').innerText();
      for (const line of HOME.popup!) expect(text).toContain(line);
      expect(text).toMatch(/Checked \d+ posts on this page, \d+ fact-checked/);
      expect(text).toContain('Matched: the post makes this claim in similar words');
      expect(text).not.toMatch(/\d+ ?%/); // no scores on text matches
      expect(await popup.locator('a.sanad-link').first().getAttribute('href')).toBe('https://misbar.com/factcheck');
      // One entry per debunk, certain matches first, each post saying how it matched (the AI video's own
      // post and its link are the same media; the Arabic paraphrase only similar words).
      const groups = await popup
        .locator('main > .groups > .group')
        .evaluateAll((els) => els.map((e) => [...e.querySelectorAll('.post-how')].map((how) => how.getAttribute('data-how')).sort()));
      expect(groups).toEqual([['same-media', 'same-media', 'similar-text'], ['similar-text']]);
    } finally {
      await popup.close();
    }
  });

  it('badges no denial or debunk-share: the popup lists them as mentioning a fact-checked claim', async () => {
    const denials = page.locator(HOME.posts).filter({ hasText: /تنفي أسر|مسبار:/ });
    expect(await denials.count()).toBe(2);
    expect(await denials.locator('[data-sanad-badge]').count()).toBe(0);
    // A reader scrolls down to them; the scanner reads posts as they come into view.
    await denials.nth(0).scrollIntoViewIfNeeded();
    await denials.nth(1).scrollIntoViewIfNeeded();
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    try {
      await expect.poll(async () => (await tabResults(popup, tabId)).posts.filter((p) => p.mentions).length, { timeout: 10_000 }).toBe(2);
      expect(await denials.locator('[data-sanad-badge]').count()).toBe(0);
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: `${OUT}/x-home-denials.png` });
      await popup.reload();
      const mentioned = popup.locator('details.mentioned');
      await mentioned.locator('summary').click(); // as a reader opens it
      expect(await mentioned.locator('summary').innerText()).toBe('Mentions a fact-checked claim (1)');
      const text = await mentioned.innerText();
      expect(text).toContain('مسبار: فيديو أسر');
      expect(text).toContain('قوات سوريا الديمقراطية تنفي');
      await popup.screenshot({ path: `${OUT}/x-home-denials-popup.png`, fullPage: true });
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
      await expect.poll(async () => (await tabResults(popupPage, tabId)).pageUrl, { timeout: 10_000 }).toBe('https://x.com/explore');
      await expect
        .poll(async () => (await tabResults(popupPage, tabId)).posts.map((p) => p.badge?.debunk.verdict), { timeout: 10_000 })
        .toEqual(['misleading']);
    } finally {
      await popupPage.close();
    }
    expect(await verdictsByPost(page)).toEqual(['misleading']);
  });
});
