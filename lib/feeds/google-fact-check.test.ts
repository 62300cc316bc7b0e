import { describe, expect, it } from 'vitest';
import { claimReviewToDebunk } from '../debunk/claimreview';
import { checkGoogleSource, googlePageToClaimReviews, googleSearchUrl } from './google-fact-check';

const KEY = 'AIzaSyA-test_key_0123456789abcdefghi';

describe('Google Fact Check Tools source', () => {
  it('asks only for the chosen terms, language and age, with the user’s key', () => {
    const source = checkGoogleSource({ apiKey: KEY, publisherSite: 'https://Misbar.com/factcheck', languageCode: 'ar', maxAgeDays: 30 });
    expect(source.publisherSite).toBe('misbar.com');
    const url = new URL(googleSearchUrl(source, 'PAGE2'));
    expect(url.origin + url.pathname).toBe('https://factchecktools.googleapis.com/v1alpha1/claims:search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      reviewPublisherSiteFilter: 'misbar.com',
      languageCode: 'ar',
      maxAgeDays: '30',
      pageSize: '100',
      pageToken: 'PAGE2',
      key: KEY,
    });
    expect(googleSearchUrl(source, undefined, false)).not.toContain(KEY);
  });

  it('refuses a source it cannot search with, saying why', () => {
    expect(() => checkGoogleSource({ apiKey: 'short', query: 'حلب', maxAgeDays: 30 })).toThrow(/API key/);
    expect(() => checkGoogleSource({ apiKey: KEY, maxAgeDays: 30 })).toThrow(/search words or a fact-checker/);
    expect(() => checkGoogleSource({ apiKey: KEY, query: 'x', maxAgeDays: 0 })).toThrow(/maximum age/);
  });

  it('turns each review of each claim into a ClaimReview Sanad imports', () => {
    const page = googlePageToClaimReviews({
      claims: [
        {
          text: 'فيديو يظهر هروب جماعي لقوات النظام في ريف حلب',
          claimant: 'Social media users',
          claimDate: '2024-11-29T00:00:00Z',
          claimReview: [
            {
              publisher: { name: 'Misbar', site: 'misbar.com' },
              url: 'https://misbar.com/factcheck/2024/11/30/x',
              title: 'الفيديو قديم',
              reviewDate: '2024-11-30T00:00:00Z',
              textualRating: 'مضلل',
              languageCode: 'ar',
            },
          ],
        },
        { text: 'no reviews' },
        'junk',
      ],
      nextPageToken: 'NEXT',
    });
    expect(page.nextPageToken).toBe('NEXT');
    expect(page.items).toHaveLength(1);
    const debunk = claimReviewToDebunk(page.items[0], 'google');
    expect(debunk).toMatchObject({
      ok: true,
      debunk: {
        verdict: 'misleading',
        reviewUrl: 'https://misbar.com/factcheck/2024/11/30/x',
        publisher: { name: 'Misbar' },
        language: 'ar',
      },
    });
  });

  it('reports the API’s own error message', () => {
    expect(() => googlePageToClaimReviews({ error: { code: 400, message: 'API key not valid.' } })).toThrow(
      'Google refused: API key not valid.',
    );
    expect(() => googlePageToClaimReviews('nope')).toThrow(/not a JSON object/);
  });
});
