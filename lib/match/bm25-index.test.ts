import { sharedFile } from '@/tests/unit/support/files';
import { describe, expect, it } from 'vitest';
import { importClaimReviews } from '../debunk/claimreview';
import { bundledDebunks } from '@/tests/unit/support/debunks';
import {
  buildIndex,
  buildIndexInSlices,
  deserialiseIndex,
  serialiseIndex,
  updateIndex,
  updateIndexInSlices,
  type MatchIndex,
} from './bm25-index';
import { SliceClock } from '../scheduling/slice-clock';
import { matchPost } from './match';
import { docsWithLink, linkCount } from './link-table';
import { makeDebunk } from '@/tests/unit/support/debunks';

// Real English fact-checks and the tweets CLEF pairs with them: realistic statistics and many near neighbours.
const english = importClaimReviews(sharedFile('eval/clef-en/debunks.jsonl'), 'clef').debunks.slice(0, 3_000);
const posts = sharedFile('eval/clef-en/dev/posts.jsonl')
  .split('\n')
  .filter(Boolean)
  .slice(0, 150)
  .map((line) => JSON.parse(line) as { id: string; text: string });

const answers = (index: MatchIndex) => posts.map((p) => matchPost(index, { key: p.id, text: p.text }).candidates);

describe('updateIndex', () => {
  const base = [...bundledDebunks(), ...english.slice(0, 2_900)];
  const delta = english.slice(2_900, 2_910); // a feed delta of 10 new items
  const built = buildIndex(base);

  it('adds 10 items and answers exactly as a full build of the same list', () => {
    const updated = updateIndex(built, { add: delta });
    expect(updated.ids).toHaveLength(base.length + 10);
    expect(answers(updated)).toEqual(answers(buildIndex([...base, ...delta])));
    // The postings, weights and statistics are the full build's, not an approximation of them.
    expect(serialiseIndex(updated)).toEqual(serialiseIndex(buildIndex([...base, ...delta])));
  });

  it('removes and adds in one change, as a full build of what stays plus the new items', () => {
    const gone = new Set(base.filter((_, i) => i % 7 === 3).map((d) => d.id));
    const updated = updateIndex(built, { keep: (doc) => !gone.has(built.ids.at(doc)), add: delta });
    const rebuilt = buildIndex([...base.filter((d) => !gone.has(d.id)), ...delta]);
    expect(answers(updated)).toEqual(answers(rebuilt));
    // Terms are numbered in a different order (and a term only removed documents had stays, empty).
    for (const [term, t] of rebuilt.termIds) expect(updated.idf[updated.termIds.get(term)!]).toBe(rebuilt.idf[t]);
    rebuilt.selfScore.forEach((score, doc) => expect(updated.selfScore[doc]).toBeCloseTo(score, 4));
    expect(updated.links).toEqual(rebuilt.links);
  });

  it('leaves the index it started from untouched (it keeps answering until the swap)', () => {
    const before = answers(built);
    const terms = built.termIds.size;
    updateIndex(built, { add: english.slice(2_910, 3_000) });
    expect(built.termIds.size).toBe(terms);
    expect(answers(built)).toEqual(before);
  });

  it('in slices gives the same index, and a stored one updates the same way', async () => {
    const sliced = await updateIndexInSlices(deserialiseIndex(structuredClone(serialiseIndex(built))), { add: delta }, async () => {});
    expect(serialiseIndex(sliced)).toEqual(serialiseIndex(updateIndex(built, { add: delta })));
  });

  it('keeps links in step: a removed debunk is no longer found by its link, an added one is', () => {
    const a = makeDebunk({ id: 'a', appearances: ['https://x.com/u/status/1', 'https://youtu.be/Qm3sZ7yA1bE'] });
    const b = makeDebunk({ id: 'b', appearances: ['https://x.com/u/status/1'] });
    const c = makeDebunk({ id: 'c', appearances: ['https://x.com/u/status/2'] });
    const two = buildIndex([a, b]);
    expect([...docsWithLink(two.links, 'x:1')]).toEqual([0, 1]);
    expect(linkCount(two.links)).toBe(2);
    const next = updateIndex(two, { keep: (doc) => two.ids.at(doc) !== 'a', add: [c] });
    expect([...docsWithLink(next.links, 'x:1')].map((d) => next.ids.at(d))).toEqual(['b']);
    expect([...docsWithLink(next.links, 'x:2')].map((d) => next.ids.at(d))).toEqual(['c']);
    expect(docsWithLink(next.links, 'youtube:Qm3sZ7yA1bE')).toHaveLength(0);
    expect(next.links).toEqual(buildIndex([b, c]).links);
  });
});

describe('slices on one clock', () => {
  const base = [...bundledDebunks(), ...english.slice(0, 1_500)];
  const built = buildIndex(base);
  const change = { keep: (doc: number) => doc % 5 !== 2, add: english.slice(1_500, 1_600) };
  const expected = serialiseIndex(updateIndex(built, change));

  /** A fake clock that moves 1 ms each time it is read: a phase that never reads it never yields. */
  const ticking = (budgetMs: number) => {
    let t = 0;
    let reads = 0;
    return { clock: new SliceClock(budgetMs, () => (reads++, t++)), reads: () => reads };
  };

  it('yields whenever the clock is due, in every phase, and builds the same index', async () => {
    const { clock, reads } = ticking(0); // always due: a pause at every place a phase checks the clock
    let pauses = 0;
    const sliced = await updateIndexInSlices(built, change, async () => void pauses++, clock);
    expect(serialiseIndex(sliced)).toEqual(expected);
    // Tokenising alone checks once per added debunk; the other phases (renumbering, copying the n-gram
    // texts, postings, weights, links, per-document arrays) add their own checks.
    expect(pauses).toBeGreaterThan(change.add.length + 10);
    expect(pauses).toBeGreaterThanOrEqual(reads() / 2 - 1); // every due check yielded (and resumed)
  });

  it('pauses about once per budget of clock time, never on a clock that is not due', async () => {
    const fine = ticking(10);
    let finePauses = 0;
    await buildIndexInSlices(base, async () => void finePauses++, fine.clock);
    // Each slice is 10 reads of the clock, plus the one that starts it after a pause.
    expect(finePauses).toBeGreaterThanOrEqual(Math.floor(fine.reads() / 12));
    const coarse = ticking(1e9);
    let coarsePauses = 0;
    const whole = await buildIndexInSlices(base, async () => void coarsePauses++, coarse.clock);
    expect(coarsePauses).toBe(0);
    expect(serialiseIndex(whole)).toEqual(serialiseIndex(built));
  });

  it("counts the caller's work before the update: a clock handed over already due yields at its first check", async () => {
    const readsAtFirstPause = async (spentBefore: number) => {
      let t = 0;
      let reads = 0;
      const clock = new SliceClock(20, () => (reads++, t));
      t = spentBefore; // what the caller spent since its last pause (comparing lists, say); time then stands still
      let first = -1;
      await updateIndexInSlices(built, { add: english.slice(1_500, 1_510) }, async () => void (first < 0 && (first = reads)), clock);
      return first;
    };
    expect(await readsAtFirstPause(25)).toBe(2); // the clock's start, then its first check
    expect(await readsAtFirstPause(5)).toBe(-1); // within budget: no pause at all
  });
});
