/**
 * Reverse image search hand-off: which address opens a fact-checker's chosen engine, and what that sends.
 * An image at a public http(s) address is sent as its address only; a keyframe sampled in the browser has no
 * address, so it has to be uploaded by the person on the engine's own page (Sanad uploads nothing).
 */
export const ENGINES = ['google', 'bing', 'yandex', 'tineye'] as const;
export type Engine = (typeof ENGINES)[number];

export const ENGINE_NAMES: Record<Engine, string> = {
  google: 'Google Lens',
  bing: 'Bing Visual Search',
  yandex: 'Yandex Images',
  tineye: 'TinEye',
};

const BY_URL: Record<Engine, (u: string) => string> = {
  google: (u) => `https://lens.google.com/uploadbyurl?url=${encodeURIComponent(u)}`,
  bing: (u) => `https://www.bing.com/images/search?view=detailv2&iss=sbi&q=imgurl:${encodeURIComponent(u)}`,
  yandex: (u) => `https://yandex.com/images/search?rpt=imageview&url=${encodeURIComponent(u)}`,
  tineye: (u) => `https://tineye.com/search?url=${encodeURIComponent(u)}`,
};
const UPLOAD_PAGES: Record<Engine, string> = {
  google: 'https://lens.google.com/',
  bing: 'https://www.bing.com/visualsearch',
  yandex: 'https://yandex.com/images/',
  tineye: 'https://tineye.com/',
};

/** What a click opens; the words saying so are components/media-words.ts's. */
export type HandOff = { kind: 'url'; open: string; sends: string } | { kind: 'upload'; open: string };

const publicUrl = (value: string | undefined): string | null => {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
};

/** What a click on `engine` opens for an image at `imageUrl` (or for a frame with no public address). */
export function handOff(engine: Engine, imageUrl: string | undefined): HandOff {
  const url = publicUrl(imageUrl);
  if (url) return { kind: 'url', open: BY_URL[engine](url), sends: url };
  return { kind: 'upload', open: UPLOAD_PAGES[engine] };
}
