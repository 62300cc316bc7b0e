/**
 * Posts arrive from content scripts running on pages we do not control: bound every field before the
 * background spends time or storage on it. Oversized text is cut, not rejected (a 50 KB post still matches
 * on its start); anything of the wrong type is dropped.
 */
import type { ExtractedPost, MediaRef } from '../match/types';

export const POST_LIMITS = { posts: 200, key: 300, text: 8_000, url: 2_048, links: 40, media: 20, author: 200 };

const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v ? v.slice(0, max) : undefined);

function media(v: unknown): MediaRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Record<string, unknown>;
  if (m.kind !== 'video' && m.kind !== 'image') return undefined;
  const url = str(m.url, POST_LIMITS.url);
  const poster = str(m.poster, POST_LIMITS.url);
  return { kind: m.kind, ...(url && { url }), ...(poster && { poster }) };
}

export function sanitisePosts(input: unknown): ExtractedPost[] {
  if (!Array.isArray(input)) throw new Error('posts must be an array');
  return input.slice(0, POST_LIMITS.posts).flatMap((v): ExtractedPost[] => {
    if (!v || typeof v !== 'object') return [];
    const p = v as Record<string, unknown>;
    const key = str(p.key, POST_LIMITS.key);
    if (!key) return [];
    const links = Array.isArray(p.links) ? p.links.map((l) => str(l, POST_LIMITS.url)).filter((l): l is string => !!l) : [];
    const mediaRefs = Array.isArray(p.media) ? p.media.map(media).filter((m): m is MediaRef => !!m) : [];
    const permalink = str(p.permalink, POST_LIMITS.url);
    const author = str(p.author, POST_LIMITS.author);
    const time = str(p.time, 40);
    return [
      {
        key,
        text: str(p.text, POST_LIMITS.text) ?? '',
        links: links.slice(0, POST_LIMITS.links),
        media: mediaRefs.slice(0, POST_LIMITS.media),
        ...(permalink && { permalink }),
        ...(author && { author }),
        ...(time && { time }),
      },
    ];
  });
}
