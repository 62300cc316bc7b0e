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

/** Post and group ids in Facebook's link shapes, and the group a page or link belongs to. */
const POST_IN_MEDIA = /[?&]set=(?:pcb|gm)\.(\d+)|\/videos\/pcb\.(\d+)\//;
const GROUP_PATH = /^\/groups\/([^/?#]+)/;

/** `/groups/<g>/permalink/<id>/` is the same post as `/groups/<g>/posts/<id>/`, the shape ids are read from. */
function postShape(url: string): string {
  return url.replace(/(\/groups\/[^/?#]+)\/permalink\/(\d+)/, '$1/posts/$2');
}

/**
 * The post's own address, from whichever shape the page gives: a link with the post's shape (not a comment's),
 * the post id its photos and videos carry, the page's own address on a post page, then the post's photo.
 */
function permalinkOf(post: Element, page: URL): string | undefined {
  const hrefs = (selectors: readonly string[]) =>
    ownAll(post, selectors)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u && !/[?&]comment_id=/.test(u));
  const shaped = hrefs(S.permalink)
    .map(postShape)
    .find((u) => canonicalMediaId(u));
  if (shaped) return shaped;
  for (const href of hrefs(S.postInMediaLink)) {
    const match = POST_IN_MEDIA.exec(href);
    const id = match?.[1] ?? match?.[2];
    if (!id) continue;
    const group = GROUP_PATH.exec(page.pathname)?.[1];
    return group ? `${page.origin}/groups/${group}/posts/${id}/` : `${page.origin}/permalink.php?story_fbid=${id}`;
  }
  const video = hrefs(S.videoLink).find((u) => canonicalMediaId(u));
  if (video) return video;
  const onItsPage = postShape(`${page.origin}${page.pathname}`);
  if (canonicalMediaId(onItsPage)?.startsWith('facebook:post:') && isOnlyPost(post)) return onItsPage;
  return hrefs(S.photoLink).find((u) => canonicalMediaId(u));
}

/** A post page's address names its post only when the page shows that one post (not a feed). */
function isOnlyPost(post: Element): boolean {
  const doc = post.ownerDocument;
  return [...doc.querySelectorAll(POSTS)].filter((el) => !el.parentElement?.closest(POSTS) && hasMessage(el)).length <= 1;
}
const hasMessage = (el: Element) => !!el.querySelector(S.message.join(','));

/**
 * Texts read once each, without the decoys Facebook scatters through posts to cloak labels from scrapers
 * (dozens of hidden "Facebook" spans in 2025): a text repeated more than twice in one post is not its content.
 */
function withoutDecoys(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts].filter(([, n]) => n <= 2).map(([text]) => text);
}

/** m.facebook.com: the longest leaf text area is the post's text; the first one is its author's name. */
function mobileTexts(post: Element): { text: string; author?: string } {
  const leaves = ownAll(post, S.mobileText).filter((el) => !el.querySelector(S.mobileText.join(',')));
  const texts = leaves.map((el) => readText(el)).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const text = texts.slice(1).reduce((longest, t) => (t.length > longest.length ? t : longest), '');
  return { text, ...(texts[0] && { author: texts[0] }) };
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
    const permalink = permalinkOf(post, page);
    const key = permalink ? canonicalMediaId(permalink)! : undefined;
    const videoLink = ownAll(post, S.videoLink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .find((u) => u && canonicalMediaId(u)?.startsWith('facebook:video:'));

    const messageEl = own(post, S.message);
    const mobile = post.localName === 'article' && !messageEl ? mobileTexts(post) : undefined;
    // A shared original and a link card show their text outside the message: read those blocks too, once.
    const blocks = mobile
      ? []
      : ownAll(post, [...S.renderedText, ...S.textBlock]).filter((el) => !messageEl?.contains(el) && !el.closest(S.header));
    const outer = blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el))).map((el) => readText(el, 4_000));
    const message = mobile ? mobile.text : readText(messageEl);
    const shared = withoutDecoys(outer.filter((t) => t && t !== message));
    const text = [message, ...shared].filter(Boolean).join('\n');

    const links = ownAll(post, S.outboundLink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u)
      .map(unwrapFacebookLink)
      .filter((u) => /^https?:\/\//.test(u) && !/^https?:\/\/([a-z]+\.)?facebook\.com\//.test(u));

    const media: MediaRef[] = [];
    for (const video of ownAll(post, S.video)) {
      const poster = absoluteUrl(video.getAttribute('poster'), page);
      const url = videoLink ?? permalink;
      media.push({ kind: 'video', ...(url && { url }), ...(poster && { poster }) });
    }
    for (const img of ownAll(post, S.photo)) {
      const src = absoluteUrl(img.getAttribute('src'), page);
      if (src && !media.some((m) => m.url === src)) media.push({ kind: 'image', url: src });
    }

    if (!text && !key && !media.length) return null; // a loading placeholder
    const author = readText(own(post, S.author)) || mobile?.author || undefined;
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
    if (post.localName === 'article' && !own(post, S.message)) {
      // m.facebook.com: after the author's name, its first text area.
      const nameArea = ownAll(post, S.mobileText).find((el) => !el.querySelector(S.mobileText.join(',')) && readText(el));
      if (nameArea) return { parent: nameArea, before: null };
    }
    const message = own(post, S.message);
    return message?.parentElement ? { parent: message.parentElement, before: message } : null;
  },
};
