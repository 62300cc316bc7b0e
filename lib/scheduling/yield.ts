/**
 * Long jobs in the background (a 100,000-item feed, an index rebuild) run in slices with a pause between
 * them, so the service worker keeps answering pages while they run.
 */
import type { SliceClock } from './slice-clock';

export type Pause = () => Promise<void>;

/** Lets queued messages and timers run before the job continues. */
export const yieldToEventLoop: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs a job written as a generator to the end, pausing at each `yield` (then its clock starts a new slice). */
export async function runInSlices<T>(steps: Generator<unknown, T>, pause: Pause = yieldToEventLoop, clock?: SliceClock): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
    clock?.resume();
  }
}

/** Runs a job written as a generator to the end at once (tools, tests, small inputs). */
export function runAtOnce<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
