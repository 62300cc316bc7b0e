import { describe, expect, it } from 'vitest';
import { describeList } from './list-origin';

describe('describeList', () => {
  it.each([
    ['bundled', undefined, { trust: 'built-in', name: '' }],
    ['file:mine.json', undefined, { trust: 'unsigned', name: 'mine.json' }],
    [
      'feed:https://desk.example/sanad.json',
      { kind: 'sanad', url: 'https://desk.example/sanad.json', publisher: 'Desk' },
      { trust: 'signed', name: 'Desk' },
    ],
    // An unsigned feed names its publisher in its own items: the card names its host instead.
    [
      'feed:https://cdn.example/cr.json',
      { kind: 'claimreview', url: 'https://cdn.example/cr.json', publisher: 'Misbar' },
      { trust: 'unsigned', name: 'cdn.example' },
    ],
    // A desk feed whose signed header names where it takes reports: the card may offer "Also tell <desk>"…
    [
      'feed:https://desk.example/feed.json',
      { kind: 'sanad', url: 'https://desk.example/feed.json', publisher: 'Desk', wrongMatchesUrl: 'https://desk.example/v1/wrong-matches' },
      { trust: 'signed', name: 'Desk', takesReports: true },
    ],
    // …never an unsigned list, whatever it holds.
    [
      'feed:https://cdn.example/other.json',
      { kind: 'claimreview', url: 'https://cdn.example/other.json', wrongMatchesUrl: 'https://cdn.example/v1/wrong-matches' },
      { trust: 'unsigned', name: 'cdn.example' },
    ],
    ['feed:https://gone.example/x.json', undefined, { trust: 'unsigned', name: 'feed:https://gone.example/x.json' }],
  ] as const)('%s', (id, feed, expected) => {
    expect(describeList(id, feed)).toEqual({ id, ...expected });
  });
});
