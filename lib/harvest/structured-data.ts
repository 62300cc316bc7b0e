/**
 * Every ClaimReview and MediaReview in one article page, as plain JSON-LD-shaped objects: JSON-LD blocks
 * (a single object, an array, `@graph`, or nested inside an Article or WebPage), microdata (`itemscope`)
 * and RDFa (`typeof`/`property`). Pages are written by many hands and tools: a broken block costs that block
 * only and is reported; nothing here throws. Pure: a tolerant HTML tokenizer, no DOM (a service worker has none).
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { asList, isObject, readHttpUrl } from '../untrusted/read';

type Obj = Record<string, unknown>;

export interface PageReviews {
  /** The reviews found, in page order, each with `@type`; relative links made absolute against the page. */
  reviews: Obj[];
  /** What could not be read, in plain words ("JSON-LD block 2 is not JSON: …"). */
  problems: string[];
  /** The page's own language (`<html lang>`), lower case. */
  language?: string;
  /** The page's share image (`og:image`), when it has one. */
  image?: string;
  /** `<link rel="alternate">` feeds the page declares (a home page's RSS, Atom or JSON feed). */
  feeds: { href: string; type: string; title?: string }[];
  /** A WordPress site's REST API root (`<link rel="https://api.w.org/">`): its posts list new articles too. */
  wordpressApi?: string;
}

/** Pages larger than this are cut: no article needs more, and a hostile page must not hold the worker. */
export const MAX_PAGE_CHARS = 4_000_000;
const MAX_BLOCKS = 50;
const MAX_DEPTH = 12;
const MAX_REVIEWS = 100;
const MAX_NODES = 20_000;

const REVIEW_TYPE = /(^|[:/#])(ClaimReview|MediaReview)$/;
const FEED_TYPES = /^application\/(rss|atom|feed)\+(xml|json)$|^application\/json$/i;

/** `@type` (or itemtype / typeof) names, without any vocabulary prefix. */
export function typeNames(value: unknown): string[] {
  return asList(value)
    .filter((t): t is string => typeof t === 'string')
    .flatMap((t) => t.trim().split(/\s+/))
    .map((t) => t.replace(/^.*[:/#]/, ''))
    .filter(Boolean);
}

const isReview = (node: Obj) => typeNames(node['@type']).some((t) => REVIEW_TYPE.test(t));

/** Own properties only: a key named `__proto__` or `constructor` in a page is data, never a lookup path. */
const own = (node: Obj, key: string): unknown => (Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined);

// ---------------------------------------------------------------------------------------------------------
// JSON-LD

/** Parses one JSON-LD block; CMSes often leave raw newlines or tabs inside strings, which JSON forbids. */
function parseJsonLd(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const trimmed = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')
    .trim();
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    try {
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is repaired here
      return { ok: true, value: JSON.parse(trimmed.replace(/[\u0000-\u001F]+/g, ' ')) };
    } catch {
      return { ok: false, reason: error instanceof Error ? error.message.slice(0, 120) : 'unreadable' };
    }
  }
}

/**
 * Nodes by `@id`, so that a review whose `itemReviewed` or `author` is only `{"@id": "#claim"}` gets the
 * node that id names elsewhere in the block (Yoast and other SEO plugins write `@graph`s that way).
 */
function collectIds(root: unknown): Map<string, Obj> {
  const byId = new Map<string, Obj>();
  let visited = 0;
  const walk = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || ++visited > MAX_NODES) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    if (!isObject(value)) return;
    const id = own(value, '@id');
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    for (const key of Object.keys(value)) walk(value[key], depth + 1);
  };
  walk(root, 0);
  return byId;
}

/** A copy with `{"@id"}`-only references replaced by their nodes, a few levels deep (cycles stop there). */
function resolveRefs(value: unknown, byId: Map<string, Obj>, depth = 0): unknown {
  if (depth > 4) return value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => resolveRefs(v, byId, depth + 1));
  if (!isObject(value)) return value;
  const id = own(value, '@id');
  const target = typeof id === 'string' && Object.keys(value).length === 1 ? byId.get(id) : undefined;
  const node = target ?? value;
  const copy: Obj = {};
  for (const key of Object.keys(node)) {
    if (key === '__proto__') continue;
    copy[key] = resolveRefs(node[key], byId, depth + 1);
  }
  return copy;
}

/** Text fields that CMSes write HTML-escaped into JSON-LD ("Singh&#039;s"): they are read as the text they mean. */
const ESCAPED_TEXT = new Set(['claimReviewed', 'alternateName', 'name', 'headline', 'description', 'reviewBody', 'text']);

/** A copy of a review with the entities in its text fields decoded (the result is text, never HTML). */
function decodeTextFields(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => decodeTextFields(v, depth + 1));
  if (!isObject(value)) return value;
  const copy: Obj = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (key === '__proto__') continue;
    copy[key] = typeof v === 'string' && ESCAPED_TEXT.has(key) && /&[#a-z0-9]+;/i.test(v) ? decodeHTML(v) : decodeTextFields(v, depth + 1);
  }
  return copy;
}

/** Every review in a JSON-LD value, wherever it is nested; an image of the enclosing article is kept. */
function reviewsInJsonLd(root: unknown): Obj[] {
  const byId = collectIds(root);
  const found: Obj[] = [];
  let visited = 0;
  const walk = (value: unknown, depth: number, articleImage: unknown) => {
    if (depth > MAX_DEPTH || ++visited > MAX_NODES || found.length >= MAX_REVIEWS) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1, articleImage));
    if (!isObject(value)) return;
    if (isReview(value)) {
      const review = decodeTextFields(resolveRefs(value, byId)) as Obj;
      if (own(review, 'image') === undefined && articleImage !== undefined) review.image = articleImage;
      found.push(review);
      return;
    }
    const image = own(value, 'image') ?? own(value, 'thumbnailUrl') ?? articleImage;
    for (const key of Object.keys(value)) walk(value[key], depth + 1, image);
  };
  walk(root, 0, undefined);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Microdata and RDFa share one shape: an element opens an item (`itemscope` / `typeof`), its descendants'
// `itemprop` / `property` fill it, a nested item becomes the property's value.

interface OpenItem {
  node: Obj;
  /** The element depth that opened it. */
  depth: number;
  syntax: 'microdata' | 'rdfa';
}
interface OpenProp {
  item: OpenItem;
  names: string[];
  depth: number;
  text: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const URL_ATTRS: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  audio: 'src',
  video: 'src',
  source: 'src',
  embed: 'src',
  iframe: 'src',
  object: 'data',
};

function addProp(node: Obj, names: string[], value: unknown): void {
  for (const raw of names) {
    const name = raw.replace(/^.*[:/#]/, '');
    if (!name || name === '__proto__') continue;
    const current = own(node, name);
    node[name] = current === undefined ? value : [...asList(current), value];
  }
}

const absolute = (href: string, base: string): string | undefined => {
  try {
    return readHttpUrl(new URL(href.trim(), base).href);
  } catch {
    return undefined;
  }
};

/** Everything a page says in its markup that harvesting needs, in one pass. */
export function extractReviews(html: string, pageUrl: string): PageReviews {
  const problems: string[] = [];
  const feeds: PageReviews['feeds'] = [];
  const blocks: string[] = [];
  const topItems: OpenItem[] = [];
  const items: OpenItem[] = [];
  const props: OpenProp[] = [];
  let language: string | undefined;
  let image: string | undefined;
  let wordpressApi: string | undefined;
  let base = pageUrl;
  let depth = 0;
  let script: { text: string } | undefined;

  const closeTo = (level: number) => {
    while (props.length && props[props.length - 1]!.depth >= level) {
      const prop = props.pop()!;
      const text = prop.text.replace(/\s+/g, ' ').trim();
      if (text) addProp(prop.item.node, prop.names, text);
    }
    while (items.length && items[items.length - 1]!.depth >= level) items.pop();
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        const tag = name.toLowerCase();
        if (tag === 'html' && attrs.lang) language = attrs.lang.trim().toLowerCase().replace(/_/g, '-') || undefined;
        if (tag === 'base' && attrs.href) base = absolute(attrs.href, pageUrl) ?? base;
        if (tag === 'meta' && (attrs.property === 'og:image' || attrs.name === 'og:image') && attrs.content && !image)
          image = absolute(attrs.content, base);
        if (tag === 'link' && /(^|\s)alternate(\s|$)/i.test(attrs.rel ?? '') && attrs.href && FEED_TYPES.test((attrs.type ?? '').trim())) {
          const href = absolute(attrs.href, base);
          if (href) feeds.push({ href, type: attrs.type!.trim().toLowerCase(), ...(attrs.title && { title: attrs.title }) });
        }
        if (tag === 'link' && (attrs.rel ?? '').trim() === 'https://api.w.org/' && attrs.href && !wordpressApi)
          wordpressApi = absolute(attrs.href, base);
        if (tag === 'script' && /^\s*application\/ld\+json\s*$/i.test(attrs.type ?? '')) script = { text: '' };

        const syntax = 'itemscope' in attrs ? 'microdata' : 'typeof' in attrs ? 'rdfa' : undefined;
        const propAttr = attrs.itemprop ?? attrs.property;
        const propNames = propAttr ? propAttr.trim().split(/\s+/).filter(Boolean) : [];
        const parent = items[items.length - 1];
        let opened: OpenItem | undefined;
        if (syntax) {
          const node: Obj = { '@type': (syntax === 'microdata' ? attrs.itemtype : attrs.typeof) ?? '' };
          if (attrs.itemid ?? attrs.resource) node['@id'] = attrs.itemid ?? attrs.resource;
          opened = { node, depth, syntax };
          if (parent && propNames.length) addProp(parent.node, propNames, node);
          else topItems.push(opened);
        }
        if (parent && propNames.length && !opened) {
          const urlAttr = URL_ATTRS[tag];
          const direct =
            attrs.content ??
            (tag === 'time' ? attrs.datetime : undefined) ??
            (urlAttr && attrs[urlAttr] ? absolute(attrs[urlAttr], base) : undefined) ??
            (parent.syntax === 'rdfa' ? (attrs.resource ?? attrs.href) : undefined);
          if (direct !== undefined) addProp(parent.node, propNames, direct);
          else if (!VOID.has(tag)) props.push({ item: parent, names: propNames, depth, text: '' });
        }
        if (opened) items.push(opened);
        if (VOID.has(tag)) {
          closeTo(depth);
          depth--;
        }
      },
      ontext(text) {
        if (script) script.text += text;
        else for (const prop of props) if (prop.text.length < 4_000) prop.text += text;
      },
      onclosetag(name, isImplied) {
        const tag = name.toLowerCase();
        if (VOID.has(tag)) return;
        if (tag === 'script' && script) {
          if (blocks.length < MAX_BLOCKS) blocks.push(script.text);
          script = undefined;
        }
        void isImplied;
        closeTo(depth);
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > MAX_PAGE_CHARS ? html.slice(0, MAX_PAGE_CHARS) : html);
  parser.end();
  closeTo(0);

  const reviews: Obj[] = [];
  blocks.forEach((text, index) => {
    const parsed = parseJsonLd(text);
    if (!parsed.ok) problems.push(`JSON-LD block ${index + 1} is not JSON (${parsed.reason})`);
    else reviews.push(...reviewsInJsonLd(parsed.value));
  });
  const markupReviews: Obj[] = [];
  const walkItems = (node: Obj, level: number) => {
    if (level > MAX_DEPTH || markupReviews.length >= MAX_REVIEWS) return;
    if (isReview(node)) return void markupReviews.push(node);
    for (const value of Object.values(node)) for (const v of asList(value)) if (isObject(v)) walkItems(v, level + 1);
  };
  for (const item of topItems) walkItems(item.node, 0);
  // A page that carries the same review in JSON-LD and in markup (the schema.org examples do) counts it once.
  const seen = new Set(reviews.map(reviewKey));
  for (const review of markupReviews) if (!seen.has(reviewKey(review))) reviews.push(review);

  return {
    reviews: reviews.slice(0, MAX_REVIEWS).map((r) => withAbsoluteUrls(r, base)),
    problems,
    ...(language && { language }),
    ...(image && { image }),
    feeds,
    ...(wordpressApi && { wordpressApi }),
  };
}

/** Same claim, same rating: the same review written twice. */
function reviewKey(review: Obj): string {
  const rating = own(review, 'reviewRating');
  const ratingText = isObject(rating) ? (own(rating, 'alternateName') ?? own(rating, 'ratingValue')) : rating;
  const claim = own(review, 'claimReviewed');
  const letters = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number'
      ? String(v)
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '')
      : '';
  return `${letters(claim)}|${letters(ratingText)}`;
}

/** `url` and appearance links as absolute addresses (markup often writes them relative to the page). */
function withAbsoluteUrls(review: Obj, base: string): Obj {
  const fix = (value: unknown): unknown =>
    typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value) && value.trim() ? (absolute(value, base) ?? value) : value;
  const copy: Obj = { ...review, url: fix(own(review, 'url')) };
  if (copy.url === undefined) delete copy.url;
  const reviewed = own(review, 'itemReviewed');
  if (isObject(reviewed)) {
    const fixedReviewed: Obj = { ...reviewed };
    for (const key of ['appearance', 'firstAppearance']) {
      const value = own(reviewed, key);
      if (value === undefined) continue;
      fixedReviewed[key] = asList(value).map((a) => (isObject(a) ? { ...a, url: fix(own(a, 'url')) } : fix(a)));
    }
    copy.itemReviewed = fixedReviewed;
  }
  return copy;
}
