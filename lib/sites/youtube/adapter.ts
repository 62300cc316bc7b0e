import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import { attributeOf, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors and attribute names are data (youtube/rules.json); what is code here is how they combine.
const rules = () => rulesOf('youtube');
const any = (selectors: readonly string[]) => selectors.join(',');

function extractWatch(flexy: Element, page: URL): ExtractedPost | null {
  const { selectors: S, attributes: A } = rules();
  // The watch page's own address names the video when the element does not (2022 pages).
  const fromPage = page.pathname === '/watch' ? page.searchParams.get('v') : null;
  const videoId = attributeOf(flexy, A.videoId) || fromPage;
  if (!videoId) return null;
  // The address debunks list (lib/urls/canonical.ts), not markup: it stays code.
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
  const { selectors: S, attributes: A } = rules();
  // The new lockup is nested inside grid items: read it once, as part of its container.
  if (item.matches(any(S.nestedItems)) && item.parentElement?.closest(any(S.items))) return null;
  if (item.querySelector(any(S.ad)) || item.closest(any(S.ad))) return null;
  const link = queryFirst(item, S.itemLink);
  const permalink = absoluteUrl(link?.getAttribute('href'), page);
  const id = permalink ? canonicalMediaId(permalink) : null;
  if (!permalink || !id) return null; // ads, playlists and skeletons have no video link
  const titleEl = queryFirst(item, S.itemTitle);
  const text = attributeOf(titleEl, A.title) || readText(titleEl);
  const poster = absoluteUrl(attributeOf(queryFirst(item, S.thumbnail), A.src), page);
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
  get postSelectors() {
    const S = rules().selectors;
    return [...S.watch, ...S.items];
  },

  extract(post, page) {
    const S = rules().selectors;
    if (post.closest(any(S.cachedPage))) return null; // a page the person left, kept hidden
    return post.matches(any(S.watch)) ? extractWatch(post, page) : extractItem(post, page);
  },

  // The watch page's player; feed previews are short and muted, not worth sampling.
  videos(post) {
    const S = rules().selectors;
    return post.matches(any(S.watch)) ? [...post.querySelectorAll<HTMLVideoElement>(any(S.watchVideo))] : [];
  },

  // Next to the title: the watch page's title row, or under an item's title.
  badgePlacement(post) {
    const S = rules().selectors;
    if (post.matches(any(S.watch))) {
      const box = queryFirst(post, S.watchTitleBox);
      return box ? { parent: box, before: null } : null;
    }
    const title = queryFirst(post, S.itemTitle);
    const parent = title?.closest(any(S.itemHeading)) ?? title;
    return parent?.parentElement ? { parent: parent.parentElement, before: parent.nextSibling } : null;
  },
};
