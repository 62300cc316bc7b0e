import { describe, expect, it } from 'vitest';
import { words } from '../text/normalise';
import { claimOverlap, RARE_STEMS } from './claim-overlap';
import { readPost, stemOf } from './terms';

// IDF by a made-up table: the claim's rarest words are "anaconda", "brazil", then "10"; "jaguar" rarer still.
const RARE: Record<string, number> = { [stemOf('jaguar')]: 10, [stemOf('anaconda')]: 9, [stemOf('brazil')]: 8, '10': 7 };
const idf = (stem: string) => RARE[stem] ?? 2;
const CLAIM = words('A viral video shows a 10-meter-long anaconda swimming across a river in Brazil');
const overlap = (post: string) => claimOverlap(readPost(post).terms, CLAIM, idf);

describe('claimOverlap', () => {
  it('counts the share of the claim’s rarest stems the post has', () => {
    expect(overlap('huge anaconda swimming in a river in brazil, 10 meters').rareShare).toBe(1);
    // Of its two rarest (anaconda, brazil), one.
    expect(RARE_STEMS.claim).toBe(2);
    expect(overlap('an anaconda in a river').rareShare).toBe(0.5);
    expect(overlap('a river in brazil, 10 meters').rareShare).toBe(0.5);
    expect(overlap('a viral video shows a river').rareShare).toBe(0);
  });

  it('counts the share of the post’s rarest stems the claim has', () => {
    expect(overlap('anaconda swimming in brazil, 10 meters long').postRareShare).toBe(1);
    // The post's rarest word (of its three rarest: jaguar, anaconda, brazil) is one the claim lacks.
    expect(overlap('a jaguar and an anaconda in brazil').postRareShare).toBeCloseTo(2 / 3);
    expect(overlap('a viral video shows a river').postRareShare).toBe(1);
    expect(overlap('jaguar cubs playing').postRareShare).toBe(0);
  });

  it('does not depend on word order or repeats', () => {
    expect(overlap('brazil brazil river anaconda')).toEqual(overlap('anaconda in a river in brazil'));
  });
});
