/**
 * The built extension in real Chromium on real saved pages of each site (../shared/real-dom, with their
 * expect.json), served under their real addresses with their scripts stripped. A person adds a debunk list
 * built from the claims those files name, in the options page; then each listed post carries a badge on screen,
 * inside the viewport and inside the post's own box, and nothing else on the page is badged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithSanad, type SanadBrowser } from '../../scripts/support/chromium';
import { openOptions, scrollThrough, settledBadges } from '../../scripts/support/extension-pages';
import { clickInShadow, waitForInShadow } from '../../scripts/support/closed-shadow';
import { serveSavedPages } from '../../scripts/support/saved-pages';
import { claimReviews, type RealPageExpectation } from '../../scripts/support/real-pages';

const REAL_DOM = resolve(import.meta.dirname, '../../../shared/real-dom');
/** Checked on its own below: its post (the whole watch page) holds the up-next posts too. */
const WATCH_PAGE = 'youtube/yttrex-watch-2022';
// One real page per site (more are read in lib/sites/real-pages.test.ts).
const FILES = [
  'x/tweetyoink-cells-2025',
  'facebook/group-feed-2026',
  'facebook/group-post-dialog-2026',
  'facebook/m-group-feed-2026',
  'youtube/vulpelo-grid-2025',
  'youtube/yttrex-search-2022', // hidden cached pages in the DOM stay unbadged
  WATCH_PAGE,
  'tiktok/profile-2024',
  'tiktok/search-2022',
  'instagram/post-single-image-2025',
];
const pages = FILES.map((name) => ({
  name,
  expect: JSON.parse(readFileSync(join(REAL_DOM, `${name}.expect.json`), 'utf8')) as RealPageExpectation,
  // Saved pages carry no scripts (README), and none may run if one slipped in: a person's page runs the site's.
  html: readFileSync(join(REAL_DOM, `${name}.html`), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''),
}));
// web.facebook.com serves the same desktop markup as www (the address some regions are sent to). No page was
// saved there: the real group feed, as saved from www, is also served under web.facebook.com (derived, not saved).
const wwwFeed = pages.find((p) => p.name === 'facebook/group-feed-2026')!;
pages.push({
  ...wwwFeed,
  name: 'facebook/group-feed-2026 served at web.facebook.com',
  expect: { ...wwwFeed.expect, url: wwwFeed.expect.url.replace('https://www.facebook.com/', 'https://web.facebook.com/') },
});

// A profile grid has no expect.json: one debunk names its first tile's post as an appearance.
const GRID = {
  url: 'https://www.instagram.com/gdg_rbu/',
  html: readFileSync(join(REAL_DOM, 'instagram/profile-grid-2025.html'), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''),
  tile: 'main a[href*="/reel/DFe0nxuhPox/"]',
  review: {
    '@type': 'ClaimReview',
    identifier: 'rd-instagram-profile-grid-tile',
    url: 'https://factcheck.example/rd-instagram-profile-grid-tile',
    datePublished: '2026-01-01',
    author: { '@type': 'Organization', name: 'Real-page checks' },
    claimReviewed: 'Real-DOM check: a profile grid tile found by its post id',
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
    itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', url: 'https://www.instagram.com/reel/DFe0nxuhPox/' }] },
  },
};

let browser: SanadBrowser;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sanad-real-'));
  const list = claimReviews(FILES.map((name) => `${name}.html`)) as { '@graph': object[] };
  writeFileSync(join(work, 'real-pages.json'), JSON.stringify({ ...list, '@graph': [...list['@graph'], GRID.review] }));
  browser = await launchWithSanad();
  await serveSavedPages(browser.context, {
    pages: { ...Object.fromEntries(pages.map((p) => [p.expect.url, p.html])), [GRID.url]: GRID.html },
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

it('a person adds the list of the claims from the options page', async () => {
  const options = await openOptions(browser);
  await options.locator('input[name="list-file"]').setInputFiles(join(work, 'real-pages.json'));
  const total = pages.filter((p) => FILES.includes(p.name)).reduce((n, p) => n + p.expect.debunks.length, 0) + 1; // and the grid tile's
  await expect.poll(() => options.locator('.notice').innerText(), { timeout: 20_000 }).toContain(`Added ${total} fact-checks`);
  await options.close();
});

describe.each(pages.filter((p) => p.name !== WATCH_PAGE))('$name', ({ expect: e }) => {
  it('badges the listed posts on screen, inside their own boxes, and nothing else', async () => {
    const wanted = [...new Set(e.debunks.filter((d) => d.expect === 'badge').map((d) => d.post))];
    const page = await browser.context.newPage();
    await page.goto(e.url);
    await scrollThrough(page); // posts are read as the reader scrolls near them
    expect(await settledBadges(page, { atLeast: wanted.length, timeout: 20_000 })).toBe(wanted.length);

    const posts = page.locator(e.post);
    const visible: number[] = await posts.evaluateAll(
      (els, visibleOnly) => els.flatMap((el, i) => (visibleOnly && el.closest('[hidden]') ? [] : [i])),
      !!e.visibleOnly,
    );
    const badgedPosts = await posts.evaluateAll((els) => els.map((el) => el.querySelectorAll('[data-sanad-badge]').length));
    expect(visible.map((i) => badgedPosts[i])).toEqual(visible.map((_, n) => (wanted.includes(n) ? 1 : 0)));
    if (e.exclude) expect(await page.locator(`${e.exclude} [data-sanad-badge]`).count()).toBe(0);

    for (const n of wanted) {
      // Measured in one go once the badge is scrolled into view: lazy covers loading around it shift the layout.
      const where = () =>
        posts.nth(visible[n]!).evaluate((post) => {
          const badge = post.querySelector('[data-sanad-badge]')!;
          badge.scrollIntoView({ block: 'center' });
          const b = badge.getBoundingClientRect();
          const p = post.getBoundingClientRect();
          return {
            hasBox: b.width * b.height > 0,
            inViewport: b.left >= 0 && b.top >= 0 && b.right <= innerWidth && b.bottom <= innerHeight,
            insidePost: b.left >= p.left - 1 && b.top >= p.top - 1 && b.right <= p.right + 1 && b.bottom <= p.bottom + 1,
          };
        });
      await expect
        .poll(where, { timeout: 10_000, message: `badge of post ${n}` })
        .toEqual({ hasBox: true, inViewport: true, insidePost: true });
    }
    await page.close();
  });
});

it('on a TikTok profile grid each badge sits on its card, over none of its cover controls or caption', async () => {
  const grid = pages.find((p) => p.name === 'tiktok/profile-2024')!.expect;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(grid.url);
  await scrollThrough(page);
  const wanted = new Set(grid.debunks.filter((d) => d.expect === 'badge').map((d) => d.post)).size;
  expect(await settledBadges(page, { atLeast: wanted, timeout: 20_000 })).toBe(wanted);
  const cards = page.locator(`${grid.post}:has([data-sanad-badge])`);
  expect(await cards.count()).toBe(wanted);
  for (let i = 0; i < wanted; i++) {
    const card = cards.nth(i);
    await card.scrollIntoViewIfNeeded();
    const problems = await card.evaluate((item) => {
      const badge = item.querySelector('[data-sanad-badge]')!.getBoundingClientRect();
      const overlaps = (r: DOMRect) =>
        r.width * r.height > 0 && badge.left < r.right && badge.right > r.left && badge.top < r.bottom && badge.bottom > r.top;
      const box = item.getBoundingClientRect();
      const out: string[] = [];
      if (!(badge.width * badge.height > 0)) out.push('no box');
      if (badge.left < box.left - 1 || badge.right > box.right + 1 || badge.top < box.top - 1 || badge.bottom > box.bottom + 1)
        out.push('outside its card');
      // The card's own controls and text (play icon, view count, pinned label), and the caption beside the card.
      const card = item.parentElement!;
      const controls = card.querySelectorAll(
        'svg, video, [data-e2e="video-views"], [data-e2e="video-card-badge"], [data-e2e="user-post-item-desc"]',
      );
      for (const el of controls) if (overlaps(el.getBoundingClientRect())) out.push(`over ${el.getAttribute('data-e2e') || el.localName}`);
      return out;
    });
    expect(problems, `card ${i}`).toEqual([]);
  }
  // The first badged card, from its top, for a person to look at (the saved page has no stylesheet).
  const badge = cards.first().locator('[data-sanad-badge]');
  await badge.scrollIntoViewIfNeeded();
  const b = (await badge.boundingBox())!;
  const top = Math.max(0, b.y - 40);
  await page.screenshot({
    path: resolve(import.meta.dirname, '../../test-output/tiktok-profile-grid-badge.png'),
    clip: { x: 0, y: top, width: 1280, height: Math.min(900 - top, 500) },
  });
  await page.close();
});

it('on an Instagram profile grid the badge sits on its tile, off its reel icon, and a click opens it without leaving', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(GRID.url);
  await scrollThrough(page);
  expect(await settledBadges(page, { atLeast: 1, timeout: 20_000 })).toBe(1);
  const host = `${GRID.tile} [data-sanad-badge]`;
  expect(await page.locator(host).count()).toBe(1);
  await page.locator(host).scrollIntoViewIfNeeded();
  const where = await page.locator(GRID.tile).evaluate((tile) => {
    const badge = tile.querySelector('[data-sanad-badge]')!.getBoundingClientRect();
    const box = tile.getBoundingClientRect();
    const over = (r: DOMRect) =>
      r.width * r.height > 0 && badge.left < r.right && badge.right > r.left && badge.top < r.bottom && badge.bottom > r.top;
    // The tile is its cover: the badge may sit on the picture, never on the tile's own icons (reel, carousel).
    const icons = [...tile.querySelectorAll('svg')];
    return {
      insideTile: badge.left >= box.left - 1 && badge.top >= box.top - 1 && badge.right <= box.right + 1 && badge.bottom <= box.bottom + 1,
      icons: icons.length,
      overIcons: icons.filter((icon) => over(icon.getBoundingClientRect())).length,
    };
  });
  expect(where).toEqual({ insideTile: true, icons: 1, overIcons: 0 });
  // The tile is a link to the post: a click on the badge opens its panel and does not follow the link.
  // A person sees the badge, not the cover shifted over it: the point at its centre is the badge.
  expect(
    await page.locator(host).evaluate((h) => {
      const r = h.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === h;
    }),
  ).toBe(true);
  await clickInShadow(page, host, '.sanad-badge');
  await waitForInShadow(page, host, '.sanad-panel');
  expect(page.url()).toBe(GRID.url);
  await page.close();
});

it('on the YouTube watch page the badge covers no part of the title', async () => {
  const watch = pages.find((p) => p.name === WATCH_PAGE)!.expect;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(watch.url);
  await scrollThrough(page);
  await settledBadges(page, { atLeast: 1, timeout: 20_000 });
  const title = page.locator('ytd-video-primary-info-renderer h1').first();
  const badge = page.locator('ytd-watch-flexy ytd-video-primary-info-renderer [data-sanad-badge]');
  expect(await badge.count()).toBe(1);
  await title.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -100));
  // That the title keeps its lines is checked against the same page unbadged, at every width, in
  // screenshots.e2e.ts (a page cannot hide a badge here: the badge guard restores its host's style).
  const badgeBox = (await badge.boundingBox())!;
  const titleBox = (await title.boundingBox())!;
  const overlaps =
    badgeBox.x < titleBox.x + titleBox.width &&
    badgeBox.x + badgeBox.width > titleBox.x &&
    badgeBox.y < titleBox.y + titleBox.height &&
    badgeBox.y + badgeBox.height > titleBox.y;
  expect(overlaps).toBe(false);
  // From the title to the badge, wherever the page put it.
  await badge.scrollIntoViewIfNeeded();
  const [t, b] = [(await title.boundingBox())!, (await badge.boundingBox())!];
  const top = Math.max(0, Math.min(t.y, b.y) - 20);
  await page.screenshot({
    path: resolve(import.meta.dirname, '../../test-output/youtube-watch-title-en.png'),
    clip: { x: 0, y: top, width: 1280, height: Math.min(900 - top, Math.max(t.y + t.height, b.y + b.height) - top + 20) },
  });
  await page.close();
});
