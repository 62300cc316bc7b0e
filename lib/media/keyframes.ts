/**
 * Keyframes of a playing video: frames are sampled as the person plays it, and a frame is kept when its PDQ
 * hash is far from the last kept one (a scene change). Flat frames (black, fades) have no usable hash and are
 * skipped. Pure: the content script feeds it hashes of frames it drew; tested in Node on decoded clips.
 */
import { hammingDistance, PDQ_MIN_QUALITY } from './pdq';

/** Above PDQ's match distance (31): frames of one shot stay well under it, a cut lands far above. */
export const SCENE_CHANGE_DISTANCE = 48;
export const MAX_KEYFRAMES = 24;

export interface SampledHash {
  t: number;
  hash: string;
  quality: number;
}

export class KeyframePicker {
  private readonly kept: SampledHash[] = [];

  constructor(
    private readonly distance = SCENE_CHANGE_DISTANCE,
    private readonly max = MAX_KEYFRAMES,
  ) {}

  /** True when `frame` starts a new scene and is kept (the first usable frame always is). */
  offer(frame: SampledHash): boolean {
    if (frame.quality < PDQ_MIN_QUALITY || this.kept.length >= this.max) return false;
    // Compared with every kept frame, so cutting back to an earlier shot adds no duplicate.
    if (this.kept.some((k) => hammingDistance(k.hash, frame.hash) <= this.distance)) return false;
    this.kept.push(frame);
    return true;
  }

  get keyframes(): readonly SampledHash[] {
    return this.kept;
  }

  get full(): boolean {
    return this.kept.length >= this.max;
  }
}
