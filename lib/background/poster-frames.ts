/**
 * Hashes the images a post already shows (video posters, photos) in the background, never whole videos.
 * Images are fetched from the site's image host (host permission), decoded with createImageBitmap at most
 * PDQ_MAX_DIMENSION (512) px on the long side, hashed, and remembered by URL.
 */
import { lumaFromPixels, PDQ_MAX_DIMENSION } from '../media/pdq';
import { hashFrame, type FrameHash } from '../media/video';
import type { ExtractedPost } from '../match/types';
import { PLATFORMS } from '../sites/platforms';
import { readHttpUrl } from '../untrusted/read';

/** The sites' image hosts as (host, any subdomain?) pairs, from their match patterns (`https://*.fbcdn.net/*`). */
const IMAGE_HOSTS = PLATFORMS.flatMap((p) => p.imageHosts).map((pattern) => {
  const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
  return host.startsWith('*.') ? { host: host.slice(2), subdomains: true } : { host, subdomains: false };
});

/**
 * Only images on the sites' own image hosts, over https, are fetched: a post naming any other address
 * (this machine, a private network, a tracker) must not make the background request it.
 */
export function isSiteImageUrl(raw: string | undefined): boolean {
  const href = readHttpUrl(raw);
  if (!href) return false;
  const url = new URL(href);
  if (url.protocol !== 'https:' || url.port || url.username || url.password) return false;
  return IMAGE_HOSTS.some(({ host, subdomains }) => url.hostname === host || (subdomains && url.hostname.endsWith(`.${host}`)));
}

const MAX_IMAGES_PER_POST = 4;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const CACHE_LIMIT = 2_000;

export type ImageLoader = (url: string) => Promise<{ pixels: Uint8ClampedArray; width: number; height: number }>;

/** The browser's decoder: fetch, createImageBitmap (downscaled), OffscreenCanvas. */
export const loadImageInBrowser: ImageLoader = async (url) => {
  const response = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/')) throw new Error(`not an image (${type})`);
  const blob = await response.blob();
  if (blob.size > MAX_IMAGE_BYTES) throw new Error(`image too large (${blob.size} bytes)`);
  const probe = await createImageBitmap(blob);
  const scale = Math.min(1, PDQ_MAX_DIMENSION / Math.max(probe.width, probe.height));
  const width = Math.max(1, Math.round(probe.width * scale));
  const height = Math.max(1, Math.round(probe.height * scale));
  probe.close();
  const bitmap = await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { pixels: context.getImageData(0, 0, width, height).data, width, height };
};

export class PosterHasher {
  private readonly cache = new Map<string, Promise<FrameHash | null>>();

  constructor(private readonly load: ImageLoader = loadImageInBrowser) {}

  private hash(url: string): Promise<FrameHash | null> {
    let pending = this.cache.get(url);
    if (!pending) {
      pending = this.load(url).then(
        ({ pixels, width, height }) => hashFrame(lumaFromPixels(pixels, width, height), width, height),
        (error: unknown) => {
          console.warn(`Sanad: image not hashed (${url.slice(0, 120)}):`, error instanceof Error ? error.message : error);
          return null;
        },
      );
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(url, pending);
    }
    return pending;
  }

  /** Frame hashes of a post's posters and photos (on the sites' image hosts only, a few per post). */
  async framesFor(post: ExtractedPost): Promise<FrameHash[]> {
    const urls = [
      ...new Set(post.media.map((m) => m.poster ?? (m.kind === 'image' ? m.url : undefined)).filter((u): u is string => isSiteImageUrl(u))),
    ];
    const frames = await Promise.all(urls.slice(0, MAX_IMAGES_PER_POST).map((url) => this.hash(url)));
    return frames.filter((f): f is FrameHash => !!f);
  }
}
