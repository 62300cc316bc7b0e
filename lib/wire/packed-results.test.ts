import { describe, expect, it } from 'vitest';
import { bundledDebunks } from '@/tests/unit/support/debunks';
import { toDebunkSummary } from './debunk-summary';
import type { Candidate } from '../match/types';
import { packPageResults, unpackPageResults } from './packed-results';

const [ai, hama] = bundledDebunks().map(toDebunkSummary);
const candidate = (debunkId: string): Candidate => ({ debunkId, verdict: 'altered', how: 'similar-text', score: 0.6, badge: true });

describe('page results on the wire', () => {
  it('sends each debunk once, however many posts it badges, and unpacks to the same answers', () => {
    const results = [
      { key: 'a', badge: { candidate: candidate(ai!.id), debunk: ai! } },
      { key: 'b' },
      { key: 'c', badge: { candidate: candidate(ai!.id), debunk: ai! } },
      { key: 'd', badge: { candidate: candidate(hama!.id), debunk: hama! } },
    ];
    const packed = packPageResults(results);
    expect(Object.keys(packed.debunks).sort()).toEqual([ai!.id, hama!.id].sort());
    expect(JSON.stringify(packed).split('"claim"').length - 1).toBe(2); // one summary per debunk, not per post
    expect(unpackPageResults(JSON.parse(JSON.stringify(packed)))).toEqual(results);
  });

  it('drops a badge whose debunk is missing rather than showing an empty card', () => {
    expect(unpackPageResults({ results: [{ key: 'a', badge: { candidate: candidate('gone'), debunkId: 'gone' } }], debunks: {} })).toEqual([
      { key: 'a' },
    ]);
    expect(
      unpackPageResults({ results: [{ key: 'a', badge: { candidate: candidate('toString'), debunkId: 'toString' } }], debunks: {} }),
    ).toEqual([{ key: 'a' }]);
  });
});
