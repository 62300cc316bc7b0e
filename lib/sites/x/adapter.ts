import { canonicalMediaId } from '../../urls/canonical';
import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, readText } from '../dom';
import { attributeOf, pattern, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors, attribute names and link patterns are data (x/rules.json); what is code here is how they combine.
const rules = () => rulesOf('x');

/** Is `el` inside a quoted tweet of `post` (rather than the post itself)? */
function inQuote(el: Element, post: Element): boolean {
  const quote = el.closest(rules().selectors.quoted.join(','));
  return !!quote && post.contains(quote) && quote !== post;
}

/** The first element of `selectors` in the post that does not belong to a quoted tweet. */
function own(post: Element, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    for (const el of post.querySelectorAll(selector)) if (!inQuote(el, post)) return el;
  }
  return undefined;
}

/** t.co links show their expansion as text ("https://youtube.com/watch?v=…"): read it back. */
function expandedLink(anchor: Element, page: URL): string | undefined {
  const href = absoluteUrl(anchor.getAttribute('href'), page);
  const shown = readText(anchor).replace(/…$/, '');
  if (/^https?:\/\/\S+$/.test(shown) && !shown.endsWith('…')) return shown;
  return href;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  get postSelectors() {
    return rules().selectors.post;
  },

  extract(post, page) {
    const R = rules();
    const S = R.selectors;
    const timeEl = own(post, S.permalinkTime);
    const permalinkEl = timeEl?.closest(S.permalink.join(','));
    const permalink = absoluteUrl(permalinkEl?.getAttribute('href'), page);
    const textEl = own(post, S.text);
    const text = readText(textEl);

    const siteLink = pattern(R, 'siteLink');
    const links = [...(textEl?.querySelectorAll(S.textLink.join(',')) ?? []), ...post.querySelectorAll(S.card.join(','))]
      .filter((a) => !inQuote(a, post))
      .map((a) => expandedLink(a, page))
      .filter((u): u is string => !!u && !siteLink.test(u));

    const media: MediaRef[] = [];
    for (const video of post.querySelectorAll(S.video.join(','))) {
      if (inQuote(video, post)) continue;
      const poster = absoluteUrl(attributeOf(video, R.attributes.poster), page);
      media.push({ kind: 'video', ...(permalink && { url: permalink }), ...(poster && { poster }) });
    }
    for (const img of post.querySelectorAll(S.photo.join(','))) {
      if (inQuote(img, post)) continue;
      const src = absoluteUrl(img.getAttribute('src'), page);
      if (src) media.push({ kind: 'image', url: src });
    }

    if (!text && !permalink && !media.length) return null; // a skeleton or an ad placeholder
    const author = permalink ? pattern(R, 'authorInPermalink').exec(new URL(permalink).pathname)?.[1] : undefined;
    const time = attributeOf(timeEl, R.attributes.time) ?? undefined;
    return {
      key: (permalink && canonicalMediaId(permalink)) || `x-text:${text.slice(0, 120)}`,
      ...(permalink && { permalink }),
      ...(author && { author }),
      text,
      links: [...new Set(links)],
      media,
      ...(time && { time }),
    } satisfies ExtractedPost;
  },

  videos(post) {
    return [...post.querySelectorAll<HTMLVideoElement>(rules().selectors.video.join(','))].filter((v) => !inQuote(v, post));
  },

  // In the header row, after the name and time: never over the text or the media.
  badgePlacement(post) {
    const S = rules().selectors;
    const userName = own(post, S.userName);
    if (userName) return { parent: userName, before: null, inLine: true };
    const text = own(post, S.text);
    return text?.parentElement ? { parent: text.parentElement, before: text } : null;
  },
};
