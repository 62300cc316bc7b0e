import { describe, expect, it } from 'vitest';
import { makeDebunk } from '@/tests/unit/support/debunks';
import { BACKGROUND_LIST, backgroundDf, backgroundDocs, blendedIdf, idfOf } from './background';
import { buildIndex } from './bm25-index';
import { stemOf } from './terms';
import { words } from '../text/normalise';

const stem = (word: string) => stemOf(words(word)[0]!);

describe('background document frequencies', () => {
  it('rank everyday words above topical ones, in English and Arabic, after the matcher’s stemming', () => {
    expect(backgroundDf(stem('people'))).toBeGreaterThan(backgroundDf(stem('vaccine')));
    expect(backgroundDf(stem('vaccine'))).toBeGreaterThan(0);
    expect(backgroundDf(stem('zelensky'))).toBe(0);
    expect(backgroundDf(stem('الناس'))).toBeGreaterThan(backgroundDf(stem('حلب')));
    expect(backgroundDf(stem('قسد'))).toBe(0);
    // No word is in more than half of all documents.
    expect(backgroundDf(stem('people'))).toBeLessThanOrEqual(BACKGROUND_LIST / 2);
  });

  it('fill a short list up to BACKGROUND_LIST documents and leave a long one to its own statistics', () => {
    expect(backgroundDocs(2)).toBe(BACKGROUND_LIST - 2);
    expect(backgroundDocs(BACKGROUND_LIST)).toBe(0);
    expect(blendedIdf('zelensky', 1, 2)).toBeCloseTo(idfOf(1, BACKGROUND_LIST), 10);
    const people = stem('people');
    expect(blendedIdf(people, 1, 2)).toBeCloseTo(idfOf(1 + (backgroundDf(people) * 998) / BACKGROUND_LIST, BACKGROUND_LIST), 10);
    expect(blendedIdf(people, 30, 5_000)).toBe(idfOf(30, 5_000));
  });
});

describe('a small index blended with the background', () => {
  const aleppo = makeDebunk({ id: 'a', claim: 'Video shows soldiers captured by fighters in Aleppo' });
  const escape = makeDebunk({ id: 'b', claim: 'Footage of a mass escape of militias near Aleppo' });
  const unrelated = makeDebunk({ id: 'c', claim: 'Minister announces a new vaccine for children' });
  const idfOfTerm = (index: ReturnType<typeof buildIndex>, word: string) => index.idf[index.termIds.get(stem(word))!]!;

  it('weighs its terms as a list of BACKGROUND_LIST would', () => {
    const index = buildIndex([aleppo, escape]);
    expect(index.backgroundDocs).toBe(BACKGROUND_LIST - 2);
    expect(index.maxIdf).toBeCloseTo(idfOf(0, BACKGROUND_LIST), 5);
    // "aleppo" is in both debunks: on their own it would weigh almost nothing (idf 0.18 of 2).
    expect(idfOf(2, 2)).toBeLessThan(0.2);
    expect(idfOfTerm(index, 'aleppo')).toBeCloseTo(idfOf(2, BACKGROUND_LIST), 5);
    // An everyday word weighs less than a rare one in the same debunk.
    expect(idfOfTerm(index, 'shows')).toBeLessThan(idfOfTerm(index, 'captured') - 1);
  });

  it('hardly moves when an unrelated debunk joins (by the list alone, the weights would move by a third)', () => {
    const two = buildIndex([aleppo, escape]);
    const three = buildIndex([aleppo, escape, unrelated]);
    for (const word of ['aleppo', 'captured', 'soldiers']) {
      const change = Math.abs(idfOfTerm(three, word) - idfOfTerm(two, word)) / idfOfTerm(two, word);
      expect(change).toBeLessThan(0.002);
    }
    expect(Math.abs(idfOf(1, 3) - idfOf(1, 2)) / idfOf(1, 2)).toBeGreaterThan(0.3);
  });
});
