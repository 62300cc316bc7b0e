/**
 * A fact-checking desk's website for E2E tests: home page with an RSS link, the feed, and article pages with
 * ClaimReview in JSON-LD, served under misbar.com through request routing (CORS allowed, as static hosts do).
 * The articles repeat claims of posts on the saved x.com home timeline.
 */
import type { BrowserContext } from 'playwright-core';

export const SITE = 'https://misbar.com/';

/** A desk article as desks write them: the ClaimReview inside the NewsArticle of a JSON-LD @graph. */
export const article = (
  slug: string,
  claim: string,
  rating: string,
) => `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>${claim}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"${SITE}factcheck/${slug}#article",
 "headline":"${claim}","mainEntity":{"@type":"ClaimReview","url":"${SITE}factcheck/${slug}","claimReviewed":"${claim}",
 "reviewRating":{"@type":"Rating","alternateName":"${rating}","ratingValue":"1","bestRating":"5","worstRating":"1"},
 "author":{"@type":"Organization","name":"مسبار"},"datePublished":"2026-01-10"}}]}</script></head>
<body><article><h1>${claim}</h1><p>…</p></article></body></html>`;

export const ARTICLES: Record<string, string> = {
  defections: article('defections', 'انشقاق أكثر من 120 عنصراً من قسد وتسليم أنفسهم لقوات الأمن السورية', 'زائف'),
  truce: article('truce', 'الإدارة الذاتية تنفي التوصل إلى تهدئة في حلب وتحذر من هجوم وشيك', 'مضلل'),
};
let listed = ['defections'];
const rss = () =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>مسبار</title><link>${SITE}</link>${listed
    .map((slug) => `<item><title>${slug}</title><link>${SITE}factcheck/${slug}</link></item>`)
    .join('')}</channel></rss>`;
const HOME_PAGE = `<!doctype html><html lang="ar"><head><link rel="alternate" type="application/rss+xml" title="مسبار" href="/feed/"></head><body>مسبار</body></html>`;

/** Serves the desk; `publish` changes which articles the feed lists (newest first). */
export async function serveMisbar(context: BrowserContext): Promise<{ publish: (...slugs: string[]) => void }> {
  // The desk's host, as a static host answers (CORS allowed); requests for the feed are answered live, so a
  // later article shows up on the next sync.
  const cors = { 'access-control-allow-origin': '*' };
  listed = ['defections'];
  await context.route(
    (url) => url.hostname === 'misbar.com',
    (route) => {
      const url = new URL(route.request().url());
      const slug = url.pathname.match(/^\/factcheck\/([a-z]+)$/)?.[1];
      if (url.pathname === '/')
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: cors, body: HOME_PAGE });
      if (url.pathname === '/feed/') return route.fulfill({ status: 200, contentType: 'application/rss+xml', headers: cors, body: rss() });
      if (slug && ARTICLES[slug])
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: cors, body: ARTICLES[slug] });
      return route.fulfill({ status: 404, headers: cors, body: 'not found' });
    },
  );
  return { publish: (...slugs) => void (listed = slugs) };
}
