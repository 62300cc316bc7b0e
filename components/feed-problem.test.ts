import { describe, expect, it } from 'vitest';
import { feedProblem } from './feed-problem';

describe('feedProblem', () => {
  it.each([
    ['HTTP 503', 'server'],
    ['HTTP 500', 'server'],
    ['HTTP 404', 'missing'],
    ['HTTP 403', 'refused'],
    ['Failed to fetch', 'network'],
    ['NetworkError when attempting to fetch resource.', 'network'],
    ['wrong content type text/html', 'not-feed'],
    ['feed too large (40000000 bytes)', 'too-large'],
    ['the signature does not match the pinned key', 'signature'],
    ['Google found no fact-checks for this search', 'empty'],
    ['the feed was signed for another address (https://evil.example/feed.json)', 'replayed'],
    ['an older publication (sequence 3) than the one held (4): a replay, refused', 'replayed'],
    ['misbar.com could not be reached (Failed to fetch)', 'network'],
    ['no feed or news sitemap found on misbar.com', 'no-listing'],
    ['the article list at https://misbar.com/feed answered HTTP 503', 'server'],
    ['the article list at https://misbar.com/feed answered HTTP 404', 'missing'],
    ['the article list at https://misbar.com/sitemap.xml is a sitemap index', 'not-feed'],
    ['the article list at https://misbar.com/x is not a feed or sitemap (<html>)', 'not-feed'],
    ['something nobody foresaw', 'other'],
  ])('%s → %s', (reason, problem) => {
    expect(feedProblem(reason)).toBe(problem);
  });
});

describe('site-level failures in both languages', () => {
  it('every problem kind has its words in English and Arabic', async () => {
    const { FEED_PROBLEM_KEYS } = await import('./feed-problem');
    const { localeMessages } = await import('@/tests/unit/support/i18n');
    for (const locale of ['en', 'ar'] as const) {
      const messages = localeMessages(locale);
      for (const key of Object.values(FEED_PROBLEM_KEYS)) expect(messages[key]?.message, `${locale} ${key}`).toBeTruthy();
    }
    expect(localeMessages('ar').feedProblem_no_listing!.message).toMatch(/[\u0600-\u06FF]/);
  });
});
