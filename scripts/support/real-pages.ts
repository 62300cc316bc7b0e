/**
 * The real saved pages of ../shared/real-dom (see its README) as one table: per page, the posts a person sees
 * there (the README's notes), what Sanad must read of them, and, with a debunk list built from every
 * expect.json's claims, which posts get a badge. `npm run real-pages` prints it (scripts/real-pages.ts) and
 * lib/sites/real-pages.test.ts holds every figure to it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importClaimReviews } from '../../lib/debunk/claimreview';
import { buildIndex } from '../../lib/match/bm25-index';
import { matchPost } from '../../lib/match/match';
import type { MatchIndex } from '../../lib/match/bm25-index';
import type { ExtractedPost } from '../../lib/match/types';
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { instagramAdapter } from '../../lib/sites/instagram/adapter';
import { tiktokAdapter } from '../../lib/sites/tiktok/adapter';
import type { SiteAdapter } from '../../lib/sites/types';
import { xAdapter } from '../../lib/sites/x/adapter';
import { youtubeAdapter } from '../../lib/sites/youtube/adapter';

// From the project root (npm scripts and vitest run there; import.meta.url is not a file URL under happy-dom).
export const REAL_DOM = resolve(process.cwd(), '../shared/real-dom');

export type Site = 'x' | 'facebook' | 'youtube' | 'tiktok' | 'instagram';
export const ADAPTERS: Record<Site, SiteAdapter> = {
  x: xAdapter,
  facebook: facebookAdapter,
  youtube: youtubeAdapter,
  tiktok: tiktokAdapter,
  instagram: instagramAdapter,
};
export const siteOf = (file: string) => file.split('/')[0] as Site;

export interface PageRow {
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
  /**
   * Posts (keys) the matcher badges though expect.json says they must stay unbadged: known matcher false
   * positives, listed so the table says so plainly; the test fails when the list changes either way.
   */
  wrongBadges?: string[];
}

// The counts say what a person sees on each page (README of ../shared/real-dom), checked there by hand.
export const PAGES: Record<string, PageRow> = {
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
    // Near titles of the same series or topic (parts 1 and 3, other games' speedruns), which expect.json says
    // must stay unbadged, get none: the stance step reads them as near misses (edits.ts nearMiss).
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
    posts: 59, // the videos of the 20 hashtag rows; not the rows' headers or the 27 account suggestions
    withPermalink: 59,
    withText: 59,
    withAuthor: 59,
    withMedia: 59,
    why: "each video is a cover link whose alt text is its caption, the author in the link's path",
    sample: [
      { index: 0, key: 'tiktok:7381832164662431019', author: 'rockinrefreshments', text: 'A compilation of all 9 of Aj’s drawings' },
    ],
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

/** What a page's `<name>.expect.json` says (the README's format); only some pages have one. */
export interface RealPageExpectation {
  url: string;
  post: string;
  posts: number;
  visibleOnly?: boolean;
  exclude?: string;
  hidden?: string;
  debunks: { id: string; post: number; claim: string; appearance?: string; expect: 'badge' | 'none' }[];
}

export function realPageExpectation(file: string): RealPageExpectation | undefined {
  try {
    return JSON.parse(readFileSync(resolve(REAL_DOM, file.replace(/\.html$/, '.expect.json')), 'utf8')) as RealPageExpectation;
  } catch {
    return undefined;
  }
}

/** The page's saved markup as it goes into a document: no stylesheet links or iframes (nothing posts are made of). */
export function realPageMarkup(file: string): string {
  return readFileSync(resolve(REAL_DOM, file), 'utf8')
    .replace(/^<!DOCTYPE[^>]*>/i, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, '');
}

export const pageUrl = (file: string): string => realPageExpectation(file)?.url ?? PAGES[file]!.url!;

export interface ReadPost {
  element: Element;
  post: ExtractedPost;
}

/** Every post the adapter reads in `root`, with its element, in document order. */
export function readRealPosts(adapter: SiteAdapter, page: string, root: ParentNode): ReadPost[] {
  const url = new URL(page);
  const out: ReadPost[] = [];
  for (const element of root.querySelectorAll(adapter.postSelectors.join(','))) {
    const post = adapter.extract(element, url);
    if (post) out.push({ element, post });
  }
  return out;
}

/**
 * The read post that is `el` (a selector of expect.json): the same element, else the one post inside it, else
 * the innermost post around it (a watch page holds its "up next" items).
 */
export function postFor(el: Element, read: readonly ReadPost[]): ReadPost[] {
  const same = read.filter((r) => r.element === el);
  if (same.length) return same;
  const inside = read.filter((r) => el.contains(r.element));
  if (inside.length) return inside;
  const around = read.filter((r) => r.element.contains(el));
  return around.filter((r) => !around.some((other) => other !== r && r.element.contains(other.element)));
}

/** The file names of every page in the table, in its order. */
export const PAGE_FILES = Object.keys(PAGES);

/** One schema.org ClaimReview per claim of every expect.json (the README's recipe), as a fact-checker's file holds. */
export function claimReviews(files: readonly string[] = PAGE_FILES): object {
  return {
    '@context': 'https://schema.org',
    '@graph': files.flatMap((file) =>
      (realPageExpectation(file)?.debunks ?? []).map((d) => ({
        '@type': 'ClaimReview',
        identifier: d.id,
        url: `https://factcheck.example/${d.id}`,
        datePublished: '2026-01-01',
        author: { '@type': 'Organization', name: 'Real-page checks' },
        claimReviewed: d.claim,
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        itemReviewed: { '@type': 'Claim', appearance: d.appearance ? [{ '@type': 'CreativeWork', url: d.appearance }] : [] },
      })),
    ),
  };
}

let index: MatchIndex | undefined;
/** The index of every page's claims: each page is read against all of them, so a wrong badge anywhere shows. */
function realPagesIndex(): MatchIndex {
  // With the bundled list beside them, as in the extension after a person adds a list.
  const bundled = importClaimReviews(readFileSync(resolve(process.cwd(), 'public/default-debunks.json'), 'utf8'), 'bundled').debunks;
  return (index ??= buildIndex([...bundled, ...importClaimReviews(JSON.stringify(claimReviews()), 'real-pages').debunks]));
}

export interface PageFigures {
  file: string;
  /** Posts a person sees there (the README's notes). */
  present: number;
  read: number;
  /** Read posts the matcher badges against every page's claims. */
  badged: number;
  /** Posts that should be badged: those expect.json lists with "badge" (none on a page without one). */
  expectedBadged: number;
  /** Badges on posts expect.json does not list as badged: matcher false positives (or a comment read as a post). */
  wrong: { key: string; text: string; debunkId: string }[];
  /** Listed posts left without a badge. */
  missed: number[];
}

/** The figures of one page already read (`read`), in `root`, the document it was loaded into. */
export function pageFigures(file: string, read: readonly ReadPost[], root: ParentNode): PageFigures {
  const expectation = realPageExpectation(file);
  const badges = new Map<ReadPost, string>();
  for (const r of read) {
    const hit = matchPost(realPagesIndex(), r.post).candidates.find((c) => c.badge);
    if (hit) badges.set(r, hit.debunkId);
  }
  const wanted = new Set<ReadPost>();
  const missed: number[] = [];
  const listed = new Set(expectation?.debunks.filter((d) => d.expect === 'badge').map((d) => d.post));
  if (expectation) {
    const theirs = [...root.querySelectorAll(expectation.post)].filter((el) => !expectation.visibleOnly || !el.closest('[hidden]'));
    for (const n of listed) {
      const [r] = theirs[n] ? postFor(theirs[n], read) : [];
      if (r) wanted.add(r);
      if (!r || !badges.has(r)) missed.push(n);
    }
  }
  const wrong = [...badges]
    .filter(([r]) => !wanted.has(r))
    .map(([r, debunkId]) => ({ key: r.post.key, text: r.post.text.slice(0, 80), debunkId }));
  return { file, present: PAGES[file]!.posts, read: read.length, badged: badges.size, expectedBadged: listed.size, wrong, missed };
}
