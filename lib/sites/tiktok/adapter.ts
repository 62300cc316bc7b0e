import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import type { SiteAdapter } from '../types';
import { TIKTOK_SELECTORS as S } from './selectors';

const VIDEO_ID = /^\d{15,20}$/;

/** TikTok ids start with the upload time in seconds (their top 32 bits): the post time the page hides. */
export function timeFromTikTokId(id: string): string | undefined {
  if (!VIDEO_ID.test(id)) return undefined;
  const seconds = Number(BigInt(id) >> 32n);
  // Sanity: between TikTok's launch and a day from now; anything else is not a real id.
  return seconds > 1_472_688_000 && seconds < Date.now() / 1000 + 86_400 ? new Date(seconds * 1000).toISOString() : undefined;
}

/** The video id: the player's wrapper id, a link to the video, or the page's own address. */
function videoIdOf(post: Element, page: URL): string | undefined {
  const wrapper = queryFirst(post, S.player)?.id.split('-').pop();
  if (wrapper && VIDEO_ID.test(wrapper)) return wrapper;
  const link = absoluteUrl(queryFirst(post, S.videoLink)?.getAttribute('href'), page);
  const fromLink = link && canonicalMediaId(link);
  if (fromLink?.startsWith('tiktok:')) return fromLink.slice('tiktok:'.length);
  const fromPage = post.id === 'main-content-video_detail' ? canonicalMediaId(page.href) : null;
  return fromPage?.startsWith('tiktok:') ? fromPage.slice('tiktok:'.length) : undefined;
}

function authorOf(post: Element, page: URL): string | undefined {
  const shown = readText(queryFirst(post, S.author)).replace(/^@/, '');
  if (shown) return shown;
  const href = absoluteUrl(queryFirst(post, S.authorLink)?.getAttribute('href'), page);
  return href ? /\/@([^/?#]+)/.exec(href)?.[1] : undefined;
}

/**
 * A cover's alt text without the credit TikTok adds in the page's language: appended in English and Arabic
 * ("<caption> created by X with Y's sound"), put first in Chinese ("X 使用 Y 的 Z 创作的 <caption>").
 */
export function captionFromAlt(alt: string): string {
  return alt
    .replace(/\s+(created by|أنشأه|من إنشاء)\s.*$/s, '')
    .replace(/^.*?\s使用\s.*?\s(创作的|創作的)\s*/s, '')
    .trim();
}

const GRID_ITEM = S.gridItem.join(',');
const CARDS = S.gridCard.join(',');

/** A card holds one item and its caption; a wrapper around several items is a list, read item by item. */
const isCard = (el: Element | null): el is Element =>
  !!el?.matches(CARDS) && [...el.children].filter((child) => child.matches(GRID_ITEM)).length === 1;

export const tiktokAdapter: SiteAdapter = {
  id: 'tiktok',
  postSelectors: S.post,

  extract(post, page) {
    // An item inside its own card is read as the card, which also holds its caption and author.
    if (post.matches(GRID_ITEM) && isCard(post.parentElement)) return null;
    if (post.matches(CARDS) && !isCard(post)) return null;
    const id = videoIdOf(post, page);
    const author = authorOf(post, page);
    const posterEl = queryFirst(post, S.poster);
    const caption = readText(queryFirst(post, S.caption)) || captionFromAlt(posterEl?.getAttribute('alt') ?? '');
    if (!id && !caption) return null; // a placeholder before the item loads

    const permalink = id ? `https://www.tiktok.com/${author ? `@${encodeURIComponent(author)}` : '@'}/video/${id}` : undefined;
    const poster = absoluteUrl(post.querySelector('video')?.getAttribute('poster') || posterEl?.getAttribute('src'), page);
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
    return [...post.querySelectorAll<HTMLVideoElement>(S.video.join(','))];
  },

  // After the author's name, below the video: never over the picture.
  badgePlacement(post) {
    // A grid card: on the thumbnail card a person sees (the item), at its top before the cover link: never on
    // the cover itself or over the caption beside it.
    const item = post.matches(GRID_ITEM) ? post : isCard(post) ? [...post.children].find((child) => child.matches(GRID_ITEM)) : undefined;
    if (item) return { parent: item, before: item.firstChild };
    const author = queryFirst(post, S.author);
    const anchor = author?.closest('a') ?? author;
    if (anchor?.parentElement && post.contains(anchor)) return { parent: anchor.parentElement, before: anchor.nextSibling };
    const caption = queryFirst(post, S.caption);
    return caption?.parentElement ? { parent: caption.parentElement, before: caption } : null;
  },
};
