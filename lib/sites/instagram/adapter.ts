import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, queryAllFirst, queryFirst, readText } from '../dom';
import { attributeOf, pattern, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors, attribute names and link patterns are data (instagram/rules.json); what is code here is how they
// combine: which kind of post an element is, and where a post page's caption starts.
const rules = () => rulesOf('instagram');
const any = (selectors: readonly string[]) => selectors.join(',');

const isPostAddress = (url: string) => !!canonicalMediaId(url)?.startsWith('instagram:');
/** `/p/<code>/` of any post address (`/<user>/p/<code>/`, `/reel/<code>/?igsh=…`): the shape debunks list. */
function postAddress(url: URL): string | undefined {
  const match = pattern(rules(), 'postAddress').exec(url.pathname);
  return match ? `${url.origin}/${match[1] === 'reels' ? 'reel' : match[1]}/${match[2]}/` : undefined;
}

function permalinkOf(post: Element, page: URL): { permalink?: string; time?: string } {
  const { selectors: S, attributes: A } = rules();
  const time = [...post.querySelectorAll(any(S.permalinkTime))].find((t) => !t.closest(any(S.commentLink)));
  const permalink = absoluteUrl(time?.closest(any(S.link))?.getAttribute('href'), page);
  const datetime = attributeOf(time, A.datetime);
  if (permalink) return { permalink, ...(datetime && { time: datetime }) };
  // A post on its own page may show no dated link: the page is the post.
  return isPostAddress(page.href) ? { permalink: `${page.origin}${page.pathname}` } : {};
}

/** The caption's time: the first one that is not a link (comments link theirs to /c/<id>/). */
const captionTime = (post: Element) => {
  const S = rules().selectors;
  return [...post.querySelectorAll(any(S.time))].find((t) => !t.closest(any(S.link)));
};

/**
 * The block holding the caption's author link and time; the caption's text follows it. How far up it sits
 * is a walk, not a selector: the wrappers between have no role or attribute to name them by.
 */
function captionBlock(time: Element): Element | undefined {
  let block = time.parentElement;
  for (let depth = 0; block && depth < 4; depth++, block = block.parentElement) if (block.nextElementSibling) return block;
  return undefined;
}

/**
 * A post page since 2025: the caption is the first entry of the comment list, the one whose time is not a
 * link (comments link theirs to /c/<id>/). Its block holds the author's link and the time; the text follows.
 */
function pageCaption(post: Element): { text: string; author?: string; time?: string } {
  const R = rules();
  const time = captionTime(post);
  const block = time && captionBlock(time);
  if (!time || !block) return { text: '' };
  const parts: string[] = [];
  for (let next = block.nextElementSibling; next; next = next.nextElementSibling) parts.push(readText(next));
  // The username, from the author link's address: its text also holds the "Verified" badge's title.
  const author = pattern(R, 'authorPath').exec(block.querySelector(any(R.selectors.authorLink))?.getAttribute('href') ?? '')?.[1];
  const datetime = attributeOf(time, R.attributes.datetime) ?? undefined;
  return { text: parts.filter(Boolean).join('\n'), ...(author && { author }), ...(datetime && { time: datetime }) };
}

function readPostPage(post: Element, page: URL): ExtractedPost | null {
  const { selectors: S, attributes: A } = rules();
  if (!isPostAddress(page.href)) return null; // main of a profile or the feed: its tiles and articles are the posts
  const permalink = postAddress(page);
  const caption = pageCaption(post);
  const text = caption.text || readText(queryFirst(post, S.caption));
  const media: MediaRef[] = [];
  for (const video of post.querySelectorAll(any(S.video))) {
    const poster = absoluteUrl(attributeOf(video, A.poster), page);
    media.push({ kind: 'video', ...(permalink && { url: permalink }), ...(poster && { poster }) });
  }
  for (const img of queryAllFirst(post, S.pagePhoto)) {
    const src = absoluteUrl(attributeOf(img, A.src), page);
    if (src && !img.closest(any(S.tile))) media.push({ kind: 'image', url: src });
  }
  const key = permalink ? canonicalMediaId(permalink) : null;
  if (!key) return null;
  return {
    key,
    ...(permalink && { permalink }),
    ...(caption.author && { author: caption.author }),
    text,
    links: [],
    media,
    ...(caption.time && { time: caption.time }),
  };
}

/** A profile grid's tile: the link is the post, its cover's alt text the only caption shown. */
function readTile(tile: Element, page: URL): ExtractedPost | null {
  const R = rules();
  if (isPostAddress(page.href)) return null; // "more posts" under a post: suggestions, not posts on show
  const href = absoluteUrl(tile.getAttribute('href'), page);
  const key = href && canonicalMediaId(href);
  if (!href || !key) return null;
  const permalink = postAddress(new URL(href));
  const img = queryFirst(tile, R.selectors.tileImage);
  const src = absoluteUrl(attributeOf(img, R.attributes.src), page);
  const author = pattern(R, 'tileAuthor').exec(new URL(href).pathname)?.[1];
  const isReel = pattern(R, 'reelLink').test(href);
  return {
    key,
    ...(permalink && { permalink }),
    ...(author && { author }),
    text: attributeOf(img, R.attributes.alt)?.trim() ?? '',
    links: [],
    media: [
      isReel ? { kind: 'video', ...(permalink && { url: permalink }), ...(src && { poster: src }) } : { kind: 'image', url: src ?? href },
    ],
  };
}

function readArticle(post: Element, page: URL): ExtractedPost | null {
  const { selectors: S, attributes: A } = rules();
  const { permalink, time } = permalinkOf(post, page);
  const text = readText(queryFirst(post, S.caption));
  const author = readText(queryFirst(post, S.authorName)) || undefined;
  const media: MediaRef[] = [];
  for (const video of post.querySelectorAll(any(S.video))) {
    const poster = absoluteUrl(attributeOf(video, A.poster), page);
    media.push({ kind: 'video', ...(permalink && { url: permalink }), ...(poster && { poster }) });
  }
  for (const img of queryAllFirst(post, S.photo)) {
    const src = absoluteUrl(attributeOf(img, A.src), page);
    if (src) media.push({ kind: 'image', url: src });
  }
  const key = permalink ? canonicalMediaId(permalink) : null;
  if (!key && !text && !media.length) return null; // a skeleton while the feed loads
  return {
    key: key ?? `instagram-text:${text.slice(0, 120)}`,
    ...(permalink && { permalink }),
    ...(author && { author }),
    text,
    links: [], // captions do not link out; URLs typed in them stay in the text
    media,
    ...(time && { time }),
  } satisfies ExtractedPost;
}

export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  get postSelectors() {
    return rules().selectors.post;
  },

  extract(post, page) {
    const S = rules().selectors;
    if (post.matches(any(S.postPage))) return readPostPage(post, page);
    if (post.matches(any(S.tile))) return readTile(post, page);
    return readArticle(post, page);
  },

  videos(post) {
    return [...post.querySelectorAll<HTMLVideoElement>(any(rules().selectors.video))];
  },

  badgePlacement(post) {
    const S = rules().selectors;
    // A grid tile: on the card, before its cover (never over the picture's own controls or counts).
    if (post.matches(any(S.tile))) return { parent: post, before: post.firstElementChild };
    if (post.matches(any(S.postPage))) {
      // A post page: next to the author's name in the post's header (the first text link to the author).
      const time = captionTime(post);
      const authorHref = (time && captionBlock(time))?.querySelector(any(S.authorLink))?.getAttribute('href');
      const header = authorHref
        ? [...post.querySelectorAll(`a[href="${CSS.escape(authorHref)}"]`)].find((a) => readText(a) && !a.closest(any(S.postTile)))
        : undefined;
      const spot = header?.closest(any(S.nameBox)) ?? header;
      if (spot?.parentElement) return { parent: spot.parentElement, before: spot.nextSibling };
      return null;
    }
    // In the header after the post's time (or the author's name): never over the picture or the caption.
    const link = queryFirst(post, S.permalinkTime)?.closest(any(S.link)) ?? queryFirst(post, S.authorName)?.closest(any(S.link));
    return link?.parentElement ? { parent: link.parentElement, before: link.nextSibling } : null;
  },
};
