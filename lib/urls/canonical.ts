/**
 * Canonical ids for posts and videos on the supported platforms (lib/sites/platforms.ts), so that every way of
 * writing the same link (x.com vs twitter.com, youtu.be vs watch?v= vs /shorts/, tracking parameters…) compares equal.
 * A match on these ids is certain; text similarity never is.
 */
import { PLATFORMS, postLinkHosts, type SiteId } from '../sites/platforms';

const TRACKING_PARAMS =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|igshid|igsh|mibextid|si|s|t|ref|ref_src|ref_url|feature|share_id|_rdc|_rdr|__cft__.*|__tn__|rdid|sfnsn|is_from_webapp|sender_device|_r|_t|lang|embeds_referring_euri|embeds_euri|pp)$/i;

/** A link, split once: its decoded path segments, and whether its host is a short-link one. */
interface Link {
  path: string[];
  url: URL;
  short: boolean;
}
type IdRule = (link: Link) => string | null;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d+$/;

// One rule per site; which hosts each applies to comes from the platforms table.
const ID_RULES: Record<SiteId, IdRule> = {
  // x.com/<user>/status/<id>[/video/1|/photo/2|/analytics], x.com/i/web/status/<id>, x.com/i/status/<id>
  x: ({ path }) => {
    const i = path.indexOf('status') >= 0 ? path.indexOf('status') : path.indexOf('statuses');
    const id = i >= 0 ? path[i + 1] : undefined;
    return id && DIGITS.test(id) ? `x:${id}` : null;
  },
  // youtube.com/watch?v=, /shorts/<id>, /live/<id>, /embed/<id>, /v/<id>; youtu.be/<id>
  youtube: ({ path, url, short }) => {
    let id: string | null | undefined = null;
    if (short) id = path[0];
    else if (path[0] === 'watch') id = url.searchParams.get('v');
    else if (['shorts', 'live', 'embed', 'v', 'e'].includes(path[0] ?? '')) id = path[1];
    return id && YOUTUBE_ID.test(id) ? `youtube:${id}` : null;
  },
  // facebook.com/watch/?v=<id>, /<page>/videos/<id>, /<page>/videos/<slug>/<id>, /reel/<id>, /video.php?v=,
  // /<page>/posts/<id>, /permalink.php?story_fbid=<id>&id=<page>, /photo?fbid=<id>; fb.watch/<code>
  facebook: ({ path, url, short }) => {
    if (short) return path[0] ? `facebook:watch:${path[0]}` : null;
    const v = url.searchParams.get('v');
    if ((path[0] === 'watch' || path[0] === 'video.php') && v && DIGITS.test(v)) return `facebook:video:${v}`;
    if (path[0] === 'reel' && path[1] && DIGITS.test(path[1])) return `facebook:video:${path[1]}`;
    const videos = path.indexOf('videos');
    if (videos >= 0) {
      const id = path.slice(videos + 1).find((p) => DIGITS.test(p));
      if (id) return `facebook:video:${id}`;
    }
    const posts = path.indexOf('posts');
    if (posts >= 0 && path[posts + 1]) return `facebook:post:${path[posts + 1]}`;
    const story = url.searchParams.get('story_fbid') ?? url.searchParams.get('fbid');
    if (story) return `facebook:post:${story}`;
    return null;
  },
  // tiktok.com/@user/video/<id>, /@user/photo/<id>, /v/<id>.html, m.tiktok.com/v/<id>; vm.tiktok.com/<code>
  tiktok: ({ path, short }) => {
    if (short) return path[0] ? `tiktok:short:${path[0]}` : null;
    const i = path.findIndex((p) => p === 'video' || p === 'photo' || p === 'v');
    const id = i >= 0 ? path[i + 1]?.replace(/\.html$/, '') : undefined;
    return id && DIGITS.test(id) ? `tiktok:${id}` : null;
  },
  // instagram.com/p/<code>, /reel/<code>, /reels/<code>, /tv/<code>, /<user>/p/<code>
  instagram: ({ path }) => {
    const i = path.findIndex((p) => ['p', 'reel', 'reels', 'tv'].includes(p));
    const code = i >= 0 ? path[i + 1] : undefined;
    return code && /^[A-Za-z0-9_-]{5,}$/.test(code) ? `instagram:${code}` : null;
  },
  // t.me/<channel>/<n>, t.me/s/<channel>/<n>, telegram.me/…
  telegram: ({ path }) => {
    const [channel, message] = path[0] === 's' ? path.slice(1) : path;
    return channel && message && DIGITS.test(message) ? `telegram:${channel.toLowerCase()}/${message}` : null;
  },
};

/** Host (without `www.`) → the site whose id rule reads its links. The table's hosts are disjoint (tested). */
const SITE_BY_HOST = new Map<string, { site: SiteId; short: boolean }>(
  PLATFORMS.flatMap((p) => {
    const { hosts, shortHosts } = postLinkHosts(p);
    return [
      ...hosts.map((host) => [host, { site: p.id, short: false }] as const),
      ...shortHosts.map((host) => [host, { site: p.id, short: true }] as const),
    ];
  }),
);

function parse(raw: string): URL | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** The platform id of a post or video (`x:123`, `youtube:dQw4w9WgXcQ`…), or null for any other link. */
export function canonicalMediaId(raw: string): string | null {
  const url = parse(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const host = hostOf(url);
  const site = SITE_BY_HOST.get(host);
  if (!site) return null;
  const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponentSafe);
  return ID_RULES[site.site]({ path, url, short: site.short });
}

/** Any http(s) link without tracking parameters, fragment, `www.` or trailing slash; null if not a link. */
export function canonicalUrl(raw: string): string | null {
  const url = parse(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${hostOf(url)}${path}${query}`;
}

/** The key a link is matched by: its platform id where it has one, else its canonical URL. */
export function linkKey(raw: string): string | null {
  const id = canonicalMediaId(raw);
  if (id) return id;
  const url = canonicalUrl(raw);
  return url ? `url:${url}` : null;
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
