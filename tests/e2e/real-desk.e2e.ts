/**
 * Issue #19's first minute on a real desk, in real Chromium from a fresh profile: installing opens the welcome
 * page; the person picks Vishvas News from the directory and confirms with one click; Sanad reads the desk's
 * home page, its feed and its real saved article pages (tests/e2e/real-desks.ts says what is saved and what is
 * built from what the saved pages declare) under www.vishvasnews.com; a post repeating one of the desk's
 * fact-checks is then badged on a real saved x.com page. Then a WordPress desk, Animal Político, whose real
 * saved section page links no feed, is added by typing that page's address in the options page.
 *
 * No saved social page repeats these claims, so the social page is the real saved x.com timeline of
 * ../shared/real-dom (x/tweetyoink-cells-2025) with two posts' own text replaced by the desks' claims; every other
 * element of the page is as saved.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { panelText } from '../../scripts/support/closed-shadow';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { feedLineContains, openOptions, settledBadges } from '../../scripts/support/extension-pages';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { verdictsIn } from './cases';
import {
  ANIMAL_POLITICO_SECTION,
  serveAnimalPolitico,
  serveVishvas,
  VISHVAS_ARTICLES,
  VISHVAS_CLAIM_ARTICLE,
  VISHVAS_SITE,
  type ServedDesk,
} from './real-desks';

const OUT = resolve(import.meta.dirname, '../../test-output');
const TIMELINE_URL = 'https://x.com/home';
const POSTS = 'article[data-testid="tweet"]';
const SAVED_TEXT = 'Democrat Shutdown Jeopardizes America&#39;s Skies';
/** The claim as the desk wrote it (its JSON-LD says "Singh&#039;s"), as a person would post it. */
const POST_TEXT = "Rishi Sunak praises Manmohan Singh's economy ideas";

/** The Animal Político article's claim, as the quoting tweet's own text. */
const SECOND_POST_TEXT =
  'Si alguna vez te preguntaste como es el ojo de un huracán. Aquí puedes observar claramente las paredes del ojo del Huracán Ián, Florida';
const SECOND_SAVED_TEXT = 'This is a quote tweet with additional commentary';

function timeline(): string {
  const saved = readFileSync(resolve(import.meta.dirname, '../../../shared/real-dom/x/tweetyoink-cells-2025.html'), 'utf8');
  // Saved pages carry no scripts; none may run if one slipped in.
  const html = saved.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const at = html.indexOf("Democrat Shutdown Jeopardizes America's Skies");
  const escapedAt = html.indexOf(SAVED_TEXT);
  if (at < 0 && escapedAt < 0) throw new Error('the saved x.com page no longer has the post this test rewrites');
  if (!html.includes(SECOND_SAVED_TEXT)) throw new Error('the saved x.com page no longer has the quoting tweet this test rewrites');
  const first =
    at >= 0
      ? html.replace("Democrat Shutdown Jeopardizes America's Skies", POST_TEXT)
      : html.replace(SAVED_TEXT, POST_TEXT.replace("'", '&#39;'));
  return first.replace(SECOND_SAVED_TEXT, SECOND_POST_TEXT);
}

let browser: SanadBrowser;
let desk: ServedDesk;
let sabueso: ServedDesk;

async function welcomePage(): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  return browser.context.pages().find(isWelcome) ?? browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 });
}

beforeAll(async () => {
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, { pages: { [TIMELINE_URL]: timeline() } });
  desk = await serveVishvas(browser.context);
  sabueso = await serveAnimalPolitico(browser.context);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('a real desk from the welcome page', () => {
  it(
    'subscribes to Vishvas News with one click, reads its real pages, and badges the post that repeats its claim',
    { timeout: 120_000 },
    async () => {
      // Before: the bundled list knows nothing of this claim.
      const before = await browser.context.newPage();
      await before.goto(TIMELINE_URL);
      await settledBadges(before);
      expect(await before.evaluate(verdictsIn, POSTS)).toEqual([null, null, null]);
      await before.close();

      const welcome = await welcomePage();
      await welcome.waitForLoadState();
      await welcome.getByRole('heading', { name: 'Welcome to Sanad' }).waitFor();
      expect(desk.requested).toEqual([]); // nothing is fetched from a desk before the person chooses it

      // Untick what the browser's language ticked, pick the desk, confirm.
      const ticked = await welcome
        .locator('input[name^="source-"]:checked')
        .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('name')!));
      for (const name of ticked) await welcome.locator(`input[name="${name}"]`).uncheck();
      const entry = welcome.locator('[data-directory="vishvas-news"]');
      expect(await entry.innerText()).toMatch(/विश्वास न्यूज़\s*\(Vishvas News\)\s*vishvasnews\.com/);
      await welcome.locator('input[name="source-vishvas-news"]').check();
      await welcome.getByRole('button', { name: 'Subscribe to the chosen sources' }).click();
      await welcome.getByRole('status').filter({ hasText: 'Subscribed to 1 source.' }).waitFor({ timeout: 40_000 });
      mkdirSync(OUT, { recursive: true });
      await welcome.screenshot({ path: resolve(OUT, 'real-desk-welcome.png'), fullPage: true });

      // Every saved article's ClaimReview was read: one fact-check each.
      const options = await openOptions(browser);
      await feedLineContains(options, VISHVAS_SITE, `vishvasnews.com: ${VISHVAS_ARTICLES.length} fact-checks`, 40_000);
      await options.close();
      // The desk's home page, the feed it declares, each article once; no other desk was contacted.
      expect(desk.requested.slice(0, 2)).toEqual(['/', '/feed/']);
      expect(desk.requested.slice(2).sort()).toEqual(VISHVAS_ARTICLES.map((a) => new URL(a.url).pathname).sort());
      expect(desk.otherDesks).toEqual([]);

      const page = await browser.context.newPage();
      await page.goto(TIMELINE_URL);
      await settledBadges(page, { atLeast: 1 });
      expect(await page.evaluate(verdictsIn, POSTS)).toEqual(['false', null, null]);
      const host = `${POSTS} [data-sanad-badge]`;
      await page.locator(POSTS).first().scrollIntoViewIfNeeded();
      await page.locator(host).first().click();
      // The card names the desk's own domain and the claim as text, its entity decoded.
      await expect.poll(async () => (await panelText(page, host)) ?? '', { timeout: 5_000 }).toContain('Fact-check by vishvasnews.com');
      expect(await panelText(page, host)).toContain(POST_TEXT);
      await page.screenshot({ path: resolve(OUT, 'real-desk-badge.png'), fullPage: true });
      // The post and its open card (the saved page's unstyled logo fills the top of the full page).
      const box = (await page.locator(host).first().boundingBox())!;
      await page.screenshot({
        path: resolve(OUT, 'real-desk-post.png'),
        clip: { x: 0, y: Math.max(0, box.y - 40), width: 640, height: 460 },
      });
      expect(VISHVAS_CLAIM_ARTICLE.html).toContain('Rishi Sunak praises Manmohan Singh&#039;s economy ideas');
    },
  );

  it(
    'reads a WordPress desk from its real section page, which links no feed, when the person types that address',
    { timeout: 90_000 },
    async () => {
      const options = await openOptions(browser);
      await options.locator('select[name="feed-kind"]').selectOption('site');
      await options.locator('input[name="feed-url"]').fill(ANIMAL_POLITICO_SECTION);
      await options.getByRole('button', { name: 'Add feed' }).click();
      await feedLineContains(options, ANIMAL_POLITICO_SECTION, 'animalpolitico.com: 1 fact-check', 40_000);
      // The section page, WordPress's posts list it declares (links and dates only), the article.
      expect(sabueso.requested).toEqual([
        '/sabueso/',
        '/wp-json/wp/v2/posts?_fields=link%2Cdate_gmt&per_page=20',
        '/elsabueso/video-ojo-del-huracan-ian-sacado-de-contexto/',
      ]);
      await options.close();

      const page = await browser.context.newPage();
      await page.goto(TIMELINE_URL);
      await settledBadges(page, { atLeast: 2 });
      expect(await page.evaluate(verdictsIn, POSTS)).toEqual(['false', 'false', null]);
      await page.close();
    },
  );
});
