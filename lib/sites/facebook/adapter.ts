import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, readText } from '../dom';
import { attributeOf, pattern, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors, attribute names and link patterns are data (facebook/rules.json); what is code here is how they
// combine: which element is the post's own, how a permalink is put together from the shapes a page offers.
const rules = () => rulesOf('facebook');
const any = (selectors: readonly string[]) => selectors.join(',');

/** Elements of the post itself: not of a comment under it, nor of another post nested in it. */
function ownAll(post: Element, selectors: readonly string[]): Element[] {
  const S = rules().selectors;
  const posts = any(S.post);
  const comments = any(S.comment);
  return [...post.querySelectorAll(any(selectors))].filter((el) => {
    const comment = el.closest(comments);
    if (comment && post.contains(comment) && comment !== post) return false;
    const nested = el.parentElement?.closest(posts);
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
  const R = rules();
  try {
    const url = new URL(href);
    if (pattern(R, 'redirectHost').test(url.hostname) && pattern(R, 'redirectPath').test(url.pathname))
      return url.searchParams.get('u') ?? href;
  } catch {
    // not a URL: returned as is, and dropped by the caller
  }
  return href;
}

/** `/groups/<g>/permalink/<id>/` is the same post as `/groups/<g>/posts/<id>/`, the shape ids are read from. */
function postShape(url: string): string {
  return url.replace(pattern(rules(), 'groupPermalink'), (_all, group: string, id: string) => `${group}/posts/${id}`);
}

/**
 * The post's own address, from whichever shape the page gives: a link with the post's shape (not a comment's),
 * the post id its photos and videos carry, the page's own address on a post page, then the post's photo.
 */
function permalinkOf(post: Element, page: URL): string | undefined {
  const R = rules();
  const S = R.selectors;
  const commentLink = pattern(R, 'commentLink');
  const hrefs = (selectors: readonly string[]) =>
    ownAll(post, selectors)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u && !commentLink.test(u));
  const shaped = hrefs(S.permalink)
    .map(postShape)
    .find((u) => canonicalMediaId(u));
  if (shaped) return shaped;
  for (const href of hrefs(S.postInMediaLink)) {
    const match = pattern(R, 'postInMedia').exec(href);
    const id = match?.slice(1).find(Boolean);
    if (!id) continue;
    const group = pattern(R, 'groupPath').exec(page.pathname)?.[1];
    // The addresses canonical.ts reads a post id from: the site's URL scheme, not its markup.
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
  const posts = any(rules().selectors.post);
  const doc = post.ownerDocument;
  return [...doc.querySelectorAll(posts)].filter((el) => !el.parentElement?.closest(posts) && hasMessage(el)).length <= 1;
}
const hasMessage = (el: Element) => !!el.querySelector(any(rules().selectors.message));

/**
 * Texts read once each, without the decoys Facebook scatters through posts to cloak labels from scrapers
 * (dozens of hidden "Facebook" spans in 2025): a text repeated more than twice in one post is not its content.
 */
function withoutDecoys(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts].filter(([, n]) => n <= 2).map(([text]) => text);
}

/** The leaf text areas of an m.facebook.com post (an area holding others is a layout box). */
function mobileLeaves(post: Element): Element[] {
  const areas = any(rules().selectors.mobileText);
  return ownAll(post, rules().selectors.mobileText).filter((el) => !el.querySelector(areas));
}

/** m.facebook.com: the longest leaf text area is the post's text; the first one is its author's name. */
function mobileTexts(post: Element): { text: string; author?: string } {
  const texts = mobileLeaves(post)
    .map((el) => readText(el))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  const text = texts.slice(1).reduce((longest, t) => (t.length > longest.length ? t : longest), '');
  return { text, ...(texts[0] && { author: texts[0] }) };
}

/** Post time where the page gives it in machine form (m.facebook's data-utime, a datetime attribute). */
function postTime(post: Element): string | undefined {
  const { selectors: S, attributes: A } = rules();
  const el = own(post, S.time);
  const utime = Number(attributeOf(el, A.utime));
  if (utime > 0) return new Date(utime * 1000).toISOString();
  const datetime = attributeOf(el, A.datetime);
  return datetime && !Number.isNaN(Date.parse(datetime)) ? new Date(datetime).toISOString() : undefined;
}

/** An m.facebook.com post: an article of text areas, without the desktop's message block. */
const isMobilePost = (post: Element, messageEl: Element | undefined) => !messageEl && post.matches(any(rules().selectors.mobilePost));

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  get postSelectors() {
    return rules().selectors.post;
  },

  extract(post, page) {
    const R = rules();
    const S = R.selectors;
    // A post inside another (a shared original) is read as part of the outer one.
    if (post.parentElement?.closest(any(S.post))) return null;
    const permalink = permalinkOf(post, page);
    const key = permalink ? canonicalMediaId(permalink)! : undefined;
    const videoLink = ownAll(post, S.videoLink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .find((u) => u && canonicalMediaId(u)?.startsWith('facebook:video:'));

    const messageEl = own(post, S.message);
    const mobile = isMobilePost(post, messageEl) ? mobileTexts(post) : undefined;
    // A shared original and a link card show their text outside the message: read those blocks too, once.
    const header = any(S.header);
    const blocks = mobile
      ? []
      : ownAll(post, [...S.renderedText, ...S.textBlock]).filter((el) => !messageEl?.contains(el) && !el.closest(header));
    const outer = blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el))).map((el) => readText(el, 4_000));
    const message = mobile ? mobile.text : readText(messageEl);
    const shared = withoutDecoys(outer.filter((t) => t && t !== message));
    const text = [message, ...shared].filter(Boolean).join('\n');

    const siteLink = pattern(R, 'siteLink');
    const links = ownAll(post, S.outboundLink)
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u)
      .map(unwrapFacebookLink)
      .filter((u) => /^https?:\/\//.test(u) && !siteLink.test(u));

    const media: MediaRef[] = [];
    for (const video of ownAll(post, S.video)) {
      const poster = absoluteUrl(attributeOf(video, R.attributes.poster), page);
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
    return ownAll(post, rules().selectors.video) as HTMLVideoElement[];
  },

  // Inline after the author's name, in the header's heading: never over the text or the media.
  badgePlacement(post) {
    const S = rules().selectors;
    const headings = any(S.heading);
    const name = own(post, S.profileName);
    const heading = name?.matches(headings) ? name : name?.querySelector(headings);
    if (heading ?? name) return { parent: (heading ?? name)!, before: null };
    const message = own(post, S.message);
    if (isMobilePost(post, message)) {
      // m.facebook.com: after the author's name, its first text area.
      const nameArea = mobileLeaves(post).find((el) => readText(el));
      if (nameArea) return { parent: nameArea, before: null };
    }
    return message?.parentElement ? { parent: message.parentElement, before: message } : null;
  },
};
