import { describe, expect, it } from 'vitest';
import { words } from '../text/normalise';
import { claimOverlap } from './claim-overlap';
import { stemOf } from './terms';

// IDF by a made-up table: the claim's rare words are "anaconda", "brazil", "10".
const RARE: Record<string, number> = { [stemOf('anaconda')]: 9, [stemOf('brazil')]: 8, '10': 7 };
const idf = (stem: string) => RARE[stem] ?? 2;
const CLAIM = words('A viral video shows a 10-meter-long anaconda swimming across a river in Brazil');
const overlap = (post: string) => claimOverlap(words(post), CLAIM, idf);

describe('claimOverlap', () => {
  it('counts the share of the claim’s rarest stems the post has', () => {
    expect(overlap('huge anaconda swimming in a river in brazil, 10 meters').rareShare).toBe(1);
    expect(overlap('an anaconda in a river').rareShare).toBeCloseTo(1 / 3);
    expect(overlap('a viral video shows a river').rareShare).toBe(0);
  });

  it('counts the claim’s adjacent word pairs the post keeps, across stop words', () => {
    const kept = overlap('anaconda swimming across the river');
    const scattered = overlap('brazil river anaconda');
    expect(kept.pairShare).toBeGreaterThan(scattered.pairShare);
    expect(scattered.pairShare).toBe(0);
  });

  it('tells figures in common from figures that differ', () => {
    expect(overlap('a 10 meter anaconda in brazil').figures).toBe(1);
    expect(overlap('a 6 meter anaconda in brazil').figures).toBe(-1);
    expect(overlap('a giant anaconda in brazil').figures).toBe(0);
  });

  it('counts the claim’s distinct content stems', () => {
    expect(overlap('anything').claimStems).toBe(new Set(CLAIM.map(stemOf).filter(Boolean)).size);
  });
});
