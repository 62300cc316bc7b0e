/**
 * A real fact-checking desk for E2E tests: Vishvas News's own saved article pages (../shared/factcheck-pages,
 * byte for byte, ClaimReview JSON-LD as the desk published it) served under their real addresses on
 * www.vishvasnews.com.
 *
 * What no one saved is built from what the saved pages declare, and only that: the home page carries the
 * `<link rel="alternate">` feed element cut verbatim out of a saved article page, and the feed at the address
 * that element names is an RSS 2.0 list of the saved articles' real addresses, dated by their ClaimReviews
 * (the factcheck-pages README: no desk's RSS XML or root home page could be found).
 *
 * Every other directory desk's host is answered 404 and counted, so a test can show that only the chosen
 * desk is contacted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DIRECTORY } from '../../lib/sources/directory';

const PAGES = resolve(import.meta.dirname, '../../../shared/factcheck-pages');

export const VISHVAS_SITE = 'https://www.vishvasnews.com/';
export const VISHVAS_FEED = 'https://www.vishvasnews.com/feed/';

interface ManifestRow {
  file: string;
  url: string;
  date?: string;
}
const manifest = JSON.parse(readFileSync(resolve(PAGES, 'manifest.json'), 'utf8')) as { files: ManifestRow[] };

/** The saved Vishvas News articles: real address → the page as saved. */
export const VISHVAS_ARTICLES: { url: string; date?: string; html: string }[] = manifest.files
  .filter((f) => f.file.startsWith('articles/vishvasnews/'))
  .map((f) => ({ url: f.url, date: f.date, html: readFileSync(resolve(PAGES, f.file), 'utf8') }));

/** The English article whose claim the social page's post repeats. */
export const VISHVAS_CLAIM_ARTICLE = VISHVAS_ARTICLES.find((a) => a.url.includes('rishi-sunak'))!;

/** The desk's own feed declaration, verbatim from a saved page (not retyped). */
function feedLinkElement(): string {
  for (const article of VISHVAS_ARTICLES) {
    const link = article.html.match(/<link[^>]*rel="alternate"[^>]*href="https:\/\/www\.vishvasnews\.com\/feed\/"[^>]*>/)?.[0];
    if (link) return link;
  }
  throw new Error('no saved Vishvas News page declares https://www.vishvasnews.com/feed/');
}

const rfc822 = (date?: string) => (date ? new Date(`${date}T12:00:00Z`).toUTCString() : '');

function feed(): string {
  const items = [...VISHVAS_ARTICLES]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .map((a) => `<item><link>${a.url}</link><guid>${a.url}</guid><pubDate>${rfc822(a.date)}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Vishvas News</title><link>${VISHVAS_SITE}</link>${items}</channel></rss>`;
}

export interface ServedDesk {
  /** Paths requested on the desk's host, in order. */
  requested: string[];
  /** Requests that reached any other directory desk's host. */
  otherDesks: string[];
}

export async function serveVishvas(context: BrowserContext): Promise<ServedDesk> {
  const served: ServedDesk = { requested: [], otherDesks: [] };
  const cors = { 'access-control-allow-origin': '*' };
  const home = `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>Vishvas News</title>${feedLinkElement()}</head><body></body></html>`;
  const deskHosts = new Set(DIRECTORY.map((e) => new URL(e.site).hostname.replace(/^www\./, '')));
  await context.route(
    (url) => deskHosts.has(url.hostname.replace(/^www\./, '')),
    (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== 'www.vishvasnews.com') {
        served.otherDesks.push(url.href);
        return route.fulfill({ status: 404, headers: cors, body: 'not served in this test' });
      }
      served.requested.push(url.pathname);
      const html = (body: string) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: cors, body });
      if (url.pathname === '/') return html(home);
      if (url.pathname === '/feed/') return route.fulfill({ status: 200, contentType: 'application/rss+xml', headers: cors, body: feed() });
      const article = VISHVAS_ARTICLES.find((a) => a.url === url.href);
      if (article) return html(article.html);
      return route.fulfill({ status: 404, headers: cors, body: 'not found' });
    },
  );
  return served;
}

/**
 * Animal Político's El Sabueso, a WordPress desk: its real saved section front (which declares no RSS, only
 * WordPress's API root) at its real address, its real saved article, and the posts list WordPress answers at
 * that API (links and dates, as Sanad asks), built here naming the saved article's real address.
 */
export const ANIMAL_POLITICO_SECTION = 'https://www.animalpolitico.com/sabueso/';
const ANIMAL_POLITICO_ARTICLE = manifest.files.find((f) => f.file.startsWith('articles/animalpolitico/'))!;

export async function serveAnimalPolitico(context: BrowserContext): Promise<ServedDesk> {
  const served: ServedDesk = { requested: [], otherDesks: [] };
  const cors = { 'access-control-allow-origin': '*' };
  const section = readFileSync(resolve(PAGES, 'homepages/animalpolitico-el-sabueso-section.html'), 'utf8');
  const article = readFileSync(resolve(PAGES, ANIMAL_POLITICO_ARTICLE.file), 'utf8');
  await context.route(
    (url) => url.hostname === 'www.animalpolitico.com',
    (route) => {
      const url = new URL(route.request().url());
      served.requested.push(`${url.pathname}${url.search}`);
      const html = (body: string) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: cors, body });
      if (url.href === ANIMAL_POLITICO_SECTION) return html(section);
      if (url.pathname === '/wp-json/wp/v2/posts')
        return route.fulfill({
          status: 200,
          contentType: 'application/json; charset=UTF-8',
          headers: cors,
          body: JSON.stringify([{ date_gmt: `${ANIMAL_POLITICO_ARTICLE.date}T18:00:00`, link: ANIMAL_POLITICO_ARTICLE.url }]),
        });
      if (url.href === ANIMAL_POLITICO_ARTICLE.url) return html(article);
      return route.fulfill({ status: 404, headers: cors, body: 'not found' });
    },
  );
  return served;
}
