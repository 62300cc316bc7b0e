/**
 * Harvesting one fact-checker's website: find where it lists new articles (the address given, a
 * `<link rel="alternate">` feed on it, a WordPress site's REST posts, or a sitemap named in robots.txt), fetch that listing conditionally,
 * then fetch the articles not yet seen — a bounded number per run, one at a time with a pause between
 * requests — and take every ClaimReview and MediaReview in them. Every request goes to the site's own host
 * (with or without `www.`); nothing about the user is sent. One bad page is counted, never fatal. The same
 * code runs in the extension's background and in `npm run feed -- harvest`.
 */
import { readCappedText } from '../untrusted/capped-body';
import { isObject } from '../untrusted/read';
import type { HarvestCounts } from '../wire/shapes';
import { readListing, sitemapsInRobots, type ListedArticle } from './listing';
import { extractReviews } from './structured-data';

type Obj = Record<string, unknown>;

export interface HarvestLimits {
  /** Article pages fetched per run once the site is known. */
  maxPages: number;
  /** Article pages fetched by the first run (the recent backlog). */
  firstBackfill: number;
  /** Pause between two requests to the site. */
  delayMs: number;
  /** Article addresses remembered as seen (the newest are kept). */
  maxSeen: number;
  /** Largest listing or page body read. */
  maxBytes: number;
  timeoutMs: number;
}

export const HARVEST_LIMITS: HarvestLimits = {
  maxPages: 10,
  firstBackfill: 20,
  delayMs: 1_000,
  maxSeen: 2_000,
  maxBytes: 5_000_000,
  timeoutMs: 30_000,
};

/** What a run leaves for the next one. Plain JSON: stored on the subscription, or in the command's state file. */
export interface SiteState {
  /** The address the user gave. */
  site: string;
  /** Where the site lists its articles, once found. */
  listing?: string;
  etag?: string;
  lastModified?: string;
  /** Article addresses already fetched, oldest first. */
  seen: string[];
}

export interface HarvestDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

export type PageStatus = 'reviews' | 'no-markup' | 'malformed' | 'unreachable';

export interface PageOutcome {
  url: string;
  status: PageStatus;
  /** Reviews found on the page. */
  count: number;
  detail?: string;
}

export interface HarvestResult {
  /** False when the source as a whole failed (site unreachable, no listing found): nothing changes. */
  ok: boolean;
  reason?: string;
  state: SiteState;
  /** New reviews, by the page they came from (JSON-LD-shaped; `url`, `inLanguage`, `image` filled from the page). */
  pages: { url: string; reviews: Obj[] }[];
  outcomes: PageOutcome[];
  /** The listing answered 304 Not Modified. */
  notModified: boolean;
}

/** The host without `www.`: the site and its `www.` twin are the same desk. */
const bareHost = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/** True for addresses on the site's own host (with or without `www.`), over http(s). */
export function onSite(url: string, site: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && bareHost(url) === bareHost(site);
  } catch {
    return false;
  }
}

/** The origins a subscription to `site` needs host permission for. */
export function siteOrigins(site: string): string[] {
  const url = new URL(site);
  const bare = url.hostname.replace(/^www\./, '');
  return [...new Set([`${url.protocol}//${bare}/*`, `${url.protocol}//www.${bare}/*`])];
}

class SiteRequests {
  private requests = 0;
  constructor(
    private readonly site: string,
    private readonly deps: HarvestDeps,
    private readonly limits: HarvestLimits,
  ) {}

  /** One polite GET: only to the site, after a pause, no cookies or referrer, bounded in time and size. */
  async get(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; type: string; body: string; etag?: string; lastModified?: string }> {
    if (!onSite(url, this.site)) throw new Error(`not on ${bareHost(this.site)}`);
    if (this.requests++ > 0) await this.deps.sleep(this.limits.delayMs);
    const response = await this.deps.fetch(url, {
      headers: { accept: 'text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5', ...headers },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: AbortSignal.timeout(this.limits.timeoutMs),
    });
    if (response.url && !onSite(response.url, this.site)) throw new Error(`redirected away from ${bareHost(this.site)}`);
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 304 || !response.ok) return { status: response.status, type, body: '' };
    const body = await readCappedText(response, this.limits.maxBytes, 'page');
    return {
      status: response.status,
      type,
      body,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  }
}

const messageOf = (error: unknown) =>
  error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message.slice(0, 200)) : String(error);

type Found = { listing: string; articles: ListedArticle[]; etag?: string; lastModified?: string };

/** The first address among `candidates` that is a listing with articles (sitemap indexes: their newest children). */
async function firstListing(candidates: readonly string[], http: SiteRequests, site: string, depth = 0): Promise<Found | undefined> {
  for (const candidate of candidates.filter((c) => onSite(c, site)).slice(0, 3)) {
    const response = await http.get(candidate).catch(() => undefined);
    if (!response || response.status !== 200) continue;
    const listing = readListing(response.body, candidate);
    if (!listing.ok) continue;
    if (listing.kind === 'sitemap-index') {
      if (depth > 0) continue;
      const children = listing.sitemaps.map((s) => s.url);
      const preferred = [...children.filter((c) => /news|post|article/i.test(c)), ...children.filter((c) => !/news|post|article/i.test(c))];
      const found = await firstListing(preferred.slice(0, 2), http, site, depth + 1);
      if (found) return found;
      continue;
    }
    if (listing.articles.length)
      return { listing: candidate, articles: listing.articles, etag: response.etag, lastModified: response.lastModified };
  }
  return undefined;
}

/** The newest posts of a WordPress REST API root (`…/wp-json/` or `…/?rest_route=/`), links and dates only. */
function wordpressPosts(api: string): string {
  const url = new URL(api);
  if (url.searchParams.has('rest_route')) url.searchParams.set('rest_route', '/wp/v2/posts');
  else url.pathname = `${url.pathname.replace(/\/?$/, '/')}wp/v2/posts`;
  url.searchParams.set('_fields', 'link,date_gmt');
  url.searchParams.set('per_page', '20');
  return url.href;
}

/** Finds where the site lists its articles: the address itself, a feed it links to, or a sitemap in robots.txt. */
async function discover(site: string, http: SiteRequests): Promise<Found | { error: string }> {
  let home;
  try {
    home = await http.get(site);
  } catch (error) {
    return { error: `${bareHost(site)} could not be reached (${messageOf(error)})` };
  }
  if (home.status !== 200) return { error: `${bareHost(site)} answered HTTP ${home.status}` };
  const direct = readListing(home.body, site);
  if (direct.ok && direct.kind !== 'sitemap-index' && direct.articles.length)
    return { listing: site, articles: direct.articles, etag: home.etag, lastModified: home.lastModified };
  if (direct.ok && direct.kind === 'sitemap-index') {
    const found = await firstListing([site], http, site);
    if (found) return found;
  }
  const page = extractReviews(home.body, site);
  // Comment feeds list comments, not articles; WordPress's JSON alternate is the page itself, not a list.
  const feeds = page.feeds
    .filter((f) => !/comment/i.test(`${f.title ?? ''} ${f.href}`) && !/\/wp-json\/wp\/v2\/\w+\/\d+/.test(f.href))
    .map((f) => f.href);
  const fromLinks = await firstListing(feeds, http, site);
  if (fromLinks) return fromLinks;
  // A WordPress desk whose page links no feed (a section front, say) still lists its posts in its REST API.
  const fromWordPress = page.wordpressApi ? await firstListing([wordpressPosts(page.wordpressApi)], http, site) : undefined;
  if (fromWordPress) return fromWordPress;
  const robotsUrl = new URL('/robots.txt', site).href;
  const robots = await http.get(robotsUrl).catch(() => undefined);
  const fromRobots = robots?.status === 200 ? await firstListing(sitemapsInRobots(robots.body, robotsUrl), http, site) : undefined;
  if (fromRobots) return fromRobots;
  return { error: `no feed or news sitemap found on ${bareHost(site)}` };
}

/** Fills what a review leaves to its page: its address, language and image. */
function withPageDefaults(review: Obj, page: { url: string; language?: string; image?: string }): Obj {
  return {
    ...review,
    ...(review.url === undefined && { url: page.url }),
    ...(review.inLanguage === undefined && page.language && { inLanguage: page.language }),
    ...(review.image === undefined && page.image && { image: page.image }),
  };
}

/** One run over a site; the state it returns is the one to keep (also after a failure). */
export async function harvestSite(state: SiteState, deps: HarvestDeps, limits: HarvestLimits = HARVEST_LIMITS): Promise<HarvestResult> {
  const http = new SiteRequests(state.site, deps, limits);
  const failed = (reason: string): HarvestResult => ({ ok: false, reason, state, pages: [], outcomes: [], notModified: false });
  let listing = state.listing;
  let articles: ListedArticle[] | undefined;
  let validators = { etag: state.etag, lastModified: state.lastModified };

  if (!listing) {
    const found = await discover(state.site, http);
    if ('error' in found) return failed(found.error);
    ({ listing, articles } = found);
    validators = { etag: found.etag, lastModified: found.lastModified };
  } else {
    const headers: Record<string, string> = {};
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    let response;
    try {
      response = await http.get(listing, headers);
    } catch (error) {
      return failed(`${bareHost(state.site)} could not be reached (${messageOf(error)})`);
    }
    if (response.status === 304) return { ok: true, state, pages: [], outcomes: [], notModified: true };
    if (response.status !== 200) return failed(`the article list at ${listing} answered HTTP ${response.status}`);
    const read = readListing(response.body, listing);
    if (!read.ok || read.kind === 'sitemap-index')
      return failed(`the article list at ${listing} is ${read.ok ? 'a sitemap index' : read.reason}`);
    articles = read.articles;
    validators = { etag: response.etag, lastModified: response.lastModified };
  }

  const seen = new Set(state.seen);
  const budget = state.seen.length ? limits.maxPages : limits.firstBackfill;
  const fresh = articles.filter((a) => onSite(a.url, state.site) && !seen.has(a.url)).slice(0, budget);
  const pages: HarvestResult['pages'] = [];
  const outcomes: PageOutcome[] = [];
  const nowSeen = [...state.seen];
  for (const article of fresh) {
    let response;
    try {
      response = await http.get(article.url);
    } catch (error) {
      // Not marked seen: a page that could not be reached is tried again next time.
      outcomes.push({ url: article.url, status: 'unreachable', count: 0, detail: messageOf(error) });
      continue;
    }
    if (response.status >= 500 || response.status === 429) {
      outcomes.push({ url: article.url, status: 'unreachable', count: 0, detail: `HTTP ${response.status}` });
      continue;
    }
    nowSeen.push(article.url);
    if (response.status !== 200) {
      outcomes.push({ url: article.url, status: 'unreachable', count: 0, detail: `HTTP ${response.status}` });
      continue;
    }
    const page = extractReviews(response.body, article.url);
    const reviews = page.reviews.filter(isObject).map((r) => withPageDefaults(r, { url: article.url, ...page }));
    if (reviews.length) {
      pages.push({ url: article.url, reviews });
      outcomes.push({ url: article.url, status: 'reviews', count: reviews.length });
    } else if (page.problems.length) {
      outcomes.push({ url: article.url, status: 'malformed', count: 0, detail: page.problems[0] });
    } else {
      outcomes.push({ url: article.url, status: 'no-markup', count: 0 });
    }
  }
  return {
    ok: true,
    state: { ...state, listing, ...validators, seen: nowSeen.slice(-limits.maxSeen) },
    pages,
    outcomes,
    notModified: false,
  };
}

/** A run counted, for the options page (which words it in the reader's language) and the command's log. */
export function countHarvest(result: Pick<HarvestResult, 'outcomes' | 'notModified'>, unusable = 0): HarvestCounts {
  const of = (status: PageStatus) => result.outcomes.filter((o) => o.status === status);
  const malformed = of('malformed');
  const unreachable = of('unreachable');
  return {
    nothingNew: result.notModified,
    articles: result.outcomes.length,
    factChecks: of('reviews').reduce((n, o) => n + o.count, 0) - unusable,
    noMarkup: of('no-markup').length,
    malformed: malformed.length,
    ...(malformed[0]?.detail && { malformedDetail: malformed[0].detail }),
    unreachable: unreachable.length,
    ...(unreachable[0]?.detail && { unreachableDetail: unreachable[0].detail }),
    unusable,
  };
}

/** A run in plain English: "3 new articles read, 2 fact-checks; 1 page without fact-check markup". */
export function describeHarvest(result: Pick<HarvestResult, 'outcomes' | 'notModified'>, unusable = 0): string {
  const c = countHarvest(result, unusable);
  if (c.nothingNew) return 'no new articles';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [`${plural(c.articles, 'new article', 'new articles')} read, ${plural(c.factChecks, 'fact-check', 'fact-checks')}`];
  if (c.noMarkup) parts.push(`${plural(c.noMarkup, 'page', 'pages')} without fact-check markup`);
  if (c.malformed) parts.push(`${plural(c.malformed, 'page', 'pages')} with broken markup (${c.malformedDetail})`);
  if (c.unreachable) parts.push(`${plural(c.unreachable, 'page', 'pages')} could not be fetched (${c.unreachableDetail})`);
  if (c.unusable) parts.push(`${plural(c.unusable, 'review', 'reviews')} unusable (no claim text)`);
  return parts.join('; ');
}
