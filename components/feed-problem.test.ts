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
    ['something nobody foresaw', 'other'],
  ])('%s → %s', (reason, problem) => {
    expect(feedProblem(reason)).toBe(problem);
  });
});
