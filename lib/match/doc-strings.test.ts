import { describe, expect, it } from 'vitest';
import { DocIds, DocLabels, keptIds, keptLabels } from './doc-strings';
import { runAtOnce, runInSlices } from '../scheduling/yield';
import { NEVER_DUE, SliceClock } from '../scheduling/slice-clock';

const ids = (values: string[]) => runAtOnce(keptIds(undefined, null, values, NEVER_DUE));
const labels = (values: string[]) => runAtOnce(keptLabels(undefined, null, values, NEVER_DUE));

describe('DocIds', () => {
  it('gives back each id, empty ones and ones outside the Basic Multilingual Plane included', () => {
    const values = ['snopes:1', '', 'مسبار/٢٣', 'a\u0001b', '😀x', 'z'];
    const joined = ids(values);
    expect(joined.length).toBe(values.length);
    expect(joined.toArray()).toEqual(values);
    expect(joined.at(4)).toBe('😀x');
    expect(new TextDecoder().decode(joined.texts.bytes)).toBe(values.join(''));
    expect(new DocIds({ bytes: new TextEncoder().encode('abc'), offsets: Int32Array.of(0, 1, 3) }).toArray()).toEqual(['a', 'bc']);
  });

  it('keeps the ids that stay in order and puts the added ones after them', () => {
    const old = ids(['a', 'bb', 'ccc', 'dddd', 'e']);
    const next = runAtOnce(keptIds(old, (d) => d !== 1 && d !== 3, ['ff', 'g'], NEVER_DUE));
    expect(next.toArray()).toEqual(['a', 'ccc', 'e', 'ff', 'g']);
    expect(Array.from(next.texts.offsets)).toEqual([0, 1, 4, 5, 7, 8]);
    expect(old.toArray()).toEqual(['a', 'bb', 'ccc', 'dddd', 'e']); // the old index keeps answering
  });

  it('gives the same ids when it pauses, long runs of kept ids copied in pieces', async () => {
    const values = Array.from({ length: 200_000 }, (_, i) => `id${i}`);
    const old = ids(values);
    let pauses = 0;
    let now = 0;
    const clock = new SliceClock(1, () => now++);
    const next = await runInSlices(
      keptIds(old, (d) => d !== 5 && d !== 190_000, ['new'], clock),
      async () => void pauses++,
      clock,
    );
    expect(pauses).toBeGreaterThan(0);
    const expected = values.filter((_, d) => d !== 5 && d !== 190_000).concat('new');
    expect(next.length).toBe(expected.length);
    expect(next.at(0)).toBe(expected[0]);
    expect(next.at(70_000)).toBe(expected[70_000]);
    expect(next.at(expected.length - 1)).toBe('new');
    expect(new TextDecoder().decode(next.texts.bytes)).toBe(expected.join(''));
  });
});

describe('DocLabels', () => {
  it('holds each document as a number into the names it has', () => {
    const lists = labels(['bundled', 'afp', 'bundled', 'misbar', 'afp']);
    expect(lists.names).toEqual(['bundled', 'afp', 'misbar']);
    expect(Array.from(lists.codes)).toEqual([0, 1, 0, 2, 1]);
    expect(lists.codes).toBeInstanceOf(Uint16Array);
    expect(lists.at(3)).toBe('misbar');
  });

  it('forgets a name no document that stays has: a dropped list goes with its documents', () => {
    const old = labels(['a', 'b', 'a', 'c']);
    const next = runAtOnce(keptLabels(old, (d) => d !== 1, ['d', 'c'], NEVER_DUE));
    expect(next.names).toEqual(['a', 'c', 'd']);
    expect(next.toArray()).toEqual(['a', 'a', 'c', 'd', 'c']);
    // The same labels as building them from what stays.
    expect(next).toEqual(labels(['a', 'a', 'c', 'd', 'c']));
  });

  it('takes 32-bit numbers past 65,536 names', () => {
    const many = labels(Array.from({ length: 70_000 }, (_, i) => `list${i}`));
    expect(many.codes).toBeInstanceOf(Uint32Array);
    expect(many.at(69_999)).toBe('list69999');
    expect(new DocLabels(['x'], new Uint16Array(2)).toArray()).toEqual(['x', 'x']);
  });
});
