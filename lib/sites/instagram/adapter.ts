import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, queryAllFirst, queryFirst, readText } from '../dom';
import type { SiteAdapter } from '../types';
import { INSTAGRAM_SELECTORS as S } from './selectors';

function permalinkOf(post: Element, page: URL): { permalink?: string; time?: string } {
  const time = queryFirst(post, S.permalinkTime);
  const permalink = absoluteUrl(time?.closest('a')?.getAttribute('href'), page);
  const datetime = time?.getAttribute('datetime');
  if (permalink) return { permalink, ...(datetime && { time: datetime }) };
  // A post on its own page may show no dated link: the page is the post.
  return canonicalMediaId(page.href)?.startsWith('instagram:') ? { permalink: `${page.origin}${page.pathname}` } : {};
}

export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  postSelectors: S.post,

  extract(post, page) {
    const { permalink, time } = permalinkOf(post, page);
    const text = readText(queryFirst(post, S.caption));
    const author = readText(queryFirst(post, S.authorName)) || undefined;
    const media: MediaRef[] = [];
    for (const video of post.querySelectorAll(S.video.join(','))) {
      const poster = absoluteUrl(video.getAttribute('poster'), page);
      media.push({ kind: 'video', ...(permalink && { url: permalink }), ...(poster && { poster }) });
    }
    for (const img of queryAllFirst(post, S.photo)) {
      const src = absoluteUrl(img.getAttribute('src'), page);
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
  },

  videos(post) {
    return [...post.querySelectorAll<HTMLVideoElement>(S.video.join(','))];
  },

  // In the header after the post's time (or the author's name): never over the picture or the caption.
  badgePlacement(post) {
    const link = queryFirst(post, S.permalinkTime)?.closest('a') ?? queryFirst(post, S.authorName)?.closest('a');
    return link?.parentElement ? { parent: link.parentElement, before: link.nextSibling } : null;
  },
};
