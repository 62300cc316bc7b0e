/**
 * One clock for every phase of a long job (tokenising, laying out postings, merging links, joining texts):
 * each phase asks it whether the slice has used its time, so no stretch between two pauses runs much past
 * SLICE_MS, wherever the phases begin and end. Counting items instead let a slice run 0.2–1.4 s whenever an
 * item cost more than planned, or a phase had no count at all.
 */

/** Work between two pauses: well under the 50 ms a post may wait for matching. */
export const SLICE_MS = 20;

export class SliceClock {
  private start: number;

  constructor(
    readonly budgetMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  /** Whether this slice has run its time: the job yields, and the next slice starts once it resumes. */
  due(): boolean {
    return this.now() - this.start >= this.budgetMs;
  }

  /** Starts the next slice (the job resumes after its pause). */
  resume(): void {
    this.start = this.now();
  }
}

/** A clock that is never due: for jobs run at once (tools, tests). */
export const NEVER_DUE = new SliceClock(Infinity, () => 0);
