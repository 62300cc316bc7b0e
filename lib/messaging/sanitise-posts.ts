/**
 * Posts arrive from content scripts running on pages we do not control: bound every field before the
 * background spends time or storage on it. Oversized text is cut, not rejected (a 50 KB post still matches
 * on its start); anything of the wrong type is dropped, and so is any link that is not an http(s) URL (a
 * permalink becomes a link in the popup).
 */
import type { ExtractedPost, MediaRef } from '../match/types';
import { isObject, MAX_URL_LENGTH, readHttpUrl, readString } from '../untrusted/read';

export const POST_LIMITS = { posts: 200, key: 300, text: 8_000, url: MAX_URL_LENGTH, links: 40, media: 20, author: 200, time: 40 };

const url = (v: unknown): string | undefined => readHttpUrl(v, POST_LIMITS.url);

function media(v: unknown): MediaRef | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind !== 'video' && v.kind !== 'image') return undefined;
  const mediaUrl = url(v.url);
  const poster = url(v.poster);
  return { kind: v.kind, ...(mediaUrl && { url: mediaUrl }), ...(poster && { poster }) };
}

export function sanitisePosts(input: unknown): ExtractedPost[] {
  if (!Array.isArray(input)) throw new Error('posts must be an array');
  return input.slice(0, POST_LIMITS.posts).flatMap((p): ExtractedPost[] => {
    if (!isObject(p)) return [];
    const key = readString(p.key, POST_LIMITS.key);
    if (!key) return [];
    const links = Array.isArray(p.links) ? p.links.map(url).filter((l): l is string => !!l) : [];
    const mediaRefs = Array.isArray(p.media) ? p.media.map(media).filter((m): m is MediaRef => !!m) : [];
    const permalink = url(p.permalink);
    const author = readString(p.author, POST_LIMITS.author);
    const time = readString(p.time, POST_LIMITS.time);
    return [
      {
        key,
        text: readString(p.text, POST_LIMITS.text) ?? '',
        links: links.slice(0, POST_LIMITS.links),
        media: mediaRefs.slice(0, POST_LIMITS.media),
        ...(permalink && { permalink }),
        ...(author && { author }),
        ...(time && { time }),
      },
    ];
  });
}
