/**
 * Badge insertions and removals, batched into one write per animation frame. Each DOM write that lands
 * between the page's own reads and writes costs it a style recalculation and a layout of its own; written
 * together just before the browser renders, a whole scan's badges cost the one the frame does anyway. The
 * scanner measures posts in its own tasks, never inside a flush, so nothing reads layout after these writes.
 */

/** Runs a callback before the next frame is rendered (requestAnimationFrame in a page). */
export type FrameScheduler = (callback: () => void) => void;

/** Where a page has no frames to wait for (a hidden tab runs none), waiting this long writes anyway. */
const HIDDEN_TAB_FALLBACK_MS = 250;

const nextFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  // Background tabs pause animation frames; badges must still arrive (the reader may switch back).
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(once, HIDDEN_TAB_FALLBACK_MS);
  requestAnimationFrame(once);
};

export class FrameWrites<K> {
  /** The latest write for each key: a post answered twice before a frame is written once, as last answered. */
  private readonly pending = new Map<K, () => void>();
  private scheduled: Promise<void> | null = null;

  constructor(
    private readonly schedule: FrameScheduler = nextFrame,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Queues `write` for the next frame, replacing any write already queued for `key`. */
  queue(key: K, write: () => void): void {
    this.pending.set(key, write);
    this.scheduled ??= new Promise<void>((resolve) =>
      this.schedule(() => {
        this.scheduled = null;
        this.flush();
        resolve();
      }),
    );
  }

  /** Drops every queued write (the scanner stopped or starts over). */
  cancel(): void {
    this.pending.clear();
  }

  /** Resolves once the writes queued so far are done (tests and navigation wait on it). */
  async settled(): Promise<void> {
    while (this.scheduled) await this.scheduled;
  }

  /** Whether a write for `key` waits for the frame. */
  has(key: K): boolean {
    return this.pending.has(key);
  }

  get size(): number {
    return this.pending.size;
  }

  private flush(): void {
    const writes = [...this.pending.values()];
    this.pending.clear();
    for (const write of writes) {
      try {
        write();
      } catch (error) {
        this.onError(error); // one post's badge must not stop the others
      }
    }
  }
}
