/**
 * Badge insertions and removals, batched into one write per animation frame. Each DOM write that lands
 * between the page's own reads and writes costs it a style recalculation and a layout of its own; written
 * together just before the browser renders, a whole scan's badges cost the one the frame does anyway. The
 * scanner measures posts in its own tasks, never inside a flush, so nothing reads layout after these writes.
 *
 * A frame of our own still costs the page a whole rendering update (style, layout, pre-paint, paint) when it
 * would not have rendered then: a reader's scroll renders every few frames, and answers arrive in between.
 * So writes may also be gathered (`gatherMs`) until the page is about to lay out anyway (`nudge()`: it
 * changed its DOM), and written in that frame; at the latest `gatherMs` after the first one.
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
  private resolveScheduled: (() => void) | null = null;
  /** Set while writes wait for the page to render (or for `gatherMs` to pass) before asking for a frame. */
  private gatherTimer: ReturnType<typeof setTimeout> | undefined;
  private frameRequested = false;

  constructor(
    private readonly schedule: FrameScheduler = nextFrame,
    private readonly onError: (error: unknown) => void = () => {},
    /** How long writes may wait for a frame the page renders anyway; 0 asks for the next frame at once. */
    private readonly gatherMs = 0,
  ) {}

  /** Queues `write` for a coming frame, replacing any write already queued for `key`. */
  queue(key: K, write: () => void): void {
    this.pending.set(key, write);
    if (this.scheduled) return;
    this.scheduled = new Promise<void>((resolve) => (this.resolveScheduled = resolve));
    if (this.gatherMs > 0) this.gatherTimer = setTimeout(() => this.requestFrame(), this.gatherMs);
    else this.requestFrame();
  }

  /** The page is about to lay out (it changed its DOM, or shows a new page): queued writes go in that frame. */
  nudge(): void {
    if (this.scheduled && !this.frameRequested) this.requestFrame();
  }

  private requestFrame(): void {
    clearTimeout(this.gatherTimer);
    this.gatherTimer = undefined;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.schedule(() => {
      const resolve = this.resolveScheduled;
      this.scheduled = null;
      this.resolveScheduled = null;
      this.frameRequested = false;
      this.flush();
      resolve?.();
    });
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
