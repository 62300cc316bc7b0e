/**
 * Duplicates and groups for the desk console, found by Sanad's own matcher (lib/match) — the same ids, links,
 * footage fingerprints and text retrieval that badge posts in the extension:
 *  - the closest existing debunks of a submission, from the desk's own feed and from the lists it imports;
 *  - the group a new submission joins: an earlier one about the same post, media or claim.
 */
import { readFile } from 'node:fs/promises';
import { importClaimReviews } from '../lib/debunk/claimreview';
import type { Debunk } from '../lib/debunk/types';
import { buildIndex, buildIndexInSlices, type IndexedDebunk, type MatchIndex } from '../lib/match/bm25-index';
import { matchPost, shownCandidates } from '../lib/match/match';
import type { Candidate } from '../lib/match/types';
import type { FrameHash } from '../lib/media/video';
import { yieldToEventLoop } from '../lib/scheduling/yield';
import { readCappedText } from '../lib/untrusted/capped-body';
import { FEED_LIMITS } from '../lib/feeds/sanad-feed';
import { SliceClock } from '../lib/scheduling/slice-clock';
import { linkKey } from '../lib/urls/canonical';
import type { SubmittedPost } from '../lib/intake/submission';
import { claimReviewId, submissionToClaimReview, type Desk } from './desk-feed';
import { claimReviewToDebunk } from '../lib/debunk/claimreview';
import type { GroupReason, IntakeStore, StoredSubmission } from './store';

/** Closest-debunk answers kept per index version (a few pages' worth many times over). */
const ANSWERS_KEPT = 5_000;

/** The list id of the desk's own published items in the index. */
export const DESK_LIST = 'desk';

/** A list the desk imports: a ClaimReview or Sanad feed file, or its URL (read again every `refreshMinutes`). */
export interface ImportedList {
  name: string;
  location: string;
}

export interface ClosestDebunk {
  debunk: Debunk;
  how: Candidate['how'];
  score: number;
  /** Certain (same post, media or footage) or above the calibrated text threshold. */
  strong: boolean;
  /** For the desk's own items: the submission that published it (what "add as another appearance" updates). */
  submissionId?: number;
}

/** The frames a submission's media carry, as the matcher reads a post's frames. */
export const framesOf = (post: SubmittedPost): FrameHash[] => post.media.flatMap((m) => m.frames ?? []);

/** A submitted post as the matcher reads a page's post. */
function asPost(key: string, post: SubmittedPost) {
  return {
    key,
    text: post.text,
    ...(post.permalink && { permalink: post.permalink }),
    ...(post.author && { author: post.author }),
    links: post.links,
    media: post.media.map((m) => ({ kind: m.kind, ...(m.url && { url: m.url }), ...(m.poster && { poster: m.poster }) })),
    frames: framesOf(post),
  };
}

export async function readList(location: string, maxBytes = FEED_LIMITS.bytes): Promise<string> {
  if (/^https?:\/\//.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return readCappedText(response, maxBytes, 'list');
  }
  return readFile(location, 'utf8');
}

/**
 * The debunks a reviewer compares a submission with: the desk's published items (rebuilt when the feed's
 * publication counter moves) and the imported lists (read at first use, then every `refreshMinutes`).
 */
export class DeskDebunks {
  private built?: { seq: number; importedAt: number; index: MatchIndex; debunks: Map<string, Debunk> };
  private building?: Promise<DeskDebunks['built']>;
  private imported: Debunk[] = [];
  private answers: { built?: DeskDebunks['built']; byId: Map<number, ClosestDebunk[]> } = { byId: new Map() };
  private importedAt = 0;

  constructor(
    private readonly store: IntakeStore,
    private readonly desk: Desk,
    private readonly lists: readonly ImportedList[] = [],
    private readonly refreshMinutes = 60,
  ) {}

  private async importLists(now: number): Promise<void> {
    if (!this.lists.length || (this.importedAt && now - this.importedAt < this.refreshMinutes * 60_000)) return;
    const all: Debunk[] = [];
    for (const list of this.lists) {
      try {
        all.push(...importClaimReviews(await readList(list.location), `import:${list.name}`).debunks);
      } catch (error) {
        // One unreadable list leaves the others (and the desk's own items) usable.
        console.warn(`desk: imported list ${list.name} not read:`, error instanceof Error ? error.message : error);
      }
    }
    this.imported = all;
    this.importedAt = now;
  }

  private async rebuild(): Promise<NonNullable<DeskDebunks['built']>> {
    const now = Date.now();
    await this.importLists(now);
    const seq = await this.store.publicationSeq();
    if (this.built && this.built.seq === seq && this.built.importedAt === this.importedAt) return this.built;
    const own = (await this.store.published(0, seq))
      .filter((s) => s.status === 'verified')
      .flatMap((s): Debunk[] => {
        const item = submissionToClaimReview(s, this.desk);
        const read = item && claimReviewToDebunk(item, DESK_LIST);
        return read?.ok ? [read.debunk] : [];
      });
    const debunks = [...own, ...this.imported];
    const index = await buildIndexInSlices(debunks);
    this.built = { seq, importedAt: this.importedAt, index, debunks: new Map(debunks.map((d) => [`${d.source}\n${d.id}`, d])) };
    return this.built;
  }

  private current(): Promise<NonNullable<DeskDebunks['built']>> {
    // Concurrent pages share one rebuild.
    this.building ??= this.rebuild().finally(() => (this.building = undefined));
    return this.building as Promise<NonNullable<DeskDebunks['built']>>;
  }

  /** A submission's post changed (the desk attached frames): its closest debunks are looked up again. */
  forget(id: number): void {
    this.answers.byId.delete(id);
  }

  /** The closest debunks of each submission (at most `limit`, best first), by submission id. */
  async closest(submissions: readonly StoredSubmission[], limit = 3): Promise<Map<number, ClosestDebunk[]>> {
    const built = await this.current();
    const { index, debunks } = built;
    const out = new Map<number, ClosestDebunk[]>();
    if (!index.ids.length) return out;
    // A submission's post changes only by `forget`'s caller: its answer holds until then or a rebuilt index.
    if (this.answers.built !== built) this.answers = { built, byId: new Map() };
    for (const s of submissions) {
      const known = this.answers.byId.get(s.id);
      if (known) {
        if (known.length) out.set(s.id, known);
        continue;
      }
      const matches = matchPost(index, asPost(String(s.id), s.post), { limit, stance: false });
      const found = shownCandidates(matches)
        .filter((c) => !(c.listId === DESK_LIST && c.debunkId === claimReviewId(s.id)))
        .slice(0, limit)
        .flatMap((c): ClosestDebunk[] => {
          const debunk = debunks.get(`${c.listId}\n${c.debunkId}`);
          if (!debunk) return [];
          const own = c.listId === DESK_LIST ? /^intake-(\d+)$/.exec(c.debunkId) : null;
          return [{ debunk, how: c.how, score: c.score, strong: c.badge, ...(own && { submissionId: Number(own[1]) }) }];
        });
      if (found.length) out.set(s.id, found);
      if (this.answers.byId.size >= ANSWERS_KEPT) this.answers.byId.delete(this.answers.byId.keys().next().value!);
      this.answers.byId.set(s.id, found);
    }
    return out;
  }
}

/** A submission as a document of the grouping index: its text as the "claim", its addresses and frames. */
function submissionDocument(s: StoredSubmission): IndexedDebunk {
  return {
    id: String(s.id),
    source: 'submissions',
    verdict: 'false',
    claim: s.post.text.slice(0, 2_000),
    keywords: [],
    appearances: [s.post.permalink, ...s.post.media.map((m) => m.url)].filter((u): u is string => !!u),
    media: s.post.media.flatMap((m) => (m.frames?.length ? [{ kind: m.kind, frames: m.frames }] : [])),
  };
}

interface Level {
  rows: StoredSubmission[];
  index: MatchIndex;
}
const level = (rows: StoredSubmission[]): Level => ({ rows, index: buildIndex(rows.map(submissionDocument)) });
const emptyLevel = () => level([]);
const levelInSlices = async (rows: StoredSubmission[], pause?: () => Promise<void>): Promise<Level> => ({
  rows,
  index: await buildIndexInSlices(rows.map(submissionDocument), pause, new SliceClock(GROUPING_SLICE_MS)),
});

const REASON_OF: Record<Candidate['how'], GroupReason> = {
  'same-link': 'media',
  'same-media': 'media',
  'same-footage': 'media',
  'similar-text': 'claim',
};

/** Index building between two pauses, in ms: a page waits at most about that long for grouping. */
const GROUPING_SLICE_MS = 5;
/** While submissions keep arriving, grouping pauses this long after each placement so intake goes first. */
const BUSY_PAUSE_MS = 20;
/** Submissions arriving closer together than this mean intake is busy. */
const BUSY_WINDOW_MS = 100;
/** Work done between two pauses when intake is quiet (grouping still lets pages in between). */
const QUIET_SLICE_MS = 8;
/** How long grouping holds back for console pages in flight at most (so a stream of pages cannot stall it). */
const PAGE_HOLD_MS = 250;

/**
 * Places each new submission in a group: with the earliest submission it matches certainly (same permalink or
 * media address, matching footage) or by text above the matcher's calibrated threshold, else alone.
 * Grouping runs in the background, one placement at a time between pauses, never on a request's path: it
 * yields to intake while submissions keep arriving and catches up when they stop.
 */
export class SubmissionGrouper {
  /**
   * Placed submissions in indexes of growing size (smallest first; the last holds the rest): a new one is
   * added to the smallest, and a full index is merged into the next. A small index is cheap to rebuild, a
   * large one is not (4 ms at 200 submissions, 0.7 s at 5,000), so each submission is re-indexed only a few
   * times in all. A batch placed elsewhere goes straight into the first index large enough for it.
   */
  private levels: Level[] = [];
  private loading?: Promise<void>;
  /** The highest id asked for, and who waits for which id. */
  private wanted = 0;
  private waiting: { id: number; done: () => void; failed: (error: unknown) => void }[] = [];
  private running = false;
  /** The placement under way, so `stop()` can wait for it to end. */
  private current?: Promise<void>;
  private stopped = false;
  private lastArrival = -Infinity;
  /** The highest id stored before this service started: submissions up to it that no grouper placed stay alone. */
  private readonly legacy: Promise<number>;

  constructor(
    private readonly store: IntakeStore,
    /** The smallest index's size; each next one holds ten times more. */
    private readonly smallest = 25,
    private readonly depth = 4,
  ) {
    this.legacy = store.maxId();
    this.legacy.catch(() => {});
  }

  /** The highest id placed so far (0 before the placed submissions are loaded). */
  get placedUpTo(): number {
    return Math.max(0, ...this.levels.map((l) => l.rows.at(-1)?.id ?? 0));
  }

  /** The placed submissions, indexed; those stored after them are placed one by one. */
  private async load(): Promise<void> {
    await this.store.placeAlone(await this.legacy);
    const rows: StoredSubmission[] = [];
    for (let after = 0; ;) {
      const page = await this.store.listAfter(after, 5_000);
      const placed = page.filter((s) => s.group);
      rows.push(...placed);
      if (placed.length < page.length || page.length < 5_000) break;
      after = page.at(-1)!.id;
      await yieldToEventLoop();
    }
    this.levels = [...Array.from({ length: this.depth }, () => emptyLevel()), await levelInSlices(rows)];
  }

  /** Noted by intake: a submission just arrived (grouping then leaves the event loop to intake). */
  arrived(): void {
    this.lastArrival = performance.now();
  }

  /** Console pages being served: grouping waits between its slices until they are done. */
  private pagesInFlight = 0;
  /**
   * Starts placing everything up to `latest`, and waits for it (at most `waitMs`) when no more than `fewRows`
   * are left to place; with a backlog it does not wait. Called by a page being served: grouping is not held
   * back for it meanwhile.
   */
  async settle(latest: number, fewRows: number, waitMs: number): Promise<void> {
    const placing = this.place(latest).catch(() => {});
    if (latest - this.placedUpTo > fewRows) return;
    this.pagesInFlight--;
    try {
      await Promise.race([placing, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    } finally {
      this.pagesInFlight++;
    }
  }

  /** Runs `serve` (a console page) with grouping held back between its slices meanwhile. */
  async serving<T>(serve: () => Promise<T>): Promise<T> {
    this.pagesInFlight++;
    try {
      return await serve();
    } finally {
      this.pagesInFlight--;
    }
  }

  /**
   * Resolves once submission `id` and every earlier one are placed (no id: all stored so far). Asking only
   * starts the background work; nothing waits for it unless it awaits this promise.
   */
  place(id = Number.MAX_SAFE_INTEGER): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('grouping stopped'));
    const placed = new Promise<void>((done, failed) => this.waiting.push({ id, done, failed }));
    this.wanted = Math.max(this.wanted, id);
    if (!this.running) this.current = this.run();
    return placed;
  }

  /**
   * Ends grouping before the store closes: the placement under way finishes its current step and no other
   * starts (a store closed under it would fail mid-query). Whoever still waits is told it stopped.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.current;
    for (const w of this.waiting.splice(0)) w.failed(new Error('grouping stopped'));
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const target = this.wanted;
        try {
          await this.placeUpTo(target);
          if (this.stopped) return;
        } catch (error) {
          if (this.stopped) return;
          console.error('grouping failed:', error);
          for (const w of this.waiting.splice(0)) w.failed(error);
          return;
        }
        // Everyone waiting up to `target` (or for "all stored", which placeUpTo just reached) is served.
        const served = this.waiting.filter((w) => w.id <= target || target === Number.MAX_SAFE_INTEGER);
        this.waiting = this.waiting.filter((w) => !served.includes(w));
        for (const w of served) w.done();
        if (this.wanted === target) return;
      }
    } finally {
      this.running = false;
      if (this.waiting.length && !this.stopped) this.current = this.run();
    }
  }

  /** A pause between placements: long while intake is busy, a turn of the event loop otherwise. */
  private async pause(): Promise<void> {
    const busy = performance.now() - this.lastArrival < BUSY_WINDOW_MS;
    await new Promise((resolve) => setTimeout(resolve, busy ? BUSY_PAUSE_MS : 0));
    // A page being served goes first: each of its queries would otherwise wait behind a slice of grouping.
    for (const since = performance.now(); this.pagesInFlight > 0 && performance.now() - since < PAGE_HOLD_MS;)
      await new Promise((resolve) => setTimeout(resolve, 2));
  }

  private async placeUpTo(id: number): Promise<void> {
    if (!this.levels.length) await (this.loading ??= this.load().finally(() => (this.loading = undefined)));
    let sliceStart = performance.now();
    for (;;) {
      const after = this.placedUpTo;
      if (id <= after || this.stopped) return;
      const fresh = (await this.store.listAfter(after, 5_000)).filter((s) => s.id <= id);
      if (!fresh.length) return;
      // Placed elsewhere already (another instance, a bulk load): indexed together, not one by one.
      let placed: StoredSubmission[] = [];
      for (const s of fresh) {
        if (s.group) {
          placed.push(s);
          continue;
        }
        if (placed.length) await this.add(placed);
        placed = [];
        if (this.stopped) return;
        const group = await this.groupFor(s);
        await this.store.setGroup(s.id, group?.id ?? s.id, group?.reason);
        // What the next placements see: this one, in its group.
        s.group = { id: group?.id ?? s.id, ...(group?.reason && { reason: group.reason }) };
        await this.add([s]);
        if (performance.now() - sliceStart >= QUIET_SLICE_MS || performance.now() - this.lastArrival < BUSY_WINDOW_MS) {
          await this.pause();
          sliceStart = performance.now();
        }
      }
      // A bulk of placed rows is read to its end and indexed once, not once per page read.
      if (placed.length) {
        let more = placed.at(-1)!.id === fresh.at(-1)!.id && fresh.length === 5_000;
        while (more && placed.length < 200_000) {
          const next = (await this.store.listAfter(placed.at(-1)!.id, 5_000)).filter((s) => s.id <= id);
          const firstUnplaced = next.findIndex((s) => !s.group);
          placed.push(...(firstUnplaced === -1 ? next : next.slice(0, firstUnplaced)));
          more = firstUnplaced === -1 && next.length === 5_000;
        }
        await this.add(placed);
      }
      await this.pause();
      sliceStart = performance.now();
    }
  }

  /**
   * Frame hashes were attached to submission `id` after it was placed: it is indexed again with them and placed
   * again, so a clip the desk only now recognises joins the group of the earliest submission of it (with the rest
   * of its own group, which was grouped with it).
   */
  async regroup(id: number): Promise<void> {
    await this.place(id);
    const fresh = await this.store.get(id);
    if (!fresh?.group || this.stopped) return;
    const at = this.levels.findIndex(({ rows }) => rows.some((r) => r.id === id));
    if (at === -1) return;
    const rows = this.levels[at]!.rows.map((r) => (r.id === id ? fresh : r));
    this.levels[at] = rows.length > 2_000 ? await levelInSlices(rows, () => this.pause()) : level(rows);
    const group = await this.groupFor(fresh);
    const from = fresh.group.id;
    if (!group || group.id === from) return;
    const members = this.levels.flatMap((l) => l.rows).filter((r) => r.group?.id === from);
    for (const member of members) {
      const reason = member.id === id ? group.reason : (member.group?.reason ?? group.reason);
      await this.store.setGroup(member.id, group.id, reason);
      member.group = { id: group.id, ...(reason && { reason }) };
    }
  }

  /** Adds placed rows to the smallest index that holds them with the smaller ones (merged into it). */
  private async add(rows: StoredSubmission[]): Promise<void> {
    let target = 0;
    let merged = [...this.levels[0]!.rows, ...rows];
    while (target < this.depth && merged.length >= this.smallest * 10 ** target) {
      target++;
      merged = [...this.levels[target]!.rows, ...merged];
    }
    this.levels[target] = merged.length > 2_000 ? await levelInSlices(merged, () => this.pause()) : level(merged);
    for (let i = 0; i < target; i++) this.levels[i] = emptyLevel();
  }

  /** A placed submission by id: each index holds its rows in id order. */
  private indexedRow(id: number): StoredSubmission | undefined {
    for (const { rows } of this.levels) {
      let low = 0;
      let high = rows.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const at = rows[mid]!.id;
        if (at === id) return rows[mid];
        if (at < id) low = mid + 1;
        else high = mid - 1;
      }
    }
    return undefined;
  }

  private async groupFor(s: StoredSubmission): Promise<{ id: number; reason: GroupReason } | undefined> {
    const post = asPost(String(s.id), s.post);
    const strongOf = (matches: ReturnType<typeof matchPost>) =>
      matches.candidates.filter((c) => c.badge && c.debunkId !== String(s.id)).map((c) => ({ doc: Number(c.debunkId), how: c.how }));
    // Certain evidence first (ids, addresses, footage: cheap lookups), across every index; it outranks any
    // text match, so the text is scored only when there is none.
    const certainOnly = { ...post, text: '' };
    let found = this.levels.flatMap(({ index }) =>
      index.ids.length ? strongOf(matchPost(index, certainOnly, { limit: 3, stance: false })).filter((f) => f.how !== 'similar-text') : [],
    );
    if (!found.length)
      found = this.levels.flatMap(({ index }) => (index.ids.length ? strongOf(matchPost(index, post, { limit: 3, stance: false })) : []));
    if (!found.length) return undefined;
    // Certain evidence first, then the earliest submission.
    const certain = found.filter((f) => f.how !== 'similar-text');
    const best = (certain.length ? certain : found).sort((a, b) => a.doc - b.doc)[0]!;
    const earlier = this.indexedRow(best.doc) ?? (await this.store.get(best.doc));
    // The matcher reads a permalink as the post's media address: the same permalink is the same post.
    const samePost = !!s.post.permalink && !!earlier?.post.permalink && linkKey(s.post.permalink) === linkKey(earlier.post.permalink);
    return { id: earlier?.group?.id ?? best.doc, reason: samePost ? 'post' : REASON_OF[best.how] };
  }
}
