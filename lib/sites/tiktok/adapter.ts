import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import { attributeOf, pattern, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors, attribute names and patterns are data (tiktok/rules.json); what is code here is how they combine:
// which element is a card, where the video id comes from, the upload time inside the id.
const rules = () => rulesOf('tiktok');
const any = (selectors: readonly string[]) => selectors.join(',');

/** TikTok ids start with the upload time in seconds (their top 32 bits): the post time the page hides. */
export function timeFromTikTokId(id: string): string | undefined {
  if (!pattern(rules(), 'videoId').test(id)) return undefined;
  const seconds = Number(BigInt(id) >> 32n);
  // Sanity: between TikTok's launch and a day from now; anything else is not a real id.
  return seconds > 1_472_688_000 && seconds < Date.now() / 1000 + 86_400 ? new Date(seconds * 1000).toISOString() : undefined;
}

/** The video id: the player's wrapper id, a link to the video, or the page's own address. */
function videoIdOf(post: Element, page: URL): string | undefined {
  const R = rules();
  const wrapper = pattern(R, 'playerVideoId').exec(attributeOf(queryFirst(post, R.selectors.player), R.attributes.playerId) ?? '')?.[1];
  if (wrapper) return wrapper;
  const link = absoluteUrl(queryFirst(post, R.selectors.videoLink)?.getAttribute('href'), page);
  const fromLink = link && canonicalMediaId(link);
  if (fromLink?.startsWith('tiktok:')) return fromLink.slice('tiktok:'.length);
  const fromPage = post.matches(any(R.selectors.detail)) ? canonicalMediaId(page.href) : null;
  return fromPage?.startsWith('tiktok:') ? fromPage.slice('tiktok:'.length) : undefined;
}

function authorOf(post: Element, page: URL): string | undefined {
  const R = rules();
  const shown = readText(queryFirst(post, R.selectors.author)).replace(/^@/, '');
  if (shown) return shown;
  const href = absoluteUrl(queryFirst(post, R.selectors.authorLink)?.getAttribute('href'), page);
  return href ? pattern(R, 'authorInLink').exec(href)?.[1] : undefined;
}

/**
 * A cover's alt text without the credit TikTok adds in the page's language: appended in English and Arabic
 * ("<caption> created by X with Y's sound"), put first in Chinese ("X 使用 Y 的 Z 创作的 <caption>").
 */
export function captionFromAlt(alt: string): string {
  const R = rules();
  return alt.replace(pattern(R, 'altCreditAfter'), '').replace(pattern(R, 'altCreditBefore'), '').trim();
}

/** A card holds one item and its caption; a wrapper around several items is a list, read item by item. */
function isCard(el: Element | null): el is Element {
  const S = rules().selectors;
  return !!el?.matches(any(S.gridCard)) && [...el.children].filter((child) => child.matches(any(S.gridItem))).length === 1;
}

/**
 * A link tile (the fallback) is a post only where no other rule names one: outside every post those rules find,
 * outside comments and suggestions, and not on a video's own page, where such tiles are suggestions.
 */
function isLoneTile(tile: Element, page: URL): boolean {
  const S = rules().selectors;
  const named = S.post.filter((selector) => !S.tile.includes(selector));
  if (tile.closest(any(named)) || tile.querySelector(any(named))) return false;
  if (tile.closest(any(S.notPosts))) return false;
  if (tile.ownerDocument.querySelector(any(S.detail))) return false;
  if (canonicalMediaId(page.href)?.startsWith('tiktok:')) return false;
  // A card may link its video twice (cover and caption): the first tile of that video stands for it.
  const href = (el: Element) => queryFirst(el, S.videoLink)?.getAttribute('href');
  const own = href(tile);
  return [...tile.ownerDocument.querySelectorAll(any(S.tile))].find((other) => href(other) === own) === tile;
}

export const tiktokAdapter: SiteAdapter = {
  id: 'tiktok',
  get postSelectors() {
    return rules().selectors.post;
  },

  extract(post, page) {
    const { selectors: S, attributes: A } = rules();
    // An item inside its own card is read as the card, which also holds its caption and author.
    if (post.matches(any(S.gridItem)) && isCard(post.parentElement)) return null;
    if (post.matches(any(S.gridCard)) && !isCard(post)) return null;
    if (post.matches(any(S.tile)) && !post.matches(any(S.post.filter((s) => !S.tile.includes(s)))) && !isLoneTile(post, page)) return null;
    const id = videoIdOf(post, page);
    const author = authorOf(post, page);
    const posterEl = queryFirst(post, S.poster);
    const caption = readText(queryFirst(post, S.caption)) || captionFromAlt(attributeOf(posterEl, A.alt) ?? '');
    if (!id && !caption) return null; // a placeholder before the item loads

    // The address canonical.ts reads the id from: the site's URL scheme, not its markup.
    const permalink = id ? `https://www.tiktok.com/${author ? `@${encodeURIComponent(author)}` : '@'}/video/${id}` : undefined;
    const poster = absoluteUrl(attributeOf(queryFirst(post, S.video), A.poster) || attributeOf(posterEl, A.src), page);
    const time = id ? timeFromTikTokId(id) : undefined;
    return {
      key: id ? `tiktok:${id}` : `tiktok-text:${caption.slice(0, 120)}`,
      ...(permalink && { permalink }),
      ...(author && { author }),
      text: caption,
      links: [],
      media: [{ kind: 'video', ...(permalink && { url: permalink }), ...(poster && { poster }) }],
      ...(time && { time }),
    } satisfies ExtractedPost;
  },

  videos(post) {
    return [...post.querySelectorAll<HTMLVideoElement>(any(rules().selectors.video))];
  },

  // After the author's name, below the video: never over the picture.
  badgePlacement(post) {
    const S = rules().selectors;
    const items = any(S.gridItem);
    // A grid card: on the thumbnail card a person sees (the item), at its top before the cover link: never on
    // the cover itself or over the caption beside it.
    const item = post.matches(items) ? post : isCard(post) ? [...post.children].find((child) => child.matches(items)) : undefined;
    if (item) return { parent: item, before: item.firstChild };
    // A link tile: inside its card, before the cover link.
    if (post.matches(any(S.tile))) return { parent: post, before: post.firstChild };
    const author = queryFirst(post, S.author);
    const anchor = author?.closest('a') ?? author;
    if (anchor?.parentElement && post.contains(anchor)) return { parent: anchor.parentElement, before: anchor.nextSibling };
    const caption = queryFirst(post, S.caption);
    return caption?.parentElement ? { parent: caption.parentElement, before: caption } : null;
  },
};
