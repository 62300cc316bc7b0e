/**
 * The generic post scanner every site uses: finds posts with the site adapter, sends what is new or changed
 * to the background in batches, and badges the matched ones. Bursts of DOM changes are handled in one pass;
 * a recycled cell (same element, new content) is read again; detached posts are forgotten.
 */
import type { ExtractedPost } from '../match/types';
import type { PageAnswer } from '../wire/shapes';
import type { SiteAdapter } from '../sites/types';
import { hashText } from '../text/hash';
import { BADGE_ATTRIBUTE } from './badge-attribute';
import type { WrongMatchChoice } from '@/components/WrongMatchForm';
import { mountBadge, type BadgeHandle } from './badge-host';
import { FrameWrites, type FrameScheduler } from './frame-writes';
import { PostsInView } from './post-visibility';
import { VideoSampler, type CapturedFrame } from './video-sampler';

export interface ScannerOptions {
  adapter: SiteAdapter;
  match: (posts: ExtractedPost[]) => Promise<PageAnswer[]>;
  /** Stops the scanner (the extension reloaded or the script was torn down). */
  signal: AbortSignal;
  root?: Document;
  /** Milliseconds to wait after a DOM change before scanning, so a burst costs one pass. */
  throttleMs?: number;
  /** Milliseconds posts that entered the read-ahead margin are gathered before a scan (READ_AHEAD_DELAY_MS). */
  readAheadMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /**
   * Whether a reader can see this post (see post-visibility.ts); hidden ones are neither read nor badged,
   * and are looked at again on the next scan. By default an IntersectionObserver says (no layout read of ours).
   */
  isVisible?: (element: Element) => boolean;
  /** The reader's "Report a wrong match" in a badge's panel, and its "Undo" (the post is matched again after). */
  wrongMatch?: {
    report(postKey: string, debunkId: string, choice: WrongMatchChoice): Promise<void>;
    undo(postKey: string, debunkId: string): Promise<void>;
  };
  /** Fact-checker mode's "Media tools" in a badge's panel, for a post with a video or image. */
  mediaTools?: {
    offered(): Promise<boolean>;
    open(element: Element, post: ExtractedPost): Promise<void>;
  };
  /** Matches a sampled video frame; when given, visible playing videos in posts are sampled. */
  matchVideoFrame?: (post: ExtractedPost, frame: CapturedFrame) => Promise<PageAnswer>;
  /** When badge writes run: before the next animation frame by default (see frame-writes.ts). */
  scheduleFrame?: FrameScheduler;
  /** Milliseconds badge writes may wait for a frame the page renders anyway (WRITE_GATHER_MS). */
  writeGatherMs?: number;
}

/**
 * How long answered badges wait for a DOM change of the page's own (a feed appending posts) before they ask
 * for a frame of their own: badges written in a frame that changes nothing else cost the page a layout and
 * paint of their own (on the bench's scroll, 108 layouts against the page's own 60), written with the page's
 * change they share its one. A scroll alone lays nothing out, so it is no frame to wait for. Short enough
 * that a badge for a post on a still page appears within 300 ms of its answer.
 */
export const WRITE_GATHER_MS = 250;

/**
 * How long a scan waits for more posts once one has entered the read-ahead margin (1.5 screens ahead, see
 * post-visibility.ts). A reader's scroll brings a few posts into the margin each frame: each scan and each
 * message to the background costs the page a task of its own, so posts still off screen are gathered for a
 * while and sent together. Short enough that a post a fast reader scrolls past (a screen every 60 ms, as the
 * real-page E2E tests scroll) is still near the viewport when it is read: a post is read only while in view,
 * and 250 ms missed some under load. A post on the screen itself is read after `throttleMs` as before.
 */
export const READ_AHEAD_DELAY_MS = 120;

/** Main-thread time one slice of a scan may take before it yields to the page. */
const SLICE_MS = 8;

/** Lets the page run (input, rendering) before the scan continues. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (scheduler?.yield) scheduler.yield().then(resolve, resolve);
    else setTimeout(resolve, 0);
  });

/** What the post reads as, hashed: a post is sent again only when this changes. */
const readingHash = (post: ExtractedPost) =>
  hashText(post.key, post.text, post.links.join(' '), post.media.map((m) => `${m.url}|${m.poster}`).join(' '));

export class PostScanner {
  private readonly root: Document;
  private seen = new WeakMap<Element, string>();
  private readonly badges = new Map<Element, BadgeHandle>();
  /** The latest reading of each post, and the post a video belongs to (for sampled frames). */
  private readonly posts = new WeakMap<Element, ExtractedPost>();
  private readonly videoPosts = new WeakMap<HTMLVideoElement, Element>();
  private sampler: VideoSampler | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the scheduled scan runs (performance.now()): a sooner request moves it earlier. */
  private dueAt = 0;
  private observer: MutationObserver | undefined;
  /** Resolves when the scan in progress (if any) has applied its results: tests and navigation wait on it. */
  private running: Promise<void> = Promise.resolve();
  /** Posts touched by DOM changes since the last scan; everything is read when `readAll` is set. */
  private dirty = new Set<Element>();
  /** Posts skipped as not visible: read once they are. */
  private hidden = new Set<Element>();
  private readAll = true;
  private selector: string;
  /** Badge insertions, updates and removals wait for the next frame and are written together. */
  private readonly writes: FrameWrites<Element>;
  /** Where the browser places the posts met so far, when no `isVisible` is given. */
  private readonly inView: PostsInView | null;

  constructor(private readonly options: ScannerOptions) {
    this.root = options.root ?? document;
    this.inView = options.isVisible
      ? null
      : new PostsInView({
          // A post coming into view is read on the next scan (it waits in `hidden` until then).
          onEnter: (_element, onScreen) =>
            this.schedule(onScreen ? undefined : Math.max(options.readAheadMs ?? READ_AHEAD_DELAY_MS, this.throttleMs)),
        });
    this.writes = new FrameWrites(options.scheduleFrame, (error) => options.onError?.(error), options.writeGatherMs ?? WRITE_GATHER_MS);
    this.selector = options.adapter.postSelectors.join(',');
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
    const matchVideoFrame = options.matchVideoFrame;
    if (matchVideoFrame) {
      this.sampler = new VideoSampler({
        signal: options.signal,
        onFrame: (video, frame) => {
          const element = this.videoPosts.get(video);
          const post = element && this.posts.get(element);
          if (!element || !post) return;
          matchVideoFrame(post, frame).then(
            // A frame can add a badge; it never takes one away (the poster or text may have earned it).
            (result) => result.badge && this.apply(element, result, () => this.posts.get(element)?.key === post.key),
            (error: unknown) => this.options.onError?.(error),
          );
        },
      });
    }
  }

  start(): void {
    if (this.options.signal.aborted) return;
    this.observer = new MutationObserver((records) => {
      // Our own badge insertions change the DOM too; they need no new scan.
      let changed = false;
      for (const record of records) {
        if (isOwnMutation(record)) continue;
        this.markDirty(record);
        changed = true;
      }
      if (changed) {
        this.writes.nudge(); // the page changed its DOM: it renders next frame anyway
        this.schedule();
      }
    });
    this.observer.observe(this.root.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'video-id', 'src'],
    });
    this.schedule(0);
  }

  /** Forget everything read so far (SPA navigation, new site rules) and scan again. */
  reset(): void {
    // New signed site rules may name other post containers.
    this.selector = this.options.adapter.postSelectors.join(',');
    this.writes.cancel();
    for (const badge of this.badges.values()) badge.remove();
    this.badges.clear();
    this.seen = new WeakMap();
    this.hidden.clear();
    this.readAll = true;
    this.schedule(0);
  }

  stop(): void {
    this.observer?.disconnect();
    this.inView?.disconnect();
    clearTimeout(this.timer);
    this.writes.cancel();
    for (const badge of this.badges.values()) badge.remove();
    this.badges.clear();
  }

  /** Waits for pending and running scans (used by tests and by navigation). */
  async idle(): Promise<void> {
    do {
      while (this.timer !== undefined) await new Promise((r) => setTimeout(r, 5));
      await this.running;
      await this.writes.settled();
    } while (this.timer !== undefined);
  }

  private get throttleMs(): number {
    return this.options.throttleMs ?? 50;
  }

  private schedule(delay = this.throttleMs): void {
    if (this.options.signal.aborted) return;
    const due = performance.now() + delay;
    if (this.timer !== undefined) {
      if (due >= this.dueAt) return;
      clearTimeout(this.timer);
    }
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.scan()).catch((error) => this.options.onError?.(error));
    }, delay);
  }

  private async scan(): Promise<void> {
    if (this.options.signal.aborted) return;
    const { adapter } = this.options;
    const page = new URL(this.root.location?.href ?? 'https://invalid.example/');
    this.forgetDetached();

    // Only posts a DOM change touched are read again: a 1,000-post feed costs nothing per new cell.
    // A whole new page (start, navigation) is rendering anyway and the reader waits on its badges.
    const fullRead = this.readAll;
    const candidates = this.readAll
      ? [...this.root.querySelectorAll(this.selector)]
      : [...new Set([...this.dirty, ...this.hidden])].filter((el) => el.isConnected);
    this.readAll = false;
    this.dirty.clear();
    this.hidden.clear();
    const inView = this.inView;
    const isVisible = this.options.isVisible ?? ((element: Element) => inView!.isVisible(element));

    const batch: { element: Element; post: ExtractedPost; hash: string }[] = [];
    let sliceStart = performance.now();
    for (const element of candidates) {
      // Long feeds are read in short slices so the page never waits on us for a whole frame.
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.options.signal.aborted) return;
        sliceStart = performance.now();
      }
      let post: ExtractedPost | null;
      try {
        if (!isVisible(element)) {
          this.hidden.add(element);
          continue;
        }
        post = adapter.extract(element, page);
        // Read while in view: not followed until the page changes it (then it waits for a fresh answer).
        this.inView?.release(element);
      } catch (error) {
        this.options.onError?.(error); // one odd post must not stop the others
        continue;
      }
      if (!post) continue;
      this.posts.set(element, post);
      if (this.sampler) {
        for (const video of adapter.videos?.(element) ?? []) {
          this.videoPosts.set(video, element);
          this.sampler.watch(video);
        }
      }
      const hash = readingHash(post);
      if (this.seen.get(element) === hash) continue;
      this.seen.set(element, hash);
      batch.push({ element, post, hash });
    }

    const size = this.options.batchSize ?? 50;
    for (let i = 0; i < batch.length; i += size) {
      const chunk = batch.slice(i, i + size);
      const results = await this.options.match(chunk.map((c) => c.post));
      if (this.options.signal.aborted) return;
      chunk.forEach(({ element, hash }, j) => {
        // The cell was recycled while we waited (or before the frame): its newer content gets its own answer.
        const current = () => this.seen.get(element) === hash;
        if (current()) this.apply(element, results[j], current);
      });
      if (fullRead) this.writes.nudge();
    }
  }

  /** Queues the badge `result` calls for, written with the frame's other badges if `stillCurrent` then. */
  private apply(element: Element, result: PageAnswer | undefined, stillCurrent: () => boolean): void {
    // No badge for a post that has none and none on its way: nothing to write, no frame to ask for.
    if (!result?.badge && !this.badges.has(element) && !this.writes.has(element)) return;
    this.writes.queue(element, () => {
      if (!this.options.signal.aborted && stillCurrent()) this.write(element, result);
    });
  }

  private write(element: Element, result: PageAnswer | undefined): void {
    if (!element.isConnected) return; // gone before the frame: forgetDetached drops its badge
    const existing = this.badges.get(element);
    // A reported badge keeps its "Undo" while the post stays unbadged for that debunk.
    if (!result?.badge && existing?.reported && existing.host.isConnected) return;
    if (!result?.badge) {
      existing?.remove();
      this.badges.delete(element);
      return;
    }
    if (existing?.host.isConnected) {
      existing.update(result.badge);
      return;
    }
    existing?.remove();
    const placement = this.options.adapter.badgePlacement(element);
    if (!placement) return;
    this.badges.set(element, mountBadge(placement, result.badge, this.actionsFor(element)));
  }

  /** Report and undo for the badge on `element`; after an undo the post is read and matched again. */
  private actionsFor(element: Element) {
    const wrongMatch = this.options.wrongMatch;
    const tools = this.options.mediaTools;
    const key = () => this.posts.get(element)?.key;
    if (!wrongMatch) return undefined;
    return {
      report: async (debunkId: string, choice: WrongMatchChoice) => {
        const postKey = key();
        if (!postKey) throw new Error('the post is gone');
        await wrongMatch.report(postKey, debunkId, choice);
      },
      undo: async (debunkId: string) => {
        const postKey = key();
        if (!postKey) throw new Error('the post is gone');
        await wrongMatch.undo(postKey, debunkId);
        this.seen.delete(element);
        this.dirty.add(element);
        this.schedule(0);
      },
      ...(tools && {
        mediaTools: {
          offered: async () => !!this.posts.get(element)?.media.length && (await tools.offered()),
          open: async () => {
            const post = this.posts.get(element);
            if (!post?.media.length) throw new Error('the post is gone');
            await tools.open(element, post);
          },
        },
      }),
    };
  }

  /** Notes which posts a DOM change touched: the posts it added, and the posts around what it changed. */
  private markDirty(record: MutationRecord): void {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.matches(this.selector)) this.touch(el);
      for (const post of el.querySelectorAll(this.selector)) this.touch(post);
    }
    const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
    // Every enclosing post: an adapter may read a nested one as part of its outer post.
    for (let post = target?.closest(this.selector); post; post = post.parentElement?.closest(this.selector)) this.touch(post);
  }

  /** A post the page changed: read again, once the observer says anew that it is in view. */
  private touch(post: Element): void {
    this.dirty.add(post);
    this.inView?.changed(post);
  }

  private forgetDetached(): void {
    this.inView?.forgetDetached();
    for (const [element, badge] of this.badges) {
      if (!element.isConnected) {
        badge.remove();
        this.badges.delete(element);
      }
    }
  }

  /**
   * The posts read so far that are still on the page, each once in page order (at most `limit`), as last
   * read: what the submit form offers to send.
   */
  readPosts(limit = 100): ExtractedPost[] {
    const out: ExtractedPost[] = [];
    const keys = new Set<string>();
    for (const element of this.root.querySelectorAll(this.selector)) {
      const post = this.posts.get(element);
      if (!post || keys.has(post.key)) continue;
      keys.add(post.key);
      out.push(post);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** How many badges are on the page now (for tests and diagnostics). */
  get badgeCount(): number {
    return this.badges.size;
  }
}

function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  if (record.type === 'childList' && nodes.length > 0) {
    return nodes.every((n) => n.nodeType === 1 && (n as Element).hasAttribute(BADGE_ATTRIBUTE));
  }
  return record.type === 'attributes' && (record.target as Element).hasAttribute?.(BADGE_ATTRIBUTE);
}
