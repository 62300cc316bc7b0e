/**
 * Owns the match index in the background. The index is built from IndexedDB when the service worker wakes
 * and swapped in whole after a list changes, so matching is never unavailable while a rebuild runs.
 */
import { BADGED_VERDICTS, type Debunk } from '../debunk/types';
import { MATCHER_REVISION, buildIndexInSlices, deserialiseIndex, serialiseIndex, type MatchIndex } from '../match/bm25-index';
import { matchPost, shownCandidates } from '../match/match';
import type { Candidate, ExtractedPost } from '../match/types';
import { hashFrame, type FrameHash } from '../media/video';
import { MAX_FRAME_SIDE } from '../media/frame-size';
import type { CapturedFrame } from '../page/video-sampler';
import type { DebunkSummary, MatchView, PostResult } from '../messaging/protocol';
import { allDebunks, debunksById, listRecords, removeLeftovers, savedIndex, saveIndex } from '../store/debunk-store';
import type { ListRecord, SanadDb, WrongMatchRecord } from '../store/db';
import { addWrongMatch, allWrongMatches, wrongMatchesByPost } from '../store/wrong-matches';
import { fromBase64 } from '../text/base64';
import { ensureBundledList } from './bundled-list';
import type { PosterHasher } from './poster-frames';

/** How many "possibly related" matches a post carries besides its badge. */
const RELATED_PER_POST = 3;

export interface MatcherDeps {
  openDb: () => Promise<SanadDb>;
  /** Hashes posters and photos for footage matching (only asked when some debunk has media fingerprints). */
  posters?: Pick<PosterHasher, 'framesFor'>;
  /** The bundled list's body (fetched from the extension package in the browser, read from disk in tests). */
  loadBundledList: () => Promise<string>;
}

/** Which lists (and which matcher) an index was built from. */
export function indexKey(lists: readonly ListRecord[]): string {
  const parts = lists.map((l) => `${l.id}@${l.version}#${l.count}`).sort();
  return `r${MATCHER_REVISION}|${parts.join('|')}`;
}

export class MatcherService {
  private index: MatchIndex | null = null;
  private building: Promise<MatchIndex> | null = null;
  private db: Promise<SanadDb> | null = null;
  /** Post key → hashes of frames sampled from its playing video. */
  private readonly videoFrames = new Map<string, FrameHash[]>();
  /** Post key → debunks the user reported as wrong for it. */
  private wrong: Promise<Map<string, Set<string>>> | null = null;
  private tidied = false;

  constructor(private readonly deps: MatcherDeps) {}

  private database(): Promise<SanadDb> {
    return (this.db ??= this.deps.openDb());
  }

  /** The current index, building it on first use. */
  ready(): Promise<MatchIndex> {
    if (this.index) return Promise.resolve(this.index);
    return (this.building ??= this.rebuild());
  }

  /**
   * Re-imports the bundled list if it changed, then takes the persisted index if it matches the lists, or
   * builds and persists a fresh one. The old index serves until the new one is swapped in.
   */
  async rebuild(): Promise<MatchIndex> {
    const db = await this.database();
    try {
      await ensureBundledList(db, await this.deps.loadBundledList());
    } catch (error) {
      // Keep matching against what the store holds; the reason is in the console for bug reports.
      console.error('Sanad: bundled list not imported:', error);
    }
    const key = indexKey(await listRecords(db));
    const saved = await savedIndex(db, key);
    let next: MatchIndex;
    if (saved) {
      next = deserialiseIndex(saved);
      this.index = next;
    } else {
      // In slices: while a list of 100,000 is indexed, posts keep being matched against the previous index.
      next = await buildIndexInSlices(await allDebunks(db));
      this.index = next; // the swap: matching uses it from here on, before it is persisted
      await saveIndex(db, key, serialiseIndex(next)).catch((error: unknown) => {
        // Out of quota or similar: matching works, the next wake just rebuilds.
        console.warn('Sanad: match index not persisted:', error);
      });
    }
    this.building = null;
    if (!this.tidied) {
      // Once per wake, after matching is ready: records a closed browser left mid-sync are deleted.
      this.tidied = true;
      void removeLeftovers(db).catch((error: unknown) => console.warn('Sanad: leftover records not removed:', error));
    }
    return next;
  }

  private wrongMatches(): Promise<Map<string, Set<string>>> {
    return (this.wrong ??= this.database().then(allWrongMatches).then(wrongMatchesByPost));
  }

  /** Records a wrong-match report; that post is not badged for that debunk again. */
  async reportWrongMatch(report: Omit<WrongMatchRecord, 'id'>): Promise<void> {
    await addWrongMatch(await this.database(), report);
    this.wrong = null;
  }

  async match(posts: readonly ExtractedPost[]): Promise<PostResult[]> {
    const [index, wrong] = await Promise.all([this.ready(), this.wrongMatches()]);
    const frames = index.media.size && this.deps.posters ? await Promise.all(posts.map((post) => this.deps.posters!.framesFor(post))) : [];
    const perPost = posts.map((post, i) =>
      shownCandidates(matchPost(index, { ...post, frames: [...(frames[i] ?? []), ...(this.videoFrames.get(post.key) ?? [])] }, { exclude: wrong.get(post.key) })),
    );
    return this.results(posts, perPost);
  }

  /**
   * A frame sampled from a video playing in a post: hashed here (off the page's main thread) and matched
   * together with the post's earlier frames and poster.
   */
  async matchVideoFrame(post: ExtractedPost, frame: CapturedFrame): Promise<PostResult> {
    const luma = decodeLuma(frame);
    const hashed = hashFrame(luma, frame.width, frame.height, Number(frame.t) || 0);
    const frames = [...(this.videoFrames.get(post.key) ?? []), hashed].slice(-MAX_VIDEO_FRAMES);
    this.videoFrames.delete(post.key); // re-insert: the most recent posts stay
    this.videoFrames.set(post.key, frames);
    if (this.videoFrames.size > MAX_VIDEO_POSTS) this.videoFrames.delete(this.videoFrames.keys().next().value!);
    const [result] = await this.match([post]);
    return result!;
  }

  private async results(posts: readonly ExtractedPost[], perPost: Candidate[][]): Promise<PostResult[]> {
    const ids = [...new Set(perPost.flat().map((c) => c.debunkId))];
    const debunks = ids.length ? await debunksById(await this.database(), ids) : new Map();
    return posts.map((post, i) => {
      const views: MatchView[] = perPost[i]!.flatMap((candidate) => {
        const debunk = debunks.get(candidate.debunkId);
        return debunk ? [{ candidate, debunk: summarise(debunk) }] : [];
      });
      const badge = views.find((v) => v.candidate.badge && BADGED_VERDICTS.has(v.debunk.verdict));
      const related = views.filter((v) => v !== badge).slice(0, RELATED_PER_POST);
      return { key: post.key, ...(badge && { badge }), related };
    });
  }
}

/** A debunk as verdict cards show it, without the matching data. */
export function summarise({ media: _media, appearances: _appearances, keywords: _keywords, ...summary }: Debunk): DebunkSummary {
  return summary;
}

const MAX_VIDEO_FRAMES = 30;
const MAX_VIDEO_POSTS = 200;

/** Base64 luma bytes from a content script → a luma plane, checked against the stated size. */
export function decodeLuma(frame: CapturedFrame): Float32Array {
  const { width, height } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width > MAX_FRAME_SIDE || height > MAX_FRAME_SIDE) {
    throw new Error(`bad frame size ${String(width)}×${String(height)}`);
  }
  const bytes = fromBase64(String(frame.luma));
  if (bytes.length !== width * height) throw new Error(`frame has ${bytes.length} bytes, expected ${width * height}`);
  return Float32Array.from(bytes);
}
