/**
 * Matching in the background: posts (and frames of videos playing in them) against the index the list
 * registry keeps current. The index is swapped in whole after a list changes, so matching is never
 * unavailable while a rebuild runs.
 */
import { BADGED_VERDICTS, debunkRef, type Debunk } from '../debunk/types';
import type { MatchIndex } from '../match/bm25-index';
import { matchPost, shownCandidates } from '../match/match';
import type { Candidate, ExtractedPost } from '../match/types';
import { hashFrame, type FrameHash } from '../media/video';
import { MAX_FRAME_SIDE } from '../media/frame-size';
import { debunksByRef } from '../store/debunk-store';
import type { FeedRecord, SanadDb, WrongMatchRecord } from '../store/db';
import { addWrongMatch, allWrongMatches, removeWrongMatch, wrongMatchesByPost } from '../store/wrong-matches';
import { fromBase64 } from '../text/base64';
import { toDebunkSummary } from '../wire/debunk-summary';
import type { FrameDto, MatchView, PostAnswer } from '../wire/shapes';
import { describeList } from './list-origin';
import type { PosterHasher } from './poster-frames';

/** How many "possibly related" matches a post carries besides its badge. */
const RELATED_PER_POST = 3;

export interface MatcherDeps {
  openDb: () => Promise<SanadDb>;
  /** The index in use (the list registry's). */
  index: () => Promise<MatchIndex>;
  /** Hashes posters and photos for footage matching (only asked when some debunk has media fingerprints). */
  posters: Pick<PosterHasher, 'framesFor' | 'credentialsFor'>;
}

export class MatcherService {
  /** Post key → hashes of frames sampled from its playing video. */
  private readonly videoFrames = new Map<string, FrameHash[]>();
  /** Post key → debunks the user reported as wrong for it. */
  private wrong: Promise<Map<string, Set<string>>> | null = null;

  constructor(private readonly deps: MatcherDeps) {}

  /** The current index (built or loaded on first use). */
  ready(): Promise<MatchIndex> {
    return this.deps.index();
  }

  private wrongMatches(): Promise<Map<string, Set<string>>> {
    return (this.wrong ??= this.deps.openDb().then(allWrongMatches).then(wrongMatchesByPost));
  }

  /** Records a wrong-match report; that post is not badged for that debunk again. */
  async reportWrongMatch(report: Omit<WrongMatchRecord, 'id'>): Promise<void> {
    await addWrongMatch(await this.deps.openDb(), report);
    this.wrong = null;
  }

  /** Takes a report back: that post may be badged for that debunk again. */
  async undoWrongMatch(postKey: string, debunkId: string): Promise<WrongMatchRecord | undefined> {
    const removed = await removeWrongMatch(await this.deps.openDb(), postKey, debunkId);
    this.wrong = null;
    return removed;
  }

  async match(posts: readonly ExtractedPost[]): Promise<PostAnswer[]> {
    const [index, wrong] = await Promise.all([this.ready(), this.wrongMatches()]);
    const frames = index.media.size ? await Promise.all(posts.map((post) => this.deps.posters.framesFor(post))) : [];
    const perPost = posts.map((post, i) =>
      shownCandidates(
        matchPost(
          index,
          { ...post, frames: [...(frames[i] ?? []), ...(this.videoFrames.get(post.key) ?? [])] },
          { exclude: wrong.get(post.key) },
        ),
      ),
    );
    // The images were fetched for hashing: those carrying a manifest have been (or are being) verified.
    const credentials = frames.length ? await Promise.all(posts.map((post) => this.deps.posters.credentialsFor(post))) : [];
    const answers = await this.results(posts, perPost);
    return answers.map((answer, i) => (credentials[i]?.length ? { ...answer, credentials: credentials[i] } : answer));
  }

  /**
   * A frame sampled from a video playing in a post: hashed here (off the page's main thread) and matched
   * together with the post's earlier frames and poster.
   */
  async matchVideoFrame(post: ExtractedPost, frame: FrameDto): Promise<PostAnswer> {
    const luma = decodeLuma(frame);
    // With its seven turns, so a mirrored or rotated re-upload matches. The page captures at most 256 px, so
    // this frame's plain PDQ is close to (not exactly) the reference's; posters are hashed at full size.
    const hashed = hashFrame(luma, frame.width, frame.height, Number(frame.t) || 0, { dihedral: true });
    const frames = [...(this.videoFrames.get(post.key) ?? []), hashed].slice(-MAX_VIDEO_FRAMES);
    this.videoFrames.delete(post.key); // re-insert: the most recent posts stay
    this.videoFrames.set(post.key, frames);
    if (this.videoFrames.size > MAX_VIDEO_POSTS) this.videoFrames.delete(this.videoFrames.keys().next().value!);
    const [result] = await this.match([post]);
    return result!;
  }

  private async results(posts: readonly ExtractedPost[], perPost: Candidate[][]): Promise<PostAnswer[]> {
    const refs = new Map(perPost.flat().map((c) => [debunkRef(c.listId, c.debunkId), { list: c.listId, id: c.debunkId }]));
    const db = refs.size ? await this.deps.openDb() : undefined;
    const debunks = db ? await debunksByRef(db, [...refs.values()]) : new Map<string, Debunk>();
    const feeds = db && debunks.size ? new Map((await db.getAll('feeds')).map((f): [string, FeedRecord] => [f.id, f])) : new Map();
    return posts.map((post, i) => {
      const views: MatchView[] = perPost[i]!.flatMap((candidate) => {
        const debunk = debunks.get(debunkRef(candidate.listId, candidate.debunkId));
        return debunk ? [{ candidate, debunk: toDebunkSummary(debunk, describeList(debunk.source, feeds.get(debunk.source))) }] : [];
      });
      const badge = views.find((v) => v.candidate.badge && BADGED_VERDICTS.has(v.debunk.verdict));
      const mentions = badge ? undefined : views.find((v) => v.candidate.mentions && BADGED_VERDICTS.has(v.debunk.verdict));
      const related = views.filter((v) => v !== badge && v !== mentions).slice(0, RELATED_PER_POST);
      return { key: post.key, ...(badge && { badge }), ...(mentions && { mentions }), related };
    });
  }
}

const MAX_VIDEO_FRAMES = 30;
const MAX_VIDEO_POSTS = 200;

/** Base64 luma bytes from a content script → a luma plane, checked against the stated size. */
export function decodeLuma(frame: FrameDto): Float32Array {
  const { width, height } = frame;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 16 ||
    height < 16 ||
    width > MAX_FRAME_SIDE ||
    height > MAX_FRAME_SIDE
  ) {
    throw new Error(`bad frame size ${String(width)}×${String(height)}`);
  }
  const bytes = fromBase64(String(frame.luma));
  if (bytes.length !== width * height) throw new Error(`frame has ${bytes.length} bytes, expected ${width * height}`);
  return Float32Array.from(bytes);
}
