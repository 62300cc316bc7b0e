/**
 * `npm run demo`: Sanad on its bundled default list, on saved pages of every supported site (DEMO_PAGES in
 * support/saved-pages.ts) served under their real host names. With a display, Chromium opens for you to
 * scroll and click; without one (or with CI set) it runs headless and writes screenshots to demo-output/.
 * Either way it prints what it matched.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithSanad } from './support/chromium';
import { openPopup, settledBadges, tabIdOf, tabResults } from './support/extension-pages';
import { DEMO_PAGES, serveSavedPages } from './support/saved-pages';

const OUT = resolve(import.meta.dirname, '../demo-output');
const headless = !process.env.DISPLAY || !!process.env.CI || process.argv.includes('--headless');
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchWithSanad({ headless, ...(lang && { lang }) });
  await serveSavedPages(browser.context);
  const opened: { name: string; page: Page }[] = [];
  try {
    for (const { name, url } of DEMO_PAGES) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const badges = await settledBadges(page, { atLeast: 1 });
      opened.push({ name, page });
      const tabId = await tabIdOf(browser, page);
      const popup = await openPopup(browser, tabId);
      const results = await tabResults(popup, tabId);
      console.log(`\n${url}: ${badges} badge(s)`);
      for (const post of results.posts) {
        const view = post.badge ?? post.related[0];
        if (!view) continue;
        const mark = post.badge ? `BADGE ${view.debunk.verdict}` : 'possibly related';
        const how = view.candidate.how === 'similar-text' ? `similar text ${Math.round(view.candidate.score * 100)}%` : view.candidate.how;
        console.log(
          `  [${mark}] ${post.excerpt.slice(0, 70).replace(/\s+/g, ' ')}…\n      → ${view.debunk.claim.slice(0, 80)} (${how}; ${view.debunk.publisher.name})`,
        );
      }
      if (headless) {
        await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
        await popup.screenshot({ path: `${OUT}/${name}-popup.png`, fullPage: true });
        await popup.close();
        // Open the first badge's panel, as a reader would.
        const first = page.locator('[data-sanad-badge]').first();
        if (await first.count()) {
          await first.click(); // the host: its shadow root is closed
          await page.waitForTimeout(200);
          await page.screenshot({ path: `${OUT}/${name}-panel.png` });
        }
      }
    }
    if (headless) {
      console.log(`\nScreenshots in ${OUT}/`);
    } else {
      await opened[0]?.page.bringToFront();
      console.log('\nChromium is open with Sanad loaded: scroll the pages, click a badge, open the popup. Close the browser to end.');
      await new Promise<void>((done) => browser.context.on('close', () => done()));
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
