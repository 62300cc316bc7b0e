import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import type { SiteAdapter } from '../types';
import { YOUTUBE_SELECTORS as S } from './selectors';

const ITEM_CONTAINERS = S.items.join(',');

function extractWatch(flexy: Element, page: URL): ExtractedPost | null {
  const fromPage = page.pathname === '/watch' ? page.searchParams.get('v') : null;
  const videoId = flexy.getAttribute('video-id') || fromPage;
  if (!videoId) return null;
  const permalink = `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
  const title = readText(queryFirst(flexy, S.watchTitle));
  const description = readText(queryFirst(flexy, S.watchDescription), 4_000);
  const author = readText(queryFirst(flexy, S.watchChannel)) || undefined;
  const id = canonicalMediaId(permalink);
  return {
    key: id ?? permalink,
    permalink,
    ...(author && { author }),
    text: [title, description].filter(Boolean).join('\n'),
    links: [],
    media: [{ kind: 'video', url: permalink }],
  };
}

function extractItem(item: Element, page: URL): ExtractedPost | null {
  // The new lockup is nested inside grid items: read it once, as part of its container.
  if (S.nestedItems.includes(item.localName as never) && item.parentElement?.closest(ITEM_CONTAINERS)) return null;
  if (item.querySelector(S.ad.join(',')) || item.closest(S.ad.join(','))) return null;
  const link = queryFirst(item, S.itemLink);
  const permalink = absoluteUrl(link?.getAttribute('href'), page);
  const id = permalink ? canonicalMediaId(permalink) : null;
  if (!permalink || !id) return null; // ads, playlists and skeletons have no video link
  const titleEl = queryFirst(item, S.itemTitle);
  const text = titleEl?.getAttribute('title') || readText(titleEl);
  const poster = absoluteUrl(queryFirst(item, S.thumbnail)?.getAttribute('src'), page);
  const author = readText(queryFirst(item, S.itemChannel)) || undefined;
  return {
    key: id,
    permalink,
    ...(author && { author }),
    text,
    links: [],
    media: [{ kind: 'video', url: permalink, ...(poster && { poster }) }],
  };
}

export const youtubeAdapter: SiteAdapter = {
  id: 'youtube',
  postSelectors: [S.watch, ...S.items],

  extract(post, page) {
    if (post.closest(S.cachedPage)) return null; // a page the person left, kept hidden
    return post.matches(S.watch) ? extractWatch(post, page) : extractItem(post, page);
  },

  // The watch page's player; feed previews are short and muted, not worth sampling.
  videos(post) {
    return post.matches(S.watch) ? [...post.querySelectorAll<HTMLVideoElement>('#movie_player video, video.html5-main-video')] : [];
  },

  // Next to the title: the watch page's title row, or under an item's title.
  badgePlacement(post) {
    if (post.matches(S.watch)) {
      const box = queryFirst(post, S.watchTitleBox);
      return box ? { parent: box, before: null } : null;
    }
    const title = queryFirst(post, S.itemTitle);
    const parent = title?.closest('h3') ?? title;
    return parent?.parentElement ? { parent: parent.parentElement, before: parent.nextSibling } : null;
  },
};
