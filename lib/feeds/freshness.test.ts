import { describe, expect, it } from 'vitest';
import { checkFreshness, feedAddress } from './freshness';

const URL_ = 'https://desk.example.org/feed.json';
const at = (generated: string, extra: { sequence?: number; feedUrl?: string; since?: string; delta?: boolean } = {}) => ({
  generated,
  delta: false,
  ...extra,
});

describe('checkFreshness: a feed is taken only if newer than the one held', () => {
  it('takes the first publication of a subscription', () => {
    expect(checkFreshness(at('2026-11-01T00:00:00Z'), { url: URL_ })).toEqual({ kind: 'newer' });
  });

  it('refuses an older generated time (a replay), whatever its sequence says', () => {
    const held = { generated: '2026-11-02T00:00:00Z', sequence: 5 };
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { sequence: 9 }), { url: URL_, accepted: held })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/older feed.*replay/),
    });
  });

  it('refuses a lower sequence; the same sequence is the same publication; a higher one is new', () => {
    const held = { generated: '2026-11-02T00:00:00Z', sequence: 5 };
    expect(checkFreshness(at('2026-11-03T00:00:00Z', { sequence: 4 }), { url: URL_, accepted: held })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/sequence 4.*held \(5\)/),
    });
    expect(checkFreshness(at('2026-11-03T00:00:00Z', { sequence: 5 }), { url: URL_, accepted: held })).toEqual({ kind: 'same' });
    expect(checkFreshness(at('2026-11-03T00:00:00Z', { sequence: 6 }), { url: URL_, accepted: held })).toEqual({ kind: 'newer' });
    expect(checkFreshness(at('2026-11-03T00:00:00Z'), { url: URL_, accepted: held })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/stopped numbering/),
    });
  });

  it('without sequence numbers, orders by generated time', () => {
    const held = { generated: '2026-11-02T00:00:00Z' };
    expect(checkFreshness(at('2026-11-02T00:00:00.000Z'), { url: URL_, accepted: held })).toEqual({ kind: 'same' });
    expect(checkFreshness(at('2026-11-02T00:00:01Z'), { url: URL_, accepted: held })).toEqual({ kind: 'newer' });
  });

  it('refuses a feed signed for another address, not for the same address asked with since=', () => {
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { feedUrl: 'https://other.example.org/feed.json' }), { url: URL_ })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/another address/),
    });
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { feedUrl: URL_ }), { url: `${URL_}?since=c1` })).toEqual({ kind: 'newer' });
    expect(feedAddress(`${URL_}?since=c1#x`)).toBe(URL_);
  });

  it('refuses a delta that answers another cursor than the one asked for, or says none', () => {
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { delta: true, since: 'c1' }), { url: URL_, cursor: 'c2' })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/another starting point/),
    });
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { delta: true }), { url: URL_, cursor: 'c2' })).toMatchObject({ kind: 'refused' });
    expect(checkFreshness(at('2026-11-01T00:00:00Z', { delta: true, since: 'c2' }), { url: URL_, cursor: 'c2' })).toEqual({
      kind: 'newer',
    });
  });
});
