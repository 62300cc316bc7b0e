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
    ['feed:https://gone.example/x.json', undefined, { trust: 'unsigned', name: 'feed:https://gone.example/x.json' }],
  ] as const)('%s', (id, feed, expected) => {
    expect(describeList(id, feed)).toEqual({ id, ...expected });
  });
});
