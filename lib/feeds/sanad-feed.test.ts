import { describe, expect, it } from 'vitest';
import { feed, item } from '@/tests/unit/support/feeds';
import { runInSlices } from '../scheduling/yield';
import { checkSanadFeed, FEED_LIMITS, parseSanadFeed } from './sanad-feed';

describe('checking a feed in slices', () => {
  it('pauses every thousand items and gives what parseSanadFeed gives', async () => {
    const body = JSON.stringify(feed({ items: Array.from({ length: 2_500 }, (_, i) => item(`i${i}`)), tombstones: [{ id: 'i7' }] }));
    let pauses = 0;
    const sliced = await runInSlices(checkSanadFeed(JSON.parse(body), 'feed:t'), async () => void pauses++);
    expect(pauses).toBe(2);
    expect(sliced).toEqual(parseSanadFeed(body, 'feed:t'));
    expect(sliced.ok && sliced.debunks).toHaveLength(2_499);
  });
});

describe('parseSanadFeed', () => {
  it('reads items, applies tombstones and reports the header', () => {
    const result = parseSanadFeed(
      JSON.stringify(feed({ items: [item('a'), item('b'), item('c')], tombstones: [{ id: 'b', withdrawn: '2026-11-23' }] })),
      'desk',
    );
    expect(result).toMatchObject({
      ok: true,
      publisher: { name: 'Test Desk' },
      generated: '2026-11-24T10:00:00.000Z',
      tombstones: ['b'],
      signed: false,
    });
    expect(result.ok && result.debunks.map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('keeps the publisher link only when it is an http(s) URL', () => {
    const publisherUrl = (url: unknown) => {
      const result = parseSanadFeed(JSON.stringify(feed({ publisher: { name: 'Test Desk', url } })), 'desk');
      return result.ok ? result.publisher.url : 'refused';
    };
    expect(publisherUrl('https://desk.example.org/about')).toBe('https://desk.example.org/about');
    // The old check only looked at the prefix: these passed it and would have become the desk's link.
    expect(publisherUrl('https://')).toBeUndefined();
    expect(publisherUrl('https://desk example.org')).toBeUndefined();
    expect(publisherUrl('javascript:alert(1)')).toBeUndefined();
    expect(publisherUrl(42)).toBeUndefined();
  });

  it.each([
    ['truncated JSON', JSON.stringify(feed()).slice(0, 60), /not JSON/],
    ['a plain ClaimReview array', JSON.stringify([item('a')]), /not a Sanad feed/],
    ['another version', JSON.stringify(feed({ sanadFeed: 2 })), /version 1/],
    ['no publisher', JSON.stringify(feed({ publisher: {} })), /no publisher/],
    ['no generated time', JSON.stringify(feed({ generated: 'yesterday' })), /generated/],
    ['items not an array', JSON.stringify(feed({ items: {} })), /"items"/],
    ['mostly invalid items', JSON.stringify(feed({ items: [item('a'), { claimReviewed: '' }, 42] })), /2 of 3 items are unusable/],
    ['an oversized body', ' '.repeat(FEED_LIMITS.bytes + 1), /too large/],
  ])('refuses %s with a reason', (_, body, reason) => {
    const result = parseSanadFeed(body, 'desk');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('tolerates a few bad items and duplicate ids, and says which', () => {
    const items = [...Array.from({ length: 20 }, (_, i) => item(`i${i}`)), { claimReviewed: '' }, item('i3', 'corrected claim')];
    const result = parseSanadFeed(JSON.stringify(feed({ items })), 'desk');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.debunks).toHaveLength(20);
    expect(result.debunks.find((d) => d.id === 'i3')!.claim).toBe('corrected claim');
    expect(result.skipped.map((s) => s.reason)).toEqual(['no claimReviewed text', 'duplicate id i3 (the later item is kept)']);
  });
});
