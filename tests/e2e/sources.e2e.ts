/**
 * A fact-checker's own website as a source, in real Chromium: the desk's home page, RSS feed and article
 * pages served under its real host over https; the person types the site's address in the options page;
 * the ClaimReview in the desk's article badges the post on the saved x.com timeline that repeats the claim,
 * and an article published later badges another post after "Sync now".
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, settledBadges } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { badgeCount, caseFor, verdictsIn } from './cases';
import { article, serveMisbar, SITE } from './desks';

const OUT = resolve(import.meta.dirname, '../../test-output');
const HOME = caseFor('https://x.com/home');

// A second desk, found through its robots.txt and news sitemap, subscribed from the directory with one click.
const FATABYYANO = 'https://fatabyyano.net/';
const FATABYYANO_ARTICLE = article(
  'governor',
  'محافظ حلب: المدينة باتت خالية تماماً من قوات قسد بعد خروج الدفعة الأخيرة من مقاتليها من حي الشيخ مقصود',
  'مضلل',
).replaceAll(SITE, FATABYYANO);

let browser: SanadBrowser;
let misbar: { publish: (...slugs: string[]) => void };

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context);
  misbar = await serveMisbar(browser.context);
  const cors = { 'access-control-allow-origin': '*' };
  await browser.context.route(
    (url) => url.hostname === 'fatabyyano.net',
    (route) => {
      const { pathname } = new URL(route.request().url());
      const answer = (contentType: string, body: string) => route.fulfill({ status: 200, contentType, headers: cors, body });
      if (pathname === '/') return answer('text/html; charset=utf-8', '<!doctype html><html lang="ar"><body>فتبينوا</body></html>');
      if (pathname === '/robots.txt') return answer('text/plain', `User-agent: *\nSitemap: ${FATABYYANO}news-sitemap.xml\n`);
      if (pathname === '/news-sitemap.xml')
        return answer(
          'application/xml',
          `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${FATABYYANO}factcheck/governor</loc><news:news><news:publication_date>2026-01-10</news:publication_date></news:news></url></urlset>`,
        );
      if (pathname === '/factcheck/governor') return answer('text/html; charset=utf-8', FATABYYANO_ARTICLE);
      return route.fulfill({ status: 404, headers: cors, body: 'not found' });
    },
  );
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('a fact-checker’s website as a source', () => {
  it(
    'is subscribed by typing its address, and its article’s ClaimReview badges the post repeating the claim',
    { timeout: 90_000 },
    async () => {
      const before = await browser.context.newPage();
      await before.goto(HOME.url);
      await settledBadges(before, { atLeast: badgeCount(HOME) });
      expect(await before.evaluate(verdictsIn, HOME.posts)).toEqual(HOME.verdicts);
      await before.close();

      const options = await openOptions(browser);
      await options.locator('select[name="feed-kind"]').selectOption('site');
      await options.locator('input[name="feed-url"]').fill('https://misbar.com');
      await options.getByRole('button', { name: 'Add feed' }).click();
      await feedLineContains(options, SITE, 'misbar.com: 1 fact-check,', 40_000);
      await feedLineContains(options, SITE, 'last sync: 1 new article read, with 1 fact-check');

      const page = await browser.context.newPage();
      await page.goto(HOME.url);
      await settledBadges(page, { atLeast: badgeCount(HOME) + 1 });
      const expected = [...HOME.verdicts];
      expected[3] = 'false'; // the defections post, now fact-checked by the desk
      expect(await page.evaluate(verdictsIn, HOME.posts)).toEqual(expected);
      mkdirSync(OUT, { recursive: true });
      await page
        .locator('article[data-testid="tweet"]')
        .nth(3)
        .screenshot({ path: resolve(OUT, 'site-source-badge.png') });
      await page.close();

      // The desk publishes another article; the next sync fetches only that one.
      misbar.publish('truce', 'defections');
      await options.getByRole('button', { name: 'Sync now' }).click();
      await feedLineContains(options, SITE, 'misbar.com: 2 fact-checks', 40_000);
      await options.screenshot({ path: resolve(OUT, 'site-source-options.png'), fullPage: true });
      const later = await browser.context.newPage();
      await later.goto(HOME.url);
      await settledBadges(later, { atLeast: badgeCount(HOME) + 2 });
      expected[7] = 'misleading';
      expect(await later.evaluate(verdictsIn, HOME.posts)).toEqual(expected);
      await later.close();

      // The directory knows the typed-in site; another desk is one click away.
      await options.reload();
      await options.locator('[data-directory="misbar"]').filter({ hasText: 'subscribed' }).waitFor();
      await options.getByRole('button', { name: 'Subscribe to فتبينوا (Fatabyyano)' }).click();
      await feedLineContains(options, FATABYYANO, 'fatabyyano.net: 1 fact-check,', 40_000);
      await options.locator('[data-directory="fatabyyano"]').filter({ hasText: 'subscribed' }).waitFor();
      const third = await browser.context.newPage();
      await third.goto(HOME.url);
      await settledBadges(third, { atLeast: badgeCount(HOME) + 3 });
      expected[1] = 'misleading';
      expect(await third.evaluate(verdictsIn, HOME.posts)).toEqual(expected);
    },
  );
});
