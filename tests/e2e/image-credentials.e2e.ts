/**
 * Content Credentials of the images Sanad fetches to hash, in real Chromium (the page: image-credentials-case.ts).
 * The service worker fetches and hashes the page's photos; Sanad's own reader finds the manifests, and the
 * official SDK, in the offscreen document, verifies them. The popup shows the debunked AI picture's credentials
 * as valid (signer named, AI-generated), the changed copy's as INVALID with why, the gradient's under the page's
 * credentials, and nothing for the picture without any. Each badged post's panel, opened by a click, says the
 * same of its own picture.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openPopup, settledBadges, tabIdOf, tabResults } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { inClosedShadow, waitForInShadow } from '../../scripts/support/closed-shadow';
import {
  EXPECTED_LINES,
  LINES,
  PAGE_URL,
  PANEL_HEADING,
  PANEL_LINES,
  popupCredentials,
  served,
  VERDICTS,
  writeList,
} from './image-credentials-case';

const OUT = resolve(import.meta.dirname, '../../test-output');
const work = mkdtempSync(join(tmpdir(), 'sanad-credentials-'));
let browser: SanadBrowser;

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, served());
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('Content Credentials of images Sanad fetches for hashing', () => {
  it(
    'shows, in the popup, valid credentials with the signer, invalid ones with why, and nothing for none',
    { timeout: 120_000 },
    async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('input[name="list-file"]').setInputFiles(writeList(work));
      await expect.poll(() => options.locator('.notice').innerText(), { timeout: 20_000 }).toContain('Added 1 fact-check.');

      const page = await browser.context.newPage();
      await page.goto(PAGE_URL);
      await settledBadges(page, { atLeast: 2, timeout: 60_000 });
      const verdicts = await page
        .locator('article')
        .evaluateAll((as) => as.map((a) => a.querySelector('[data-sanad-badge]')?.getAttribute('data-sanad-badge') ?? null));
      expect(verdicts).toEqual(VERDICTS);

      const tabId = await tabIdOf(browser, page);
      // The SDK checks each image that carries a manifest once it is fetched: wait for the three of them.
      const withCredentials = async () => (await tabResults(options, tabId)).posts.filter((p) => p.credentials?.length).length;
      await expect.poll(withCredentials, { timeout: 30_000 }).toBe(3);
      const popup = await openPopup(browser, tabId);
      expect(await popup.evaluate(popupCredentials)).toEqual({ lines: EXPECTED_LINES, heading: LINES.heading });
      // A footage match on a picture says so (not "video").
      expect(await popup.locator('.post[data-post$="8001"] .post-how').innerText()).toMatch(
        /^Matched: the same picture as the debunked image \(/,
      );
      // The picture without credentials is not named at all.
      expect(await popup.locator('.post[data-post$="8004"]').count()).toBe(0);

      // The SDK ran in the offscreen document, not the service worker.
      const contexts = await popup.evaluate(() =>
        chrome.runtime
          .getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })
          .then((c) => c.map((x) => x.documentUrl)),
      );
      expect(contexts).toEqual([`chrome-extension://${browser.extensionId}/offscreen.html`]);

      mkdirSync(OUT, { recursive: true });
      await popup.screenshot({ path: join(OUT, 'image-credentials-popup.png'), fullPage: true });
      await Promise.all([popup.close(), options.close()]);

      // Where the reader sees the verdict: each badge's panel, opened by a click, says it of the post's picture.
      await page.bringToFront();
      const panels = [];
      for (const index of [0, 1]) {
        const host = { selector: '[data-sanad-badge]', index };
        await page.locator(host.selector).nth(index).click();
        await waitForInShadow(page, host, '.sanad-image-credentials li');
        panels.push(
          await inClosedShadow(page, host, (root) => ({
            heading: root.querySelector('.sanad-panel-credentials .sanad-label')?.textContent,
            lines: [...root.querySelectorAll('.sanad-image-credentials li')].map((li) => [
              li.getAttribute('data-c2pa-state'),
              li.getAttribute('data-c2pa-source'),
              (li as HTMLElement).innerText.trim(),
            ]),
          })),
        );
        if (index === 0) await page.screenshot({ path: join(OUT, 'image-credentials-panel.png') });
        await page.keyboard.press('Escape');
      }
      expect(panels).toEqual(PANEL_LINES.map((lines) => ({ heading: PANEL_HEADING, lines })));
      await page.close();
    },
  );
});
