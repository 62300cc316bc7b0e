// @vitest-environment happy-dom
/**
 * Every adapter on every real saved page in ../shared/real-dom (see its README): which posts it reads, with
 * what text, author, permalink and media, and where their badges go. Two tables, the refined-github habit:
 *
 * - SELECTOR_COUNTS: each post selector with the real pages it must match and how many elements it finds
 *   there (raw matches: loading placeholders, hidden cached pages and cells read as nothing count too). When a
 *   site changes its markup, one named line fails here.
 * - PAGES: per page, the posts a person sees there (the README's notes) and what must be read of them.
 *
 * Pages with an `<name>.expect.json` are also held to it: each of its posts is one post read, each claim it
 * lists is in that post's text (or its appearance is that post's id), and no badge lands in a comment.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalMediaId } from '@/lib/urls/canonical';
import { words } from '@/lib/text/normalise';
import { loadRealPage, placementProblem, readRealPosts, realPageExpectation, type ReadPost } from '@/tests/unit/support/real-pages';
import { ADAPTERS, PAGES, REAL_DOM, pageFigures, pageUrl, postFor, siteOf, type Site } from '@/scripts/support/real-pages';
import { BUNDLED_RULES } from '@/lib/site-rules/bundled';

/** The i-th selector of a list (a typo in the table fails loudly rather than testing nothing). */
function nth(list: readonly string[], i: number): string {
  const selector = list[i];
  if (!selector) throw new Error(`no selector ${i}`);
  return selector;
}

/** Each post selector, the real pages it matches and how many elements it finds there (raw, before reading). */
const SELECTOR_COUNTS: Record<Site, [selector: string, pages: [count: number, file: string][]][]> = {
  x: [
    [
      nth(BUNDLED_RULES.x.selectors.post, 0),
      [
        [3, 'x/tweetyoink-cells-2025.html'],
        [10, 'x/skiinfo-profile-ja-2025.html'],
        [4, 'x/skiinfo-profile-loggedout-2025.html'],
        [1, 'x/status-ptbr-loggedout-2025.html'],
        [5, 'x/profile-163ba6y-2025.html'],
      ],
    ],
  ],
  facebook: [
    [
      nth(BUNDLED_RULES.facebook.selectors.post, 0), // [aria-posinset]
      [
        [5, 'facebook/search-results-2025.html'],
        [1, 'facebook/post-dialog-bn-2025.html'],
        [1, 'facebook/page-gshcl-loggedout-2026.html'],
        [1, 'facebook/home-feed-2025.html'],
        [0, 'facebook/group-feed-2026.html'],
      ],
    ],
    [nth(BUNDLED_RULES.facebook.selectors.post, 1), [[2, 'facebook/group-feed-2026.html']]], // the post and a loading cell
    [
      nth(BUNDLED_RULES.facebook.selectors.post, 2), // role=article without a label
      [
        [2, 'facebook/group-feed-2026.html'],
        [3, 'facebook/page-gshcl-loggedout-2026.html'],
        [2, 'facebook/home-feed-2025.html'],
        [0, 'facebook/group-post-dialog-2026.html'],
      ],
    ],
    [
      nth(BUNDLED_RULES.facebook.selectors.post, 3), // the dialog of a post without a role
      [
        [1, 'facebook/group-post-dialog-2026.html'],
        [0, 'facebook/post-dialog-bn-2025.html'],
        [0, 'facebook/page-gshcl-loggedout-2026.html'],
      ],
    ],
    [nth(BUNDLED_RULES.facebook.selectors.post, 4), [[5, 'facebook/m-group-feed-2026.html']]],
  ],
  youtube: [
    [
      nth(BUNDLED_RULES.youtube.selectors.watch, 0),
      [
        [1, 'youtube/yttrex-watch-2022.html'],
        [1, 'youtube/search-2025.html'], // hidden, cached
      ],
    ],
    [
      nth(BUNDLED_RULES.youtube.selectors.items, 0), // ytd-rich-item-renderer
      [
        [54, 'youtube/home-lockup-2025.html'],
        [10, 'youtube/vulpelo-grid-2025.html'],
        [72, 'youtube/yttrex-search-2022.html'], // all hidden, cached
      ],
    ],
    [
      nth(BUNDLED_RULES.youtube.selectors.items, 1), // yt-lockup-view-model
      [
        [24, 'youtube/home-lockup-2025.html'],
        [4, 'youtube/search-2025.html'],
      ],
    ],
    [
      nth(BUNDLED_RULES.youtube.selectors.items, 2), // ytd-video-renderer
      [
        [18, 'youtube/search-2025.html'],
        [26, 'youtube/yttrex-search-2022.html'],
      ],
    ],
    [nth(BUNDLED_RULES.youtube.selectors.items, 3), [[20, 'youtube/yttrex-upnext-2022.html']]],
    [nth(BUNDLED_RULES.youtube.selectors.items, 5), [[12, 'youtube/search-2025.html']]], // Shorts lockups
  ],
  tiktok: [
    [nth(BUNDLED_RULES.tiktok.selectors.post, 0), [[9, 'tiktok/foryou-2022.html']]],
    [nth(BUNDLED_RULES.tiktok.selectors.post, 2), [[1, 'tiktok/video-2022.html']]],
    [nth(BUNDLED_RULES.tiktok.selectors.post, 3), [[35, 'tiktok/profile-2024.html']]], // profile cards with their caption
    [nth(BUNDLED_RULES.tiktok.selectors.post, 4), [[24, 'tiktok/search-2022.html']]], // search cards
    [nth(BUNDLED_RULES.tiktok.selectors.post, 6), [[15, 'tiktok/explore-2025.html']]], // Explore cards
    [nth(BUNDLED_RULES.tiktok.selectors.post, 11), [[59, 'tiktok/discover-2025.html']]], // Discover's hashtag-row videos
    [
      nth(BUNDLED_RULES.tiktok.selectors.post, 12), // the link-tile fallback: raw, mostly inside posts other rules name
      [
        [59, 'tiktok/discover-2025.html'],
        [15, 'tiktok/explore-2025.html'],
        [30, 'tiktok/profile-2022.html'],
        [60, 'tiktok/profile-2024.html'],
        [16, 'tiktok/profile-es-2026.html'],
        [24, 'tiktok/search-2022.html'],
        [0, 'tiktok/foryou-2022.html'],
        [0, 'tiktok/video-2022.html'],
      ],
    ],
    [
      nth(BUNDLED_RULES.tiktok.selectors.post, 7), // bare profile items
      [
        [30, 'tiktok/profile-2022.html'],
        [16, 'tiktok/profile-es-2026.html'],
      ],
    ],
  ],
  instagram: [
    [
      nth(BUNDLED_RULES.instagram.selectors.post, 2), // main without an article
      [
        [1, 'instagram/post-single-image-2025.html'],
        [1, 'instagram/reel-ptbr-2025.html'],
        [1, 'instagram/profile-grid-2025.html'], // read as nothing: a profile, not a post's page
      ],
    ],
    [
      nth(BUNDLED_RULES.instagram.selectors.post, 3), // /p/ tiles
      [
        [8, 'instagram/profile-grid-2025.html'],
        [5, 'instagram/post-news-ptbr-2025.html'], // "more posts": read as nothing on a post's page
      ],
    ],
    [nth(BUNDLED_RULES.instagram.selectors.post, 4), [[4, 'instagram/profile-grid-2025.html']]],
  ],
};

/** How much of a claim's wording a post's text holds (a debunk list of that claim badges the post). */
function coverage(claim: string, text: string): number {
  const have = new Set(words(text));
  const need = words(claim);
  return need.filter((w) => have.has(w)).length / Math.max(1, need.length);
}

describe('the tables cover every real page', () => {
  it.each(Object.keys(ADAPTERS))('%s', (site) => {
    const files = readdirSync(resolve(REAL_DOM, site)).filter((f) => f.endsWith('.html'));
    expect(files.map((f) => `${site}/${f}`).sort()).toEqual(
      Object.keys(PAGES)
        .filter((f) => f.startsWith(`${site}/`))
        .sort(),
    );
  });
});

/** The selector rows that name a page: [selector, count]. */
const selectorRows = (file: string) =>
  Object.values(SELECTOR_COUNTS).flatMap((rows) =>
    rows.flatMap(([selector, pages]) => pages.filter(([, f]) => f === file).map(([count]) => [selector, count] as const)),
  );

// One load per page: real pages are large, and happy-dom parses each in about a second.
describe.each(Object.entries(PAGES))('%s', (file, row) => {
  const adapter = ADAPTERS[siteOf(file)];
  const expectation = realPageExpectation(file);
  const url = pageUrl(file);
  let read: ReadPost[] = [];
  beforeAll(() => {
    loadRealPage(file);
    read = readRealPosts(adapter, url);
  }, 60_000); // the largest pages take seconds to parse on a loaded machine

  it.each(selectorRows(file))('post selector %s finds %i elements', (selector, count) => {
    expect(document.querySelectorAll(selector).length).toBe(count);
  });

  it('reads the posts a person sees, with their ids, text, authors and media', () => {
    expect(read).toHaveLength(row.posts);
    const count = (has: (r: ReadPost) => boolean) => read.filter(has).length;
    expect({
      withPermalink: count((r) => !!r.post.permalink),
      withText: count((r) => !!r.post.text),
      withAuthor: count((r) => !!r.post.author),
      withMedia: count((r) => r.post.media.length > 0),
    }).toEqual({ withPermalink: row.withPermalink, withText: row.withText, withAuthor: row.withAuthor, withMedia: row.withMedia });
    for (const r of read) if (r.post.permalink) expect(canonicalMediaId(r.post.permalink), r.post.permalink).toBe(r.post.key);
    for (const sample of row.sample ?? []) {
      const post = read[sample.index]!.post;
      if (sample.key) expect(post.key).toBe(sample.key);
      if (sample.author) expect(post.author).toBe(sample.author);
      if (sample.permalink) expect(post.permalink).toBe(sample.permalink);
      if (sample.text) expect(post.text).toContain(sample.text);
    }
  });

  // The figures `npm run real-pages` prints: every post present is read, exactly the listed posts are badged
  // against every page's claims (a badge anywhere else is a matcher false positive), and none is missed.
  it('present = read, and badged = listed (plus the known wrong badges, if any)', () => {
    const figures = pageFigures(file, read, document);
    expect(figures.read).toBe(figures.present);
    const knownWrong = row.wrongBadges ?? [];
    expect({ badged: figures.badged, wrong: figures.wrong.map((w) => w.key), missed: figures.missed }).toEqual({
      badged: figures.expectedBadged + knownWrong.length,
      wrong: knownWrong,
      missed: [],
    });
  });

  it('puts every badge inside its post, out of its media, its comments and any post inside it', () => {
    for (const r of read) expect(placementProblem(adapter, r.element, expectation?.exclude), r.post.key).toBeNull();
    for (const outer of read) {
      const parent = adapter.badgePlacement(outer.element)!.parent;
      for (const inner of read)
        if (inner !== outer && outer.element.contains(inner.element)) expect(inner.element.contains(parent)).toBe(false);
    }
  });

  // Only some pages have an expect.json: the others get no such test rather than a skipped one.
  if (expectation)
    it('reads each post of its expect.json once, holding the claims it lists, and nothing hidden', () => {
      const e = expectation;
      const theirs = [...document.querySelectorAll(e.post)].filter((el) => !e.visibleOnly || !el.closest('[hidden]'));
      expect(theirs).toHaveLength(e.posts);
      const ours = theirs.map((el) => postFor(el, read));
      for (const [i, matched] of ours.entries()) expect(matched, `post ${i}`).toHaveLength(1);
      // The badge sits in the box a person sees as the post (a grid's thumbnail card, not the caption beside it).
      for (const [i, [r]] of ours.entries())
        expect(theirs[i]!.contains(adapter.badgePlacement(r!.element)!.parent), `badge of post ${i}`).toBe(true);
      for (const debunk of e.debunks) {
        const post = ours[debunk.post]![0]!.post;
        if (debunk.appearance) expect(post.key, debunk.id).toBe(canonicalMediaId(debunk.appearance));
        else if (debunk.expect === 'badge')
          expect(coverage(debunk.claim, post.text), `${debunk.id}: ${post.text.slice(0, 80)}`).toBeGreaterThanOrEqual(0.8);
        else expect(coverage(debunk.claim, post.text), `${debunk.id}: ${post.text.slice(0, 80)}`).toBeLessThan(0.5);
      }
      if (e.hidden) for (const r of read) expect(r.element.closest('[hidden]'), r.post.key).toBeNull();
    });
});

it('every selector row names a page of the tables', () => {
  for (const rows of Object.values(SELECTOR_COUNTS))
    for (const [, pages] of rows) for (const [, file] of pages) expect(PAGES[file], file).toBeDefined();
});
