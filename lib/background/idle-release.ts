/**
 * Runs tasks on a costly resource (the CAI SDK's document: ~8 MB of WASM and a worker) and releases it once no
 * task has run for a while; a task that comes while it is being released waits for that to finish, so it
 * never talks to a document on its way out.
 */
export class IdleRelease {
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private releasing: Promise<void> | null = null;

  constructor(
    private readonly idleMs: number,
    private readonly release: () => Promise<void> | void,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    clearTimeout(this.timer);
    this.inFlight++;
    try {
      await this.releasing;
      return await task();
    } finally {
      if (--this.inFlight === 0) this.timer = setTimeout(() => this.releaseNow(), this.idleMs);
    }
  }

  private releaseNow(): void {
    if (this.inFlight) return;
    this.releasing = Promise.resolve()
      .then(this.release)
      .catch(() => {})
      .finally(() => {
        this.releasing = null;
      });
  }
}
