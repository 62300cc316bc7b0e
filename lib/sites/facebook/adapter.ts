import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, readText } from '../dom';
import type { SiteAdapter } from '../types';
import { FACEBOOK_SELECTORS as S } from './selectors';

const POSTS = S.post.join(',');

/** Elements of the post itself: not of a comment under it, nor of another post nested in it. */
function ownAll(post: Element, selectors: readonly string[]): Element[] {
  return [...post.querySelectorAll(selectors.join(','))].filter((el) => {
    const comment = el.closest(S.comment);
    if (comment && post.contains(comment) && comment !== post) return false;
    const nested = el.parentElement?.closest(POSTS);
    return !nested || nested === post || !post.contains(nested);
  });
}
const own = (post: Element, selectors: readonly string[]) => {
  for (const selector of selectors) {
    const found = ownAll(post, [selector])[0];
    if (found) return found;
  }
  return undefined;
};

/** Facebook sends outbound clicks through l.facebook.com/l.php?u=<target>: the target is the link. */
export function unwrapFacebookLink(href: string): string {
  try {
    const url = new URL(href);
    if (/^(l|lm)\.facebook\.com$/.test(url.hostname) && url.pathname === '/l.php') return url.searchParams.get('u') ?? href;
  } catch {
    // not a URL: returned as is, and dropped by the caller
  }
  return href;
}

/** Post time where the page gives it in machine form (m.facebook's data-utime, a datetime attribute). */
function postTime(post: Element): string | undefined {
  const el = own(post, S.time);
  const utime = Number(el?.getAttribute('data-utime'));
  if (utime > 0) return new Date(utime * 1000).toISOString();
  const datetime = el?.getAttribute('datetime');
  return datetime && !Number.isNaN(Date.parse(datetime)) ? new Date(datetime).toISOString() : undefined;
}

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  postSelectors: S.post,

  extract(post, page) {
    // A post inside another (a shared original) is read as part of the outer one.
    if (post.parentElement?.closest(POSTS)) return null;
    const permalinks = ownAll(post, S.permalink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u && !!canonicalMediaId(u));
    // The first permalink is the post's own (under its name); a shared original's comes later.
    const permalink = permalinks[0];
    const key = permalink ? canonicalMediaId(permalink)! : undefined;

    const messageEl = own(post, S.message);
    // A shared original and a link card show their text outside the message: read those blocks too, once.
    const blocks = ownAll(post, S.textBlock).filter((el) => !messageEl?.contains(el) && !el.closest(S.header));
    const shared = blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el))).map((el) => readText(el, 4_000));
    const message = readText(messageEl);
    const text = [message, ...shared].filter(Boolean).join('\n');

    const links = ownAll(post, S.outboundLink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u)
      .map(unwrapFacebookLink)
      .filter((u) => /^https?:\/\//.test(u) && !/^https?:\/\/([a-z]+\.)?facebook\.com\//.test(u));

    const media: MediaRef[] = [];
    const videoLink = permalinks.find((u) => canonicalMediaId(u)?.startsWith('facebook:video:'));
    for (const video of ownAll(post, S.video)) {
      const poster = absoluteUrl(video.getAttribute('poster'), page);
      media.push({ kind: 'video', ...((videoLink ?? permalink) && { url: videoLink ?? permalink }), ...(poster && { poster }) });
    }
    for (const img of ownAll(post, S.photo)) {
      const src = absoluteUrl(img.getAttribute('src'), page);
      if (src) media.push({ kind: 'image', url: src });
    }

    if (!text && !key && !media.length) return null; // a loading placeholder
    const author = readText(own(post, S.author)) || undefined;
    const time = postTime(post);
    return {
      key: key ?? `facebook-text:${text.slice(0, 120)}`,
      ...(permalink && { permalink }),
      ...(author && { author }),
      text,
      links: [...new Set(links)],
      media,
      ...(time && { time }),
    } satisfies ExtractedPost;
  },

  videos(post) {
    return ownAll(post, S.video) as HTMLVideoElement[];
  },

  // Inline after the author's name, in the header's heading: never over the text or the media.
  badgePlacement(post) {
    const name = own(post, S.profileName);
    const heading = name?.matches('h2, h3, h4') ? name : name?.querySelector('h2, h3, h4');
    if (heading ?? name) return { parent: (heading ?? name)!, before: null };
    const message = own(post, S.message);
    return message?.parentElement ? { parent: message.parentElement, before: message } : null;
  },
};
