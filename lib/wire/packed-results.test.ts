import { describe, expect, it } from 'vitest';
import { bundledDebunks, makeDebunk, summaryOf } from '@/tests/unit/support/debunks';
import { debunkRef } from '../debunk/types';
import type { Candidate } from '../match/types';
import { packPageResults, unpackPageResults } from './packed-results';

const [ai, hama] = bundledDebunks().map((d) => summaryOf(d));
const candidate = (debunkId: string): Candidate => ({
  debunkId,
  listId: 'bundled',
  verdict: 'altered',
  how: 'similar-text',
  score: 0.6,
  badge: true,
});

describe('page results on the wire', () => {
  it('sends each debunk once, however many posts it badges, and unpacks to the same answers', () => {
    const results = [
      { key: 'a', badge: { candidate: candidate(ai!.id), debunk: ai! } },
      { key: 'b' },
      { key: 'c', badge: { candidate: candidate(ai!.id), debunk: ai! } },
      { key: 'd', badge: { candidate: candidate(hama!.id), debunk: hama! } },
    ];
    const packed = packPageResults(results);
    expect(Object.keys(packed.debunks).sort()).toEqual([debunkRef('bundled', ai!.id), debunkRef('bundled', hama!.id)].sort());
    expect(JSON.stringify(packed).split('"claim"').length - 1).toBe(2); // one summary per debunk, not per post
    expect(unpackPageResults(JSON.parse(JSON.stringify(packed)))).toEqual(results);
  });

  it('keeps apart two lists’ debunks that share an id', () => {
    const borrowed = summaryOf(makeDebunk({ id: ai!.id, source: 'file:borrowed.json', claim: 'another claim' }));
    const results = [
      { key: 'a', badge: { candidate: { ...candidate(ai!.id), listId: 'bundled' }, debunk: ai! } },
      { key: 'b', badge: { candidate: { ...candidate(ai!.id), listId: 'file:borrowed.json' }, debunk: borrowed } },
    ];
    const unpacked = unpackPageResults(JSON.parse(JSON.stringify(packPageResults(results))));
    expect(unpacked.map((r) => [r.badge?.debunk.source, r.badge?.debunk.claim])).toEqual([
      ['bundled', ai!.claim],
      ['file:borrowed.json', 'another claim'],
    ]);
  });

  it('drops a badge whose debunk is missing rather than showing an empty card', () => {
    expect(unpackPageResults({ results: [{ key: 'a', badge: { candidate: candidate('gone'), debunkRef: 'gone' } }], debunks: {} })).toEqual(
      [{ key: 'a' }],
    );
    expect(
      unpackPageResults({ results: [{ key: 'a', badge: { candidate: candidate('toString'), debunkRef: 'toString' } }], debunks: {} }),
    ).toEqual([{ key: 'a' }]);
  });

  it('carries a badged post’s image credentials with its badge, and only a badge’s', () => {
    const credentials = [
      { state: 'invalid' as const, signerTrusted: false, reason: 'changed' as const, failureCodes: ['assertion.dataHash.mismatch'] },
    ];
    const results = [
      { key: 'a', badge: { candidate: candidate(ai!.id), debunk: ai!, credentials } },
      { key: 'b' },
      { key: 'c', badge: { candidate: candidate(ai!.id), debunk: ai!, credentials: [] } },
    ];
    const unpacked = unpackPageResults(JSON.parse(JSON.stringify(packPageResults(results))));
    expect(unpacked[0]!.badge?.credentials).toEqual(credentials);
    expect(unpacked[1]).toEqual({ key: 'b' });
    expect(unpacked[2]!.badge && 'credentials' in unpacked[2]!.badge).toBe(false);
  });
});
