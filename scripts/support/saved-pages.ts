/**
 * Serves saved social pages under their real host names (https://x.com/home …) through Playwright's
 * request routing, so content scripts run exactly as on the live sites. Everything else on the network is
 * answered locally: images with a placeholder, the rest refused. Nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../tests/fixtures');

/** Real URL → saved page (path under tests/fixtures). */
export const SAVED_PAGES: Record<string, string> = {
  'https://x.com/home': 'x/home-timeline.html',
  'https://x.com/halab_alaan/status/2009512270941053184': 'x/status.html',
  'https://www.youtube.com/watch?v=hK9fL2xQw0E': 'youtube/watch.html',
  'https://www.youtube.com/': 'youtube/home.html',
  'https://www.facebook.com/': 'facebook/feed.html',
  'https://www.facebook.com/HalabNews24/posts/pfbid0b7Wq1nZkT5sYhLrMm2': 'facebook/post.html',
  'https://www.tiktok.com/foryou': 'tiktok/foryou.html',
  'https://www.tiktok.com/@halab.alaan/video/7443369450568227555': 'tiktok/video.html',
  'https://www.instagram.com/': 'instagram/feed.html',
  'https://web.telegram.org/k/': 'telegram/k.html',
  'https://web.telegram.org/a/': 'telegram/a.html',
};

/** What `npm run demo` opens: a feed or page of every site (lib/sites/platforms.test.ts checks each has one). */
export const DEMO_PAGES: { name: string; url: string }[] = [
  { name: 'x-home', url: 'https://x.com/home' },
  { name: 'youtube-watch', url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E' },
  { name: 'youtube-home', url: 'https://www.youtube.com/' },
  { name: 'facebook-feed', url: 'https://www.facebook.com/' },
  { name: 'tiktok-foryou', url: 'https://www.tiktok.com/foryou' },
  { name: 'instagram-feed', url: 'https://www.instagram.com/' },
  { name: 'telegram-k', url: 'https://web.telegram.org/k/#@syria_now' },
  { name: 'telegram-a', url: 'https://web.telegram.org/a/#@syria_now' },
];

// A neutral grey 16:9 SVG stands in for thumbnails, posters and avatars.
const PLACEHOLDER = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="100%" height="100%" fill="#9aa4ae"/><path d="M140 60l50 30-50 30z" fill="#fff" opacity=".8"/></svg>',
);
// Every site's image hosts (lib/sites/platforms.ts; checked there), and YouTube's avatar hosts.
export const IMAGE_HOSTS =
  /(^|\.)(twimg\.com|ytimg\.com|ggpht\.com|googleusercontent\.com|fbcdn\.net|cdninstagram\.com|tiktokcdn\.com|tiktokcdn-us\.com)$/;

export interface ServeOptions {
  /** Extra or replacement pages: URL → HTML text. */
  pages?: Record<string, string>;
  /** Other files by URL (posters, photos…). Routing also answers the extension's own service worker. */
  files?: Record<string, { type: string; body: Buffer; headers?: Record<string, string> }>;
  /** Requests that go to the real network (a local test service on 127.0.0.1, say). */
  passThrough?: (url: URL) => boolean;
}

/** What the local "network" answers for a request: a saved page, a placeholder image, 404 or nothing. */
export type SavedResponse = { status: number; type: string; body: Buffer | string; headers?: Record<string, string> } | 'pass' | 'refuse';

/** The answer for one request, the same for Chromium (request routing) and Firefox (a local TLS server). */
export function savedPagesResponder(options: ServeOptions = {}): (url: URL, kind: 'document' | 'image' | 'other') => SavedResponse {
  const pages = new Map<string, string>();
  for (const [url, file] of Object.entries(SAVED_PAGES)) pages.set(url, readFileSync(resolve(FIXTURES_DIR, file), 'utf8'));
  for (const [url, html] of Object.entries(options.pages ?? {})) pages.set(url, html);
  return (url, kind) => {
    if (options.passThrough?.(url)) return 'pass';
    const file = options.files?.[url.href];
    if (file) return { status: 200, type: file.type, body: file.body, headers: { ...file.headers, 'content-type': file.type } };
    const html = pages.get(url.href) ?? pages.get(`${url.origin}${url.pathname}`);
    if (html !== undefined && kind === 'document') return { status: 200, type: 'text/html; charset=utf-8', body: html };
    if (IMAGE_HOSTS.test(url.hostname) || kind === 'image') return { status: 200, type: 'image/svg+xml', body: PLACEHOLDER };
    if (kind === 'document') return { status: 404, type: 'text/plain', body: `not a saved page: ${url.href}` };
    return 'refuse';
  };
}

/** The host names the saved pages and the extra pages and files live on (the only ones served). */
export function servedHost(host: string, options: ServeOptions = {}): boolean {
  const urls = [...Object.keys(SAVED_PAGES), ...Object.keys(options.pages ?? {}), ...Object.keys(options.files ?? {})];
  return IMAGE_HOSTS.test(host) || urls.some((u) => new URL(u).hostname === host);
}

export async function serveSavedPages(context: BrowserContext, options: ServeOptions = {}): Promise<void> {
  const respond = savedPagesResponder(options);
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const request = route.request();
      const type = request.resourceType();
      const answer = respond(new URL(request.url()), type === 'document' ? 'document' : type === 'image' ? 'image' : 'other');
      if (answer === 'pass') return route.continue();
      if (answer === 'refuse') return route.abort('blockedbyclient');
      return route.fulfill({
        status: answer.status,
        contentType: answer.type,
        body: answer.body,
        ...(answer.headers && { headers: answer.headers }),
      });
    },
  );
}
