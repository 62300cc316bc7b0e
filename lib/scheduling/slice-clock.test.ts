import { describe, expect, it } from 'vitest';
import { NEVER_DUE, SliceClock } from './slice-clock';
import { runInSlices } from './yield';

/** A clock whose time is set by the test. */
const fakeTime = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('SliceClock', () => {
  it('is due once its budget has passed since it started or resumed', () => {
    const time = fakeTime();
    const clock = new SliceClock(20, time.now);
    time.advance(19);
    expect(clock.due()).toBe(false);
    time.advance(1);
    expect(clock.due()).toBe(true);
    clock.resume();
    expect(clock.due()).toBe(false);
    time.advance(25);
    expect(clock.due()).toBe(true);
    expect(NEVER_DUE.due()).toBe(false);
  });

  it('runInSlices pauses where a job yields on the clock, and each slice starts after its pause', async () => {
    const time = fakeTime();
    const clock = new SliceClock(20, time.now);
    const slices: number[][] = [[]];
    // A job of 100 steps of 3 ms each that yields whenever the clock says so.
    function* job(): Generator<void, number> {
      for (let step = 0; step < 100; step++) {
        if (clock.due()) yield;
        time.advance(3);
        slices.at(-1)!.push(step);
      }
      return 100;
    }
    const result = await runInSlices(
      job(),
      async () => {
        time.advance(1_000); // other work ran meanwhile: it must not count against the next slice
        slices.push([]);
      },
      clock,
    );
    expect(result).toBe(100);
    // 7 steps (21 ms) per slice: the 8th would start past the budget.
    expect(slices.slice(0, -1).every((s) => s.length === 7)).toBe(true);
    expect(slices.flat()).toHaveLength(100);
  });
});
