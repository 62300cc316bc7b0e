/**
 * Where a desk lists its new articles: RSS 2.0, Atom, sitemaps (news sitemaps, sitemap indexes), JSON
 * listings (JSON Feed, WordPress's `/wp-json/wp/v2/posts`, rss2json), and the `Sitemap:` lines of
 * robots.txt. Pure: a tolerant XML tokenizer, no DOM; a listing that is none of these says so.
 */
import { Parser } from 'htmlparser2';
import { asList, isObject, readHttpUrl } from '../untrusted/read';

export interface ListedArticle {
  url: string;
  /** Publication or modification time as given (ISO or RFC 822), for newest-first order. */
  date?: string;
}

export type Listing =
  | { ok: true; kind: 'rss' | 'atom' | 'sitemap' | 'json'; articles: ListedArticle[] }
  | { ok: true; kind: 'sitemap-index'; sitemaps: ListedArticle[] }
  | { ok: false; reason: string };

const MAX_ENTRIES = 5_000;

const absolute = (href: string | undefined, base: string): string | undefined => {
  if (!href?.trim()) return undefined;
  try {
    return readHttpUrl(new URL(href.trim(), base).href);
  } catch {
    return undefined;
  }
};

/** Newest first; entries without a date keep their listing order after the dated ones. */
export function newestFirst(articles: readonly ListedArticle[]): ListedArticle[] {
  const time = (a: ListedArticle) => (a.date ? Date.parse(a.date) : NaN);
  return articles
    .map((article, index) => ({ article, index, t: time(article) }))
    .sort((a, b) => (Number.isNaN(a.t) ? 1 : 0) - (Number.isNaN(b.t) ? 1 : 0) || (b.t || 0) - (a.t || 0) || a.index - b.index)
    .map((e) => e.article);
}

/** Reads an XML listing: the kind comes from its root element. */
function readXml(body: string, base: string): Listing {
  let root: string | undefined;
  const entries: { url?: string; date?: string }[] = [];
  let entry: { url?: string; date?: string } | undefined;
  let field: { name: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(rawName, attrs) {
        // News sitemaps date an article in <news:publication_date>; other prefixed elements (image:loc) are not the article.
        const lower = rawName.toLowerCase();
        const name = lower === 'news:publication_date' ? 'publication_date' : lower;
        root ??= name;
        if (name === 'item' || name === 'entry' || name === 'url' || name === 'sitemap') {
          if (entries.length < MAX_ENTRIES) entries.push((entry = {}));
        } else if (entry && name === 'link' && attrs.href !== undefined) {
          // Atom: the article is the alternate link (or the only one without a rel).
          if (!attrs.rel || attrs.rel === 'alternate') entry.url ??= attrs.href;
        } else if (entry && ['link', 'loc', 'guid', 'pubdate', 'published', 'updated', 'lastmod', 'publication_date'].includes(name)) {
          field = { name, text: '' };
        }
      },
      ontext(text) {
        if (field && field.text.length < 4_000) field.text += text;
      },
      onclosetag(rawName) {
        const lower = rawName.toLowerCase();
        const name = lower === 'news:publication_date' ? 'publication_date' : lower;
        if (field && name === field.name && entry) {
          const value = field.text.trim();
          if (name === 'link' || name === 'loc') entry.url ??= value;
          else if (name === 'guid') {
            if (/^https?:/.test(value)) entry.url ??= value;
          } else entry.date ??= value;
          field = undefined;
        }
        if (name === 'item' || name === 'entry' || name === 'url' || name === 'sitemap') entry = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(body);
  parser.end();
  const list = entries.flatMap((e): ListedArticle[] => {
    const url = absolute(e.url, base);
    return url ? [{ url, ...(e.date && { date: e.date }) }] : [];
  });
  const rootName = root?.replace(/^.*:/, '');
  if (rootName === 'sitemapindex') return { ok: true, kind: 'sitemap-index', sitemaps: list };
  const kind =
    rootName === 'rss' || rootName === 'rdf' ? 'rss' : rootName === 'feed' ? 'atom' : rootName === 'urlset' ? 'sitemap' : undefined;
  if (!kind) return { ok: false, reason: `not a feed or sitemap (<${(root ?? '?').slice(0, 30)}>)` };
  return { ok: true, kind, articles: list };
}

/** JSON listings: JSON Feed (`items[].url`), rss2json (`items[].link`), WordPress REST (`[].link`). */
function readJson(doc: unknown, base: string): Listing {
  const items = Array.isArray(doc) ? doc : isObject(doc) ? asList(doc.items) : [];
  const articles = items
    .slice(0, MAX_ENTRIES)
    .filter(isObject)
    .map((item) => {
      const href = [item.url, item.link, item.external_url].find((v) => typeof v === 'string') as string | undefined;
      const date = [item.date_published, item.date_gmt, item.date, item.pubDate, item.date_modified].find((v) => typeof v === 'string') as
        string | undefined;
      const url = absolute(href, base);
      return url ? { url, ...(date && { date }) } : undefined;
    })
    .filter((a): a is ListedArticle => !!a);
  if (!articles.length) return { ok: false, reason: 'a JSON document without article links' };
  return { ok: true, kind: 'json', articles };
}

/** A listing body (as fetched from `base`) → its article links, newest first, or why it is not a listing. */
export function readListing(body: string, base: string): Listing {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return sortListing(readJson(JSON.parse(text), base));
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
  }
  if (/^<!doctype html|^<html/i.test(text)) return { ok: false, reason: 'an HTML page, not a feed' };
  if (!text.startsWith('<')) return { ok: false, reason: 'not a feed or sitemap' };
  return sortListing(readXml(text, base));
}

function sortListing(listing: Listing): Listing {
  if (!listing.ok) return listing;
  return listing.kind === 'sitemap-index'
    ? { ...listing, sitemaps: newestFirst(listing.sitemaps) }
    : { ...listing, articles: newestFirst(listing.articles) };
}

/** `Sitemap:` addresses in a robots.txt, news sitemaps first (they list only recent articles). */
export function sitemapsInRobots(body: string, base: string): string[] {
  const urls = body
    .split(/\r?\n/)
    .map((line) => line.match(/^\s*sitemap\s*:\s*(\S+)/i)?.[1])
    .map((href) => absolute(href, base))
    .filter((u): u is string => !!u);
  const unique = [...new Set(urls)].slice(0, 50);
  const news = (u: string) => (/news/i.test(u) ? 0 : 1);
  return unique
    .map((u, i) => ({ u, i }))
    .sort((a, b) => news(a.u) - news(b.u) || a.i - b.i)
    .map((e) => e.u);
}
