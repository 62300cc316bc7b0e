/**
 * Hashes the images a post already shows (video posters, photos) in the background, never whole videos.
 * Images are fetched from the site's image host (host permission), decoded by the browser at full size
 * (libjpeg-turbo in Chromium, EXIF orientation applied as the page shows it), hashed (plain PDQ exactly as
 * the reference computes it, Sanad's trimmed hash, and all eight orientations), and remembered by URL.
 */
import { credentialsOfImage, type CredentialVerifier, type ImageCredentials } from '../media/c2pa-fetched';
import type { VerifiedCredentials } from '../media/c2pa-verified';
import { lumaFromPixels } from '../media/pdq';
import { hashFrame, type FrameHash } from '../media/video';
import type { ExtractedPost } from '../match/types';
import type { SubmittedMedia } from '../intake/submission';
import { PLATFORMS } from '../sites/platforms';
import { readCappedBytes } from '../untrusted/capped-body';
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
/** A 6000×4000 photo; larger pictures are refused rather than risk the service worker's memory. */
const MAX_IMAGE_PIXELS = 24_000_000;
const CACHE_LIMIT = 2_000;

export interface LoadedImage {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  /** The file as fetched, for its Content Credentials (the loader may leave them out: nothing is checked). */
  bytes?: Uint8Array;
  type?: string;
}

export type ImageLoader = (url: string) => Promise<LoadedImage>;

/**
 * The browser's decoder: fetch, createImageBitmap, OffscreenCanvas. Full size, because the PDQ reference
 * picks pixels from the full picture (its 512×512 nearest-pixel resize); a browser downscale would move
 * the hash 4–14 bits from other PDQ tools'.
 */
export const loadImageInBrowser: ImageLoader = async (url) => {
  const response = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/')) throw new Error(`not an image (${type})`);
  const bytes = await readCappedBytes(response, MAX_IMAGE_BYTES, 'image');
  const blob = new Blob([bytes], { type });
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const { width, height } = bitmap;
  if (width * height > MAX_IMAGE_PIXELS) {
    bitmap.close();
    throw new Error(`image too large (${width}×${height})`);
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { pixels: context.getImageData(0, 0, width, height).data, width, height, bytes, type };
};

export class PosterHasher {
  private readonly cache = new Map<string, Promise<FrameHash | null>>();
  /** URL → the SDK's verdict on that image's manifest (`null`: none found), started when it was fetched. */
  private readonly credentials = new Map<string, Promise<VerifiedCredentials | null>>();

  /**
   * @param verify the official SDK, asked only about images Sanad's own reader finds a manifest in; without
   * it, no image's credentials are read.
   */
  constructor(
    private readonly load: ImageLoader = loadImageInBrowser,
    private readonly verify?: CredentialVerifier,
  ) {}

  private hash(url: string): Promise<FrameHash | null> {
    let pending = this.cache.get(url);
    if (!pending) {
      pending = this.load(url).then(
        ({ pixels, width, height, bytes, type }) => {
          if (this.verify && bytes) {
            this.credentials.set(url, credentialsOfImage(bytes, type ?? '', this.verify));
            if (this.credentials.size > CACHE_LIMIT) this.credentials.delete(this.credentials.keys().next().value!);
          }
          return hashFrame(lumaFromPixels(pixels, width, height), width, height, 0, { dihedral: true });
        },
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

  /**
   * A submitted post's media with the hashes of what each shows (its poster or photo), so the desk can group
   * submissions of one clip and find its debunks; media the extension may not fetch are sent as they were.
   */
  async withFrames(media: readonly SubmittedMedia[]): Promise<SubmittedMedia[]> {
    return Promise.all(
      media.map(async (m) => {
        const frames = await this.framesFor({
          key: '',
          text: '',
          links: [],
          media: [{ kind: m.kind, ...(m.url && { url: m.url }), ...(m.poster && { poster: m.poster }) }],
        });
        // What a desk compares (the orientations are for looking a page's frame up, not for storing).
        const sent = frames.map(({ turned: _turned, ...frame }) => frame);
        return sent.length ? { ...m, frames: sent } : m;
      }),
    );
  }

  /** Frame hashes of a post's posters and photos (on the sites' image hosts only, a few per post). */
  async framesFor(post: ExtractedPost): Promise<FrameHash[]> {
    const frames = await Promise.all(imageUrls(post).map((url) => this.hash(url)));
    return frames.filter((f): f is FrameHash => !!f);
  }

  /**
   * The Content Credentials of the post's images that were fetched for hashing and carry a manifest, as the
   * SDK verified them; images without one are left out (absence proves nothing). Fetches nothing itself.
   */
  async credentialsFor(post: ExtractedPost): Promise<ImageCredentials[]> {
    const found = await Promise.all(
      imageUrls(post).map(async (url) => {
        if (!this.cache.has(url)) return null;
        await this.cache.get(url);
        const verified = await this.credentials.get(url);
        return verified ? { url, verified } : null;
      }),
    );
    return found.filter((c): c is ImageCredentials => !!c);
  }
}

/** The post's posters and photos Sanad may fetch: on the sites' image hosts, a few per post. */
function imageUrls(post: ExtractedPost): string[] {
  const urls = post.media.map((m) => m.poster ?? (m.kind === 'image' ? m.url : undefined)).filter((u): u is string => isSiteImageUrl(u));
  return [...new Set(urls)].slice(0, MAX_IMAGES_PER_POST);
}
