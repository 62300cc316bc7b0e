import { describe, expect, it } from 'vitest';
import { words } from '../text/normalise';
import { importClaimReviews } from '../debunk/claimreview';
import { backgroundIdf, BACKGROUND_MAX_IDF, claimOverlap, listFreeEvidence, RARE_STEMS } from './claim-overlap';
import { buildIndex } from './bm25-index';
import { rankText, textEvidence } from './match';
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

describe('listFreeEvidence', () => {
  const free = (post: string) => listFreeEvidence(readPost(post).terms, CLAIM);

  it('weighs the shared stems by their background IDF', () => {
    const all = free('viral video shows a 10 meter long anaconda swimming across a river in brazil');
    expect(all.coverage).toBeCloseTo(1);
    expect(all.queryCoverage).toBeCloseTo(1);
    expect(free('jaguar cubs playing')).toMatchObject({ coverage: 0, queryCoverage: 0, rareShare: 0, postRareShare: 0 });
    // A word ordinary language knows well weighs less than one it does not know.
    expect(backgroundIdf(stemOf('video'))).toBeLessThan(backgroundIdf(stemOf('anaconda')));
    expect(backgroundIdf(stemOf('anaconda'))).toBeLessThanOrEqual(BACKGROUND_MAX_IDF);
    const part = free('an anaconda in a river');
    expect(part.coverage).toBeGreaterThan(0);
    expect(part.coverage).toBeLessThan(1);
    expect(part.queryCoverage).toBeCloseTo(1);
    expect(part.postWeight).toBeCloseTo((backgroundIdf(stemOf('anaconda')) + backgroundIdf(stemOf('river'))) / BACKGROUND_MAX_IDF);
  });

  it('gives a small list the same evidence whatever unrelated debunks it holds', () => {
    const review = (id: string, claimReviewed: string) => JSON.stringify({ '@type': 'ClaimReview', identifier: id, claimReviewed });
    const gold = review('anaconda', 'A viral video shows a 10-meter-long anaconda swimming across a river in Brazil');
    // Fact-check framing ("video", "shows", "viral") made common by the others, which once shrank the gold's weights.
    const others = Array.from({ length: 60 }, (_, i) => review(`other-${i}`, `Viral video shows protest number ${i} in a city square`));
    const post = readPost('Watch: a giant anaconda, ten meters long, swimming across a river in Brazil');
    const evidence = (lines: string[]) => {
      const index = buildIndex(importClaimReviews(lines.join('\n'), 'test').debunks);
      const ranked = rankText(index, post, 3, () => false);
      expect(index.ids.at(ranked[0]!.doc)).toBe('anaconda');
      return textEvidence(index, post, ranked);
    };
    const two = evidence([gold, others[0]!]);
    expect(two.rivals).toBeNull();
    expect(evidence([gold, ...others])).toEqual(two);
    expect(evidence([gold, ...others.slice(0, 10)])).toEqual(two);
  });
});
