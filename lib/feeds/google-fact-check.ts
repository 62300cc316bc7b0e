/**
 * Google Fact Check Tools as a source: `claims:search` with the user's own API key, by language and maximum
 * age, and the user's own query or fact-checker site. Nothing about the user's browsing is sent: the request
 * carries only those chosen terms. Pure: builds the request URL and turns the answer into ClaimReview items.
 */
import type { GoogleSource } from '../wire/shapes';
import { isObject, readTrimmed } from '../untrusted/read';

export const GOOGLE_API = 'https://factchecktools.googleapis.com/v1alpha1/claims:search';
/** Pages of 100 claims read per sync at most. */
export const GOOGLE_MAX_PAGES = 10;

export type { GoogleSource };

export function checkGoogleSource(raw: Partial<GoogleSource>): GoogleSource {
  const apiKey = raw.apiKey?.trim() ?? '';
  if (!/^[A-Za-z0-9_-]{20,60}$/.test(apiKey)) throw new Error('enter your Google API key (Fact Check Tools API enabled)');
  const query = raw.query?.trim().slice(0, 200) || undefined;
  const publisherSite =
    raw.publisherSite
      ?.trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '') || undefined;
  if (!query && !publisherSite) throw new Error('Google needs search words or a fact-checker’s site');
  if (publisherSite && !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(publisherSite))
    throw new Error('the fact-checker’s site should look like misbar.com');
  const languageCode = raw.languageCode?.trim() || undefined;
  if (languageCode && !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(languageCode))
    throw new Error('the language should be a code such as ar or en');
  const maxAgeDays = Math.round(Number(raw.maxAgeDays ?? 30));
  if (!(maxAgeDays >= 1 && maxAgeDays <= 3650)) throw new Error('the maximum age should be between 1 and 3650 days');
  return { apiKey, ...(query && { query }), ...(publisherSite && { publisherSite }), ...(languageCode && { languageCode }), maxAgeDays };
}

/** The address of one page of results; `withKey` false gives the form shown to the user and used as the id. */
export function googleSearchUrl(source: GoogleSource, pageToken?: string, withKey = true): string {
  const params = new URLSearchParams();
  if (source.query) params.set('query', source.query);
  if (source.publisherSite) params.set('reviewPublisherSiteFilter', source.publisherSite);
  if (source.languageCode) params.set('languageCode', source.languageCode);
  params.set('maxAgeDays', String(source.maxAgeDays));
  params.set('pageSize', '100');
  if (pageToken) params.set('pageToken', pageToken);
  if (withKey) params.set('key', source.apiKey);
  return `${GOOGLE_API}?${params}`;
}

const str = (v: unknown) => readTrimmed(v);

/** One page of the API's answer → ClaimReview items (one per review) and the next page's token. */
export function googlePageToClaimReviews(body: unknown): { items: Record<string, unknown>[]; nextPageToken?: string } {
  if (!isObject(body)) throw new Error('Google answered with something that is not a JSON object');
  if (isObject(body.error)) throw new Error(`Google refused: ${str(body.error.message) ?? 'unknown error'}`);
  const items: Record<string, unknown>[] = [];
  for (const claim of Array.isArray(body.claims) ? body.claims : []) {
    if (!isObject(claim) || !str(claim.text)) continue;
    for (const review of Array.isArray(claim.claimReview) ? claim.claimReview : []) {
      if (!isObject(review) || !str(review.url)) continue;
      const publisher = isObject(review.publisher) ? review.publisher : {};
      const site = str(publisher.site);
      items.push({
        '@type': 'ClaimReview',
        identifier: `google:${str(review.url)}`,
        url: str(review.url),
        claimReviewed: str(claim.text),
        ...(str(review.title) && { headline: str(review.title) }),
        ...(str(review.reviewDate) && { datePublished: str(review.reviewDate) }),
        ...(str(review.languageCode) && { inLanguage: str(review.languageCode) }),
        author: { '@type': 'Organization', name: str(publisher.name) ?? site ?? 'Fact-checker', ...(site && { url: `https://${site}` }) },
        reviewRating: { '@type': 'Rating', alternateName: str(review.textualRating) ?? '' },
        itemReviewed: {
          '@type': 'Claim',
          ...(str(claim.claimant) && { author: { '@type': 'Person', name: str(claim.claimant) } }),
          ...(str(claim.claimDate) && { datePublished: str(claim.claimDate) }),
        },
      });
    }
  }
  return { items, ...(str(body.nextPageToken) && { nextPageToken: str(body.nextPageToken) }) };
}
