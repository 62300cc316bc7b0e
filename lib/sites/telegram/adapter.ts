import type { ExtractedPost, MediaRef } from '../../match/types';
import { absoluteUrl, queryFirst, readText } from '../dom';
import type { SiteAdapter } from '../types';
import { TELEGRAM_SELECTORS as S } from './selectors';

const PUBLIC_USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** The open chat's public @username from the address (#@name in both clients), if it has one. */
export function chatUsername(page: URL): string | undefined {
  let hash = page.hash.replace(/^#/, '');
  try {
    hash = decodeURIComponent(hash);
  } catch {
    return undefined;
  }
  const name = hash.startsWith('@') ? hash.slice(1).split(/[/?]/)[0] : undefined;
  return name && PUBLIC_USERNAME.test(name) ? name : undefined;
}

/** The open chat's numeric id from the address (#-100… or #123…), for chats without a username. */
function chatId(page: URL): string | undefined {
  return /^#(-?\d+)/.exec(page.hash)?.[1];
}

export const telegramAdapter: SiteAdapter = {
  id: 'telegram',
  postSelectors: S.post,

  extract(post, page) {
    const messageId = post.getAttribute('data-mid') ?? post.getAttribute('data-message-id');
    if (!messageId || !/^\d+$/.test(messageId)) return null; // a local, not yet sent message
    const username = chatUsername(page);
    const chat = username?.toLowerCase() ?? post.getAttribute('data-peer-id') ?? chatId(page);
    const permalink = username ? `https://t.me/${username}/${messageId}` : undefined;

    const text = readText(queryFirst(post, S.text), 20_000, S.textNoise);
    const links = [...post.querySelectorAll(S.links.join(','))]
      .map((a) => absoluteUrl(a.getAttribute('href'), page))
      .filter((u): u is string => !!u && !u.startsWith('https://web.telegram.org/'));
    // Media are blob: URLs of what the client downloaded: frames can be sampled, there is nothing to fetch.
    const media: MediaRef[] = [...post.querySelectorAll(S.video.join(','))].map(() => ({
      kind: 'video',
      ...(permalink && { url: permalink }),
    }));
    if (!text && !links.length && !media.length) return null;

    const timestamp = Number(post.getAttribute('data-timestamp'));
    const sender = [...post.querySelectorAll(S.sender.join(','))].find((el) => !el.closest(S.forwardHeader));
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
    return [...post.querySelectorAll<HTMLVideoElement>(S.video.join(','))];
  },

  // Inline at the end of the text, before the time (as reactions sit): the text flows around it, nothing
  // covers the words or the media.
  badgePlacement(post) {
    const text = queryFirst(post, S.text);
    if (!text) return null;
    const meta = [...text.children].find((child) => child.matches(S.meta.join(',')));
    return { parent: text, before: meta ?? null };
  },
};
