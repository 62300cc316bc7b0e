/**
 * Video fingerprints in the spirit of vPDQ: a video is the set of PDQ hashes of frames sampled at a steady
 * rate, after trimming letterbox/pillarbox bars and uniform borders, dropping low-quality frames and
 * near-identical neighbours. Each frame also carries hashes of its four halves, so a re-upload with a large
 * logo over one part of the picture still matches on the parts left clean.
 * Pure: frames come in as luma planes from ffmpeg (Node) or a canvas (browser).
 */
import {
  dihedralHashes,
  downsampleLuma,
  orientCoefficients,
  uprightOrientations,
  hammingDistance,
  hashFromCoefficients,
  pdqTransform,
  referenceResize,
  PDQ_MATCH_DISTANCE,
  PDQ_MIN_QUALITY,
  UPRIGHT_SLACK,
} from './pdq';
import { FRAME_DIMENSION } from './frame-size';

export interface FrameHash {
  /** Seconds from the start (0 for an image). */
  t: number;
  hash: string;
  quality: number;
  /** Top, bottom, left and right halves of the trimmed frame; null where that half is too flat to use. */
  regions?: (string | null)[];
  /**
   * Plain PDQ of the whole, untrimmed frame as Meta's reference hasher computes it (vPDQ's frame hash): what
   * other PDQ tools exchange. Fingerprints written before it existed have none.
   */
  pdq?: string;
  pdqQuality?: number;
  /**
   * The other seven orientations (ORIENTATIONS[1…7]) of `hash` and `pdq`, so a mirrored or rotated copy
   * matches a stored frame; computed for query frames (one stored orientation is enough).
   */
  turned?: { hash: string[]; pdq?: string[] };
  /**
   * `hash` turned to the frame's upright orientation (uprightOrientations): the same for every mirrored or
   * rotated copy, so the index keeps it once and a query looks it up once. Fingerprints written before it
   * existed have none (matched through `turned`).
   */
  upright?: string;
  /** For query frames: `hash` in the other orientations a slightly different copy may have chosen as upright. */
  uprightNear?: string[];
  /**
   * Upright hash of the central 95 % of the trimmed frame (CENTRE_SHARES), stored beside `upright` so that a
   * copy cropped by about 5 % around its centre still finds the frame.
   */
  centre?: string[];
}

export interface HashFrameOptions {
  /** Also the seven other orientations (for frames that are looked up). */
  dihedral?: boolean;
  /**
   * Plain PDQ of the full-size frame, as vPDQ hashes video frames (no 512×512 pre-resize, which only the photo
   * hasher does: 4–12 bits apart on HD frames). Costs ~3× more on a 720p frame.
   */
  videoFrame?: boolean;
}

/** A frame is dropped as a repeat when it is this close to the previous kept one. */
export const DEDUPE_DISTANCE = 6;

/**
 * Sampling and match rules, measured on ../shared/media/videos: debunked videos are fingerprinted densely
 * (10 frames a second) and what a page shows sparsely (about one frame a second, or one poster image).
 * Decoded by ffmpeg, every version of one scene finds ≥ 83 % of its sampled frames in every other version;
 * frames of different scenes are never closer than 92 bits (the match distance is 31). Frames captured live
 * in Chromium match less often (40–50 % for the large-logo version), so a video also matches once
 * `enoughFrames` of its frames have: one matching frame is already PDQ's own test for "same image", and a
 * single poster is judged on that alone.
 */
export const VIDEO_MATCH = { frameDistance: PDQ_MATCH_DISTANCE, minQueryShare: 0.5, enoughFrames: 3, referenceFps: 10, queryFps: 1 };

/**
 * Shares of the trimmed frame's width and height kept by the centre hashes. A centred crop is found only
 * when the query kept about the same share (PDQ moves 40+ bits between the 95 % and 90 % centres). One share:
 * each costs as many stored hashes as the frames themselves, and a lookup in them (npm run bench: with the
 * 90 % centre too, a lookup cost 2.8× one orientation; with 95 % alone 1.6–1.9× since the index walks the upright and
 * centre slots together, the upright hash alone 1.2–1.35×).
 */
export const CENTRE_SHARES = [0.95];

/** A row/column is part of a border when its luma hardly varies (bars are flat, black or grey). */
const BORDER_STDDEV = 6;
const MAX_TRIM_SHARE = 0.35;

function lineIsFlat(luma: Float32Array, start: number, count: number, step: number): boolean {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0, p = start; i < count; i++, p += step) {
    const v = luma[p]!;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / count;
  return sumSq / count - mean * mean < BORDER_STDDEV * BORDER_STDDEV;
}

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle left after trimming flat bars from each side (at most 35 % of a dimension per side). */
export function contentCrop(luma: Float32Array, width: number, height: number): Crop {
  const maxY = Math.floor(height * MAX_TRIM_SHARE);
  const maxX = Math.floor(width * MAX_TRIM_SHARE);
  let top = 0;
  while (top < maxY && lineIsFlat(luma, top * width, width, 1)) top++;
  let bottom = 0;
  while (bottom < maxY && lineIsFlat(luma, (height - 1 - bottom) * width, width, 1)) bottom++;
  const rows = height - top - bottom;
  let left = 0;
  while (left < maxX && lineIsFlat(luma, top * width + left, rows, width)) left++;
  let right = 0;
  while (right < maxX && lineIsFlat(luma, top * width + (width - 1 - right), rows, width)) right++;
  return { x: left, y: top, width: width - left - right, height: rows };
}

export function cropLuma(luma: Float32Array, width: number, crop: Crop): Float32Array {
  const out = new Float32Array(crop.width * crop.height);
  for (let y = 0; y < crop.height; y++) {
    const from = (crop.y + y) * width + crop.x;
    out.set(luma.subarray(from, from + crop.width), y * crop.width);
  }
  return out;
}

/**
 * One frame (or image): Sanad's hash after its bars are trimmed, with its four halves, and the plain PDQ of
 * the whole frame. `fullLuma` is not changed.
 */
export function hashFrame(fullLuma: Float32Array, fullWidth: number, fullHeight: number, t = 0, options: HashFrameOptions = {}): FrameHash {
  // Plain PDQ first, from the full-size plane (the photo reference's own 512×512 nearest-pixel pre-resize).
  const square = options.videoFrame
    ? { luma: fullLuma, width: fullWidth, height: fullHeight }
    : referenceResize(fullLuma, fullWidth, fullHeight);
  const plain = pdqTransform(square.luma === fullLuma ? fullLuma.slice() : square.luma, square.width, square.height);
  // One downsample for the trimmed frame and all its regions. PDQ decimates to 64×64 in the end; at 256 px the
  // clips' matches and non-matches are unchanged and a 720p frame hashes ~3× faster than at 512.
  const { luma, width, height } = downsampleLuma(fullLuma, fullWidth, fullHeight, FRAME_DIMENSION);
  const crop = contentCrop(luma, width, height);
  const content = cropLuma(luma, width, crop);
  const w = crop.width;
  const h = crop.height;
  const region = (x: number, y: number, rw: number, rh: number): string | null => {
    if (rw < 16 || rh < 16) return null;
    const r = pdqTransform(cropLuma(content, w, { x, y, width: rw, height: rh }), rw, rh);
    return r.quality >= PDQ_MIN_QUALITY ? hashFromCoefficients(r.coefficients) : null;
  };
  const hw = Math.floor(w / 2);
  const hh = Math.floor(h / 2);
  const regions = [region(0, 0, w, hh), region(0, hh, w, h - hh), region(0, 0, hw, h), region(hw, 0, w - hw, h)];
  // The whole trimmed frame is area-averaged to 64×64 first: PDQ's own Jarosz filter is a 2-pixel box at
  // 256 px, which aliases, and is not symmetric, so a mirrored frame's hash lands 26–66 bits from the
  // original's turned one; averaged over symmetric cells the eight turns from the DCT are exact.
  const full = pdqTransform(areaAverage(content, w, h, 64), 64, 64);
  const frame: FrameHash = {
    t,
    hash: hashFromCoefficients(full.coefficients),
    quality: full.quality,
    regions,
    pdq: hashFromCoefficients(plain.coefficients),
    pdqQuality: plain.quality,
  };
  const uprightHash = (coefficients: Float32Array) =>
    hashFromCoefficients(orientCoefficients(coefficients, uprightOrientations(coefficients)[0]!));
  const [upright, ...near] = uprightOrientations(full.coefficients, UPRIGHT_SLACK);
  frame.upright = hashFromCoefficients(orientCoefficients(full.coefficients, upright!));
  frame.centre = CENTRE_SHARES.map((share) => {
    const cw = Math.max(1, Math.round(w * share));
    const ch = Math.max(1, Math.round(h * share));
    const part = cropLuma(content, w, { x: Math.floor((w - cw) / 2), y: Math.floor((h - ch) / 2), width: cw, height: ch });
    return uprightHash(pdqTransform(areaAverage(part, cw, ch, 64), 64, 64).coefficients);
  });
  if (options.dihedral) {
    frame.turned = { hash: dihedralHashes(full.coefficients).slice(1), pdq: dihedralHashes(plain.coefficients).slice(1) };
    frame.uprightNear = near.map((o) => hashFromCoefficients(orientCoefficients(full.coefficients, o)));
  }
  return frame;
}

/**
 * The plane averaged over a size×size grid of equal cells, each source pixel weighted by how much of it a
 * cell covers (cell edges at k·W/size, exact in binary floats), so mirroring the plane mirrors the result.
 */
export function areaAverage(luma: Float32Array, width: number, height: number, size: number): Float32Array {
  const along = (length: number) => {
    // For each cell: first pixel and the weights of the pixels it covers.
    const cells: { first: number; weights: number[] }[] = [];
    for (let k = 0; k < size; k++) {
      const from = (k * length) / size;
      const to = ((k + 1) * length) / size;
      const first = Math.floor(from);
      const weights: number[] = [];
      for (let p = first; p < to && p < length; p++) weights.push((Math.min(p + 1, to) - Math.max(p, from)) / (to - from));
      cells.push({ first, weights });
    }
    return cells;
  };
  const columns = along(width);
  const rows = along(height);
  const wide = new Float64Array(height * size); // rows averaged across
  for (let y = 0; y < height; y++) {
    for (let k = 0; k < size; k++) {
      const { first, weights } = columns[k]!;
      let sum = 0;
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * luma[y * width + first + i]!;
      wide[y * size + k] = sum;
    }
  }
  const out = new Float32Array(size * size);
  for (let k = 0; k < size; k++) {
    const { first, weights } = rows[k]!;
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * wide[(first + i) * size + x]!;
      out[k * size + x] = sum;
    }
  }
  return out;
}

/** Drops low-quality frames and frames nearly identical to the previous kept one. */
export function uniqueFrames(frames: readonly FrameHash[]): FrameHash[] {
  const kept: FrameHash[] = [];
  for (const frame of frames) {
    const usable =
      frame.quality >= PDQ_MIN_QUALITY || frame.regions?.some(Boolean) || (frame.pdq && (frame.pdqQuality ?? 0) >= PDQ_MIN_QUALITY);
    if (!usable) continue;
    const last = kept[kept.length - 1];
    if (last && hammingDistance(last.hash, frame.hash) <= DEDUPE_DISTANCE) continue;
    kept.push(frame);
  }
  return kept;
}

/** Slot of the plain PDQ hash in `frameHashes`. */
export const PLAIN_PDQ_SLOT = 5;
/** Slot of the upright whole-frame hash. */
export const UPRIGHT_SLOT = 6;
/**
 * Slot of a stored frame's centre hashes (`centre`), which the query's upright hash alone is looked up in:
 * a cropped copy found, not also every nearby upright choice of it (each would cost one lookup more).
 */
export const CENTRE_SLOT = 7;

/**
 * The hashes of a frame that may be compared, by slot (same slot only): 0 Sanad's trimmed whole frame as
 * it is, 1–4 its halves, 5 the plain PDQ of the untrimmed frame, 6 the trimmed whole frame upright.
 */
export function frameHashes(frame: FrameHash): (string | null)[] {
  const usable = frame.quality >= PDQ_MIN_QUALITY;
  const plain = frame.pdq && (frame.pdqQuality ?? 0) >= PDQ_MIN_QUALITY ? frame.pdq : null;
  return [
    usable ? frame.hash : null,
    ...(frame.regions ?? [null, null, null, null]),
    plain,
    usable && frame.upright ? frame.upright : null,
  ];
}

/**
 * The whole frame is compared upright when both sides carry that hash, and as it is (a query with all its
 * turns) only against a stored frame written before upright hashes existed.
 */
export const comparesUpright = (query: FrameHash, stored: FrameHash): boolean => !!(query.upright && stored.upright);

/**
 * The orientations of a query frame to look up in each slot (and its upright hash in CENTRE_SLOT). Against stored frames without an upright hash
 * (`unturned`: written before it, or plain PDQ imported from a list), slots 0 and 5 take the frame and its
 * seven turns; else slot 0 is not looked up and slot 5 only as it is: mirrored copies are found through the
 * upright hash (slot 6, with the nearby choices), and each turn looked up costs as much as a hash. Halves are
 * not turned: a turn moves them to other slots.
 */
export function lookupHashes(frame: FrameHash, unturned = true): string[][] {
  const lookups = frameHashes(frame).map((hash, slot) => {
    if (!hash) return [];
    const turns = unturned || !frame.upright;
    if (slot === 0) return turns ? [hash, ...(frame.turned?.hash ?? [])] : [];
    if (slot === PLAIN_PDQ_SLOT) return turns ? [hash, ...(frame.turned?.pdq ?? [])] : [hash];
    if (slot === UPRIGHT_SLOT) return [hash, ...(frame.uprightNear ?? [])];
    return [hash];
  });
  const upright = lookups[UPRIGHT_SLOT]![0];
  return [...lookups, upright ? [upright] : []];
}

/**
 * Whether two frames show the same picture; either may carry its turns (a query), so mirrored copies match.
 * `a` is also looked up in `b`'s centres (a may be a crop of b), as the index does.
 */
export function framesMatch(a: FrameHash, b: FrameHash): boolean {
  const near = (x: readonly string[], y: readonly string[]) =>
    x.some((hx) => y.some((hy) => hammingDistance(hx, hy) <= VIDEO_MATCH.frameDistance));
  const upright = comparesUpright(a, b);
  const la = lookupHashes(a, !upright);
  const lb = lookupHashes(b, !upright);
  const ha = frameHashes(a);
  const hb = frameHashes(b);
  for (let k = 0; k < ha.length; k++) {
    if (!ha[k] || !hb[k] || (k === 0 && upright) || (k === UPRIGHT_SLOT && !upright)) continue;
    // a's lookups against b as stored, and b's against a as stored.
    if (near(la[k]!, [hb[k]!]) || near(lb[k]!, [ha[k]!])) return true;
  }
  return upright && near(la[CENTRE_SLOT]!, b.centre ?? []);
}

export interface VideoComparison {
  /** Share of the query's unique frames found in the reference. */
  queryShare: number;
  /** Share of the reference's seconds in which a frame was found in the query. */
  referenceShare: number;
  match: boolean;
}

export function compareVideos(query: readonly FrameHash[], reference: readonly FrameHash[]): VideoComparison {
  const q = uniqueFrames(query);
  const r = uniqueFrames(reference);
  const matchedRefSeconds = new Set<number>();
  let matched = 0;
  for (const qf of q) {
    let found = false;
    for (const rf of r) {
      if (framesMatch(qf, rf)) {
        found = true;
        matchedRefSeconds.add(Math.floor(rf.t));
      }
    }
    if (found) matched++;
  }
  const refSeconds = new Set(r.map((f) => Math.floor(f.t))).size;
  return videoDecision(matched, q.length, matchedRefSeconds.size, refSeconds);
}

/** The verdict from counts: shared by the pairwise comparison and the index lookup. */
export function videoDecision(
  matchedQueryFrames: number,
  queryFrames: number,
  matchedRefSeconds: number,
  refSeconds: number,
): VideoComparison {
  const queryShare = queryFrames ? matchedQueryFrames / queryFrames : 0;
  return {
    queryShare,
    referenceShare: refSeconds ? matchedRefSeconds / refSeconds : 0,
    match: matchedQueryFrames > 0 && (queryShare >= VIDEO_MATCH.minQueryShare || matchedQueryFrames >= VIDEO_MATCH.enoughFrames),
  };
}
