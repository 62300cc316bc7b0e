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
import { BUNDLED_RULES } from '@/lib/site-rules/bundled';
import { facebookAdapter } from './facebook/adapter';
import { instagramAdapter } from './instagram/adapter';
import { tiktokAdapter } from './tiktok/adapter';
import { youtubeAdapter } from './youtube/adapter';
import { xAdapter } from './x/adapter';
import type { SiteAdapter } from './types';

type Site = 'x' | 'facebook' | 'youtube' | 'tiktok' | 'instagram';
const ADAPTERS: Record<Site, SiteAdapter> = {
  x: xAdapter,
  facebook: facebookAdapter,
  youtube: youtubeAdapter,
  tiktok: tiktokAdapter,
  instagram: instagramAdapter,
};

interface PageRow {
  /** The address the page represents (README), unless its expect.json gives it. */
  url?: string;
  /** Posts read: the posts a person sees there. */
  posts: number;
  /** How many of them carry a post id (a permalink), text, an author, media. */
  withPermalink: number;
  withText: number;
  withAuthor: number;
  withMedia: number;
  /** Some posts read, by index: their id, author, a piece of their text. */
  sample?: { index: number; key?: string; author?: string; text?: string; permalink?: string }[];
  why?: string;
}

// The counts say what a person sees on each page (README of ../shared/real-dom), checked there by hand.
const PAGES: Record<string, PageRow> = {
  'x/tweetyoink-cells-2025.html': { posts: 3, withPermalink: 3, withText: 3, withAuthor: 3, withMedia: 0 },
  'x/skiinfo-profile-ja-2025.html': {
    url: 'https://x.com/skiinfomation',
    posts: 10,
    withPermalink: 10,
    withText: 10,
    withAuthor: 10,
    withMedia: 8,
  },
  'x/skiinfo-profile-loggedout-2025.html': {
    url: 'https://x.com/skiinfomation',
    posts: 4,
    withPermalink: 4,
    withText: 4,
    withAuthor: 4,
    withMedia: 3,
  },
  'x/status-ptbr-loggedout-2025.html': {
    url: 'https://x.com/stfuesh/status/1993177247822516587',
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'x:1993177247822516587' }],
  },
  'x/profile-163ba6y-2025.html': { url: 'https://x.com/163ba6y', posts: 5, withPermalink: 5, withText: 5, withAuthor: 5, withMedia: 4 },

  'facebook/group-feed-2026.html': {
    posts: 1, // and two loading placeholders, read as nothing
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    why: 'no aria-posinset; the time link is ?__cft__: the post id comes from its photos (set=pcb.<id>)',
    sample: [
      {
        index: 0,
        key: 'facebook:post:2178692793081027',
        author: 'Cô Thư',
        text: 'Cắt 100k',
        permalink: 'https://www.facebook.com/groups/chocudanvinhomeq9/posts/2178692793081027/',
      },
    ],
  },
  'facebook/m-group-feed-2026.html': {
    posts: 5,
    withPermalink: 0, // m.facebook.com's MContainer pages carry no links at all
    withText: 5,
    withAuthor: 5,
    withMedia: 3,
    sample: [{ index: 3, author: 'Dung Lê', text: 'PHÁ LẤU BÒ VINDU' }],
  },
  'facebook/group-post-dialog-2026.html': {
    posts: 1, // its 10 comments are never posts
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'facebook:post:2178781216405518', author: 'Nguyễn Xuân', text: 'BÁNH XÈO GIÒN' }],
  },
  'facebook/search-results-2025.html': {
    url: 'https://www.facebook.com/search/posts/?q=Sri%20Lanka%20Elon%20musk%20business',
    posts: 3, // and two loading placeholders
    withPermalink: 2, // one text post links nothing of its own
    withText: 3,
    withAuthor: 3,
    withMedia: 2,
    sample: [
      { index: 0, key: 'facebook:video:1390415372702099', text: 'Set up your business in Sri Lanka' },
      { index: 2, key: 'facebook:post:9621062074667003', author: 'Sri Lanka Travel and Tourism', text: 'Starlink Officially Launches' },
    ],
  },
  'facebook/post-dialog-bn-2025.html': {
    url: 'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl',
    posts: 1, // its 10 comments, with links, are never posts
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 0,
    sample: [
      {
        index: 0,
        key: 'facebook:post:pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl',
        author: 'Salman Mohammad Sultan',
        text: 'System Design',
      },
    ],
  },
  'facebook/page-gshcl-loggedout-2026.html': {
    url: 'https://www.facebook.com/GSHCLgoa',
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [
      { index: 0, key: 'facebook:post:pfbid02Azwt2Dox5JeUKwA7EKCmwjeBAefiZxwieLx2xXAffQHD9PN9UBGRk48R9bmLgWLdl', text: 'GSHCL RATES' },
    ],
  },
  'facebook/home-feed-2025.html': {
    url: 'https://www.facebook.com/',
    posts: 1, // stories, contacts, chats and shortcuts around it are not posts
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, author: 'Indian Cricket Sarcasm', text: 'This is what Virat Kohli has earned' }],
  },

  'youtube/yttrex-search-2022.html': { posts: 26, withPermalink: 26, withText: 26, withAuthor: 26, withMedia: 26 },
  'youtube/yttrex-watch-2022.html': {
    posts: 20, // the watch page's video and 19 "up next"
    withPermalink: 20,
    withText: 20,
    withAuthor: 1,
    withMedia: 20,
    sample: [{ index: 0, key: 'youtube:1bOxylC8qU0' }],
  },
  'youtube/yttrex-upnext-2022.html': {
    posts: 21, // 20 "up next" and the watch page's video (its title moved out by the parser: read by its address)
    withPermalink: 21,
    withText: 21,
    withAuthor: 1,
    withMedia: 21,
  },
  'youtube/vulpelo-grid-2025.html': { posts: 10, withPermalink: 10, withText: 10, withAuthor: 10, withMedia: 10 },
  'youtube/home-lockup-2025.html': {
    url: 'https://www.youtube.com/',
    posts: 31, // 21 videos and 10 visible Shorts; not the 3 ads, the Playables or the hidden cached page
    withPermalink: 31,
    withText: 31,
    withAuthor: 21,
    withMedia: 31,
  },
  'youtube/search-2025.html': {
    url: 'https://www.youtube.com/results?search_query=duckdb',
    posts: 34, // 18 results, 12 Shorts, 4 related searches; not the 5 ads or the hidden watch page
    withPermalink: 34,
    withText: 34,
    withAuthor: 22,
    withMedia: 34,
  },

  'tiktok/foryou-2022.html': {
    posts: 9,
    withPermalink: 0,
    withText: 9,
    withAuthor: 9,
    withMedia: 9,
    why: '2022 feed items carry no video id',
  },
  'tiktok/profile-2022.html': { posts: 30, withPermalink: 30, withText: 6, withAuthor: 30, withMedia: 30, why: 'empty cover alt texts' },
  'tiktok/search-2022.html': {
    posts: 24,
    withPermalink: 24,
    withText: 24,
    withAuthor: 24,
    withMedia: 24,
    sample: [{ index: 1, author: 'manifestation1776', text: 'Gran Tartaria' }],
  },
  'tiktok/video-2022.html': { posts: 1, withPermalink: 1, withText: 1, withAuthor: 1, withMedia: 1 },
  'tiktok/profile-2024.html': {
    posts: 35,
    withPermalink: 30,
    withText: 35,
    withAuthor: 35,
    withMedia: 35,
    sample: [
      { index: 0, key: 'tiktok:7354427342720208170', author: 'faithhelizabethhh', text: 'AND it has pockets. Might have to make room' },
    ],
  },
  'tiktok/profile-es-2026.html': {
    url: 'https://www.tiktok.com/@alcaldiasa',
    posts: 16,
    withPermalink: 16,
    withText: 16,
    withAuthor: 16,
    withMedia: 16,
    sample: [{ index: 0, key: 'tiktok:7641084911117536533', text: 'EL MEJOR RECIBIMIENTO' }],
  },
  'tiktok/explore-2025.html': {
    url: 'https://www.tiktok.com/explore',
    posts: 15,
    withPermalink: 15,
    withText: 14,
    withAuthor: 15,
    withMedia: 15,
    sample: [{ index: 0, key: 'tiktok:7548171815416368414', author: 'foxnews', text: 'Newly released video' }],
  },
  'tiktok/discover-2025.html': {
    url: 'https://www.tiktok.com/discover',
    posts: 0,
    withPermalink: 0,
    withText: 0,
    withAuthor: 0,
    withMedia: 0,
    why: 'hashtag rows of captionless thumbnails and account suggestions: not read (not a supported page yet)',
  },

  'instagram/post-single-image-2025.html': {
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'instagram:DNYNXb4z8J0', author: 'ririnn.ri' }],
  },
  'instagram/post-4-images-2025.html': { posts: 1, withPermalink: 1, withText: 1, withAuthor: 1, withMedia: 1 },
  'instagram/post-news-ptbr-2025.html': {
    url: 'https://www.instagram.com/p/DQq9PJQk4TG/',
    posts: 1, // not its 5 comments, not the 6 "more posts"
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'instagram:DQq9PJQk4TG', author: 'opovoonline', text: 'Bom dia, seguidores' }],
  },
  'instagram/post-comments-ptbr-2025.html': {
    url: 'https://www.instagram.com/p/DOs7hevjbX3/',
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, author: 'thiago.nigro', text: 'Não faz sentido financiar um carro de luxo' }],
  },
  'instagram/reel-ptbr-2025.html': {
    url: 'https://www.instagram.com/reel/DO_ABQJjuPW/',
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'instagram:DO_ABQJjuPW', author: 'vitinho.ceara', text: 'Concorda com essas vantagens?' }],
  },
  'instagram/post-news-cop30-ptbr-2025.html': {
    url: 'https://www.instagram.com/thenews.cc/p/DRQcDGdF956/',
    posts: 1,
    withPermalink: 1,
    withText: 1,
    withAuthor: 1,
    withMedia: 1,
    sample: [{ index: 0, key: 'instagram:DRQcDGdF956', permalink: 'https://www.instagram.com/p/DRQcDGdF956/', text: 'REVOLTA RELIGIOSA' }],
  },
  'instagram/profile-grid-2025.html': {
    url: 'https://www.instagram.com/gdg_rbu/',
    posts: 12, // 8 posts and 4 reels; not the highlights
    withPermalink: 12,
    withText: 12,
    withAuthor: 12,
    withMedia: 12,
    sample: [{ index: 0, key: 'instagram:DFe0nxuhPox', author: 'gdg_rbu', text: 'SPIDER CRAFT 2025' }],
  },
};

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

const REAL_DOM = resolve(process.cwd(), '../shared/real-dom');
const siteOf = (file: string) => file.split('/')[0] as Site;

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

/**
 * The read post that is `el` (a selector of expect.json): the same element, else the one post inside it, else
 * the innermost post around it (a watch page holds its "up next" items).
 */
function postFor(el: Element, read: ReadPost[]): ReadPost[] {
  const same = read.filter((r) => r.element === el);
  if (same.length) return same;
  const inside = read.filter((r) => el.contains(r.element));
  if (inside.length) return inside;
  const around = read.filter((r) => r.element.contains(el));
  return around.filter((r) => !around.some((other) => other !== r && r.element.contains(other.element)));
}

// One load per page: real pages are large, and happy-dom parses each in about a second.
describe.each(Object.entries(PAGES))('%s', (file, row) => {
  const adapter = ADAPTERS[siteOf(file)];
  const expectation = realPageExpectation(file);
  const url = expectation?.url ?? row.url!;
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
