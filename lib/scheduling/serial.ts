/**
 * The background's one lock. Jobs queued under the same key run one at a time, in the order they were
 * queued; a failed job does not stop the ones after it. List writes (one key per list), feed syncs, index
 * rebuilds and outbox passes all queue here, so no two of them interleave where they must not.
 */
export class SerialQueue {
  /** The last job queued under each key, settled or not. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** A `runLatest` job queued under the key that has not started yet. */
  private readonly waiting = new Map<string, Promise<unknown>>();

  /** Runs `job` once every job queued before it under `key` has settled. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget the key once nothing is queued behind this job, so the map does not grow with list ids.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * For jobs that read the latest state when they start (an index rebuild, an outbox pass): a call while
   * such a job is already waiting joins it instead of queueing another, since that one will see this
   * caller's change too. A call while one is running queues exactly one more.
   */
  runLatest<T>(key: string, job: () => Promise<T>): Promise<T> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting as Promise<T>;
    const queued = this.run(key, () => {
      this.waiting.delete(key);
      return job();
    });
    this.waiting.set(key, queued);
    return queued;
  }

  /** Whether a newer `runLatest` job waits under `key`: a running one may stop early, its work superseded. */
  hasWaiting(key: string): boolean {
    return this.waiting.has(key);
  }
}
