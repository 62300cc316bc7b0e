import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import { attributeOf, pattern, rulesOf } from '../../site-rules/active';
import type { SiteAdapter } from '../types';

// Selectors, attribute names and patterns are data (telegram/rules.json); what is code here is how they
// combine, and reading the chat from the client's address.
const rules = () => rulesOf('telegram');
const any = (selectors: readonly string[]) => selectors.join(',');

/** The open chat's public @username from the address (#@name in both clients), if it has one. */
export function chatUsername(page: URL): string | undefined {
  let hash = page.hash.replace(/^#/, '');
  try {
    hash = decodeURIComponent(hash);
  } catch {
    return undefined;
  }
  const name = hash.startsWith('@') ? hash.slice(1).split(/[/?]/)[0] : undefined;
  return name && pattern(rules(), 'publicUsername').test(name) ? name : undefined;
}

/** The open chat's numeric id from the address (#-100… or #123…), for chats without a username. */
function chatId(page: URL): string | undefined {
  return pattern(rules(), 'chatId').exec(page.hash)?.[1];
}

export const telegramAdapter: SiteAdapter = {
  id: 'telegram',
  get postSelectors() {
    return rules().selectors.post;
  },

  extract(post, page) {
    const R = rules();
    const { selectors: S, attributes: A } = R;
    const messageId = attributeOf(post, A.messageId);
    if (!messageId || !pattern(R, 'messageId').test(messageId)) return null; // a local, not yet sent message
    const username = chatUsername(page);
    const chat = username?.toLowerCase() ?? attributeOf(post, A.peerId) ?? chatId(page);
    // The address t.me serves a channel's post at: the site's URL scheme, not its markup.
    const permalink = username ? `https://t.me/${username}/${messageId}` : undefined;

    const text = readText(queryFirst(post, S.text), 20_000, any(S.textNoise));
    const clientLink = pattern(R, 'clientLink');
    const links = [...post.querySelectorAll(any(S.links))]
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u && !clientLink.test(u));
    // Media are blob: URLs of what the client downloaded: frames can be sampled, there is nothing to fetch.
    const media: MediaRef[] = [...post.querySelectorAll(any(S.video))].map(() => ({
      kind: 'video',
      ...(permalink && { url: permalink }),
    }));
    if (!text && !links.length && !media.length) return null;

    const timestamp = Number(attributeOf(post, A.timestamp));
    const forwarded = any(S.forwardHeader);
    const sender = [...post.querySelectorAll(any(S.sender))].find((el) => !el.closest(forwarded));
    const author = readText(sender) || readText(queryFirst(post.ownerDocument, S.chatTitle)) || undefined;
    return {
      key: chat ? `telegram:${chat}/${messageId}` : `telegram-text:${text.slice(0, 120)}`,
      ...(permalink && { permalink }),
      ...(author && { author }),
      text,
      links: [...new Set(links)],
      media,
      ...(timestamp > 0 && { time: new Date(timestamp * 1000).toISOString() }),
    } satisfies ExtractedPost;
  },

  videos(post) {
    return [...post.querySelectorAll<HTMLVideoElement>(any(rules().selectors.video))];
  },

  // Inline at the end of the text, before the time (as reactions sit): the text flows around it, nothing
  // covers the words or the media.
  badgePlacement(post) {
    const S = rules().selectors;
    const text = queryFirst(post, S.text);
    if (!text) return null;
    const meta = [...text.children].find((child) => child.matches(any(S.meta)));
    return { parent: text, before: meta ?? null };
  },
};
