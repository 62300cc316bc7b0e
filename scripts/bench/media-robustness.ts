/**
 * How footage is recognised on the shared images and clips (../shared/media): mirrored and rotated copies
 * (with the closest distance between different scenes), crops and padding, for plain PDQ and for Sanad's
 * own hashes; and what a mirror-proof lookup costs among 100,000 stored frame hashes. Decodes with ffmpeg.
 */
import { resolve } from 'node:path';
import { buildMediaIndex, MediaIndex } from '../../lib/media/media-index';
import { orientPlane } from '../../lib/media/orientation';
import { hammingDistance, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from '../../lib/media/pdq';
import { cropLuma, framesMatch, hashFrame, lookupHashes, type FrameHash } from '../../lib/media/video';
import { decodeImage, decodeVideo, type LumaFrame } from '../media/decode';

const MEDIA = resolve(import.meta.dirname, '../../../shared/media');
/** Different scenes: the bridge, the LabelMe photos, ThreatExchange's misc images. */
const IMAGES = [
  'images/bridge-mods/aaa-orig.jpg',
  ...['q0122', 'q0291', 'q0746', 'q1050', 'q2821'].map((q) => `pdq-ref/images/labelme-subset/${q}.jpg`),
  'pdq-ref/images/misc-images/c.png',
  'pdq-ref/images/misc-images/pen-and-coaster.png',
  'pdq-ref/images/misc-images/wee.jpg',
];
/** The clips stored, one per scene; each is queried with its own frames, altered (turned, cropped, padded). */
const CLIPS = ['chair-19-sd-bar.mp4', 'pattern-hd-no-bar.mp4', 'doorknob-hd-no-bar.mp4', 'test-padded-dimensions.mp4'];
/** EXIF codes 2–8: the seven turns. */
const TURNS = [2, 3, 4, 5, 6, 7, 8];

const hash = (f: LumaFrame, dihedral = false) => hashFrame(f.luma.slice(), f.width, f.height, f.t, { dihedral });

function turn(frame: LumaFrame, code: number): LumaFrame {
  const turned = orientPlane(frame.luma, frame.width, frame.height, code);
  return { t: frame.t, luma: turned.plane, width: turned.width, height: turned.height };
}

/** `share` of the width and of the height cut away, half from each side, or all from the top left (`corner`). */
export function cropFrame(frame: LumaFrame, share: number, corner = false): LumaFrame {
  const cutX = Math.round(frame.width * share);
  const cutY = Math.round(frame.height * share);
  const crop = {
    x: corner ? cutX : Math.floor(cutX / 2),
    y: corner ? cutY : Math.floor(cutY / 2),
    width: frame.width - cutX,
    height: frame.height - cutY,
  };
  return { t: frame.t, luma: cropLuma(frame.luma, frame.width, crop), width: crop.width, height: crop.height };
}

/** A flat border adding `share` to the width and height, half on each side (a re-upload's padding). */
export function padFrame(frame: LumaFrame, share: number, value = 0): LumaFrame {
  const padX = Math.floor((frame.width * share) / 2);
  const padY = Math.floor((frame.height * share) / 2);
  const width = frame.width + 2 * padX;
  const height = frame.height + 2 * padY;
  const luma = new Float32Array(width * height).fill(value);
  for (let y = 0; y < frame.height; y++) luma.set(frame.luma.subarray(y * frame.width, (y + 1) * frame.width), (y + padY) * width + padX);
  return { t: frame.t, luma, width, height };
}

const plainMatch = (q: FrameHash, r: FrameHash) =>
  !!q.pdq && !!r.pdq && (q.pdqQuality ?? 0) >= PDQ_MIN_QUALITY && hammingDistance(q.pdq, r.pdq) <= PDQ_MATCH_DISTANCE;

/** Closest distance between any lookup hash of a query and the stored hash of the same slot. */
function closest(q: FrameHash, r: FrameHash): number {
  let best = 256;
  const stored = lookupHashes(r, false).map((hashes) => hashes[0]);
  lookupHashes(q, !(q.upright && r.upright)).forEach((hashes, slot) => {
    for (const h of hashes) if (stored[slot]) best = Math.min(best, hammingDistance(h, stored[slot]!));
  });
  return best;
}

interface Scene {
  name: string;
  stored: FrameHash[];
  /** Frames to transform into queries. */
  queries: LumaFrame[];
}

function loadScenes(): { images: Scene[]; clips: Scene[] } {
  const images = IMAGES.map((file) => {
    const image = decodeImage(resolve(MEDIA, file));
    return { name: file, stored: [hash(image)], queries: [image] };
  });
  const clips = CLIPS.map((clip) => {
    // 2 frames a second stored, 1 a second queried (every other stored frame, altered).
    const frames = decodeVideo(resolve(MEDIA, 'videos', clip), 2);
    return { name: clip, stored: frames.map((f) => hash(f)), queries: frames.filter((_, k) => k % 2 === 0) };
  });
  return { images, clips };
}

interface Recall {
  plain: number;
  sanad: number;
  frames: number;
  /** Query frames that matched a frame of another scene (Sanad's hashes). */
  wrong: number;
}

function recall(scenes: Scene[], transform: (f: LumaFrame) => LumaFrame, dihedral = false): Recall {
  const result: Recall = { plain: 0, sanad: 0, frames: 0, wrong: 0 };
  for (const scene of scenes) {
    for (const frame of scene.queries) {
      const query = hash(transform(frame), dihedral);
      result.frames++;
      if (scene.stored.some((r) => plainMatch(query, r))) result.plain++;
      if (scene.stored.some((r) => framesMatch(query, r))) result.sanad++;
      if (scenes.some((other) => other !== scene && other.stored.some((r) => framesMatch(query, r)))) result.wrong++;
    }
  }
  return result;
}

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(0)} %`;

export function benchMediaRobustness(): void {
  const { images, clips } = loadScenes();
  console.log(
    `  Robustness on ../shared/media (${images.length} images of different scenes; ${clips.length} clips, each queried with its own frames altered, 1 a second)`,
  );
  // Turned copies: recall, and the closest any turned frame comes to a different scene.
  for (const [what, scenes] of [
    ['images', images],
    ['clips', clips],
  ] as const) {
    let found = 0;
    let frames = 0;
    let crossScene = 256;
    for (const code of TURNS) {
      const r = recall(scenes, (f) => turn(f, code), true);
      found += r.sanad;
      frames += r.frames;
    }
    for (const scene of scenes)
      for (const frame of scene.queries.slice(0, 8)) {
        const query = hash(turn(frame, 2), true);
        for (const other of scenes) if (other !== scene) for (const r of other.stored) crossScene = Math.min(crossScene, closest(query, r));
      }
    console.log(
      `    ${what}, the seven turns: ${percent(found, frames)} of ${frames} turned frames match their own scene; closest distance to a different scene ${crossScene} (match ≤ ${PDQ_MATCH_DISTANCE})`,
    );
  }
  const cases: [string, (f: LumaFrame) => LumaFrame][] = [
    ['as it is (the baseline)', (f) => f],
    ['5 % crop (centre kept)', (f) => cropFrame(f, 0.05)],
    ['10 % crop (centre kept)', (f) => cropFrame(f, 0.1)],
    ['5 % crop (from one corner)', (f) => cropFrame(f, 0.05, true)],
    ['10 % crop (from one corner)', (f) => cropFrame(f, 0.1, true)],
    ['20 % padding, black', (f) => padFrame(f, 0.2, 0)],
    ['20 % padding, white', (f) => padFrame(f, 0.2, 255)],
  ];
  console.log(
    '    recall (share of query frames matching their own scene): plain PDQ | Sanad (trimmed, halves, upright, 95 % centre) | frames matching another scene',
  );
  for (const [what, transform] of cases) {
    const i = recall(images, transform);
    const c = recall(clips, transform);
    console.log(
      `    ${what.padEnd(28)} images ${percent(i.plain, i.frames).padStart(5)} | ${percent(i.sanad, i.frames).padStart(5)} | ${i.wrong};  clips ${percent(c.plain, c.frames).padStart(5)} | ${percent(c.sanad, c.frames).padStart(5)} | ${c.wrong} (${c.frames} frames)`,
    );
  }
}

/** Lookup among 100,000 stored frames: today's one orientation, the eight turns, and the upright hash. */
export function benchDihedralCost(ms: (n: number) => string, percentile: (sorted: number[], p: number) => number): void {
  let s = 7;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const randomHash = () => Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join('');
  const storedFrame = (t: number, upright: boolean, centres: boolean): FrameHash => ({
    t,
    hash: randomHash(),
    quality: 100,
    ...(upright && { upright: randomHash() }),
    ...(centres && { centre: [randomHash()] }),
  });
  // Query frames as a page sends them: real frames of the shared clips, hashed here with their turns.
  const queries = CLIPS.flatMap((clip) =>
    decodeVideo(resolve(MEDIA, 'videos', clip), 1)
      .slice(0, 10)
      .map((f) => hash(f, true)),
  );
  // Today's single-orientation query: no turns, no upright hash.
  const asIs = queries.map(({ turned: _turned, uprightNear: _near, upright: _upright, ...frame }) => frame);
  const build = (upright: boolean, centres = upright) =>
    new MediaIndex(
      buildMediaIndex(
        Array.from({ length: 20_000 }, () => [
          { kind: 'video' as const, frames: Array.from({ length: 5 }, (_, t) => storedFrame(t, upright, centres)) },
        ]),
      ),
    );
  const unturnedIndex = build(false);
  const uprightIndex = build(true);
  const wholeIndex = build(true, false);
  // The four ways, each a query set against an index. Every query frame is timed in all four in turn (the
  // order rotating), so each sees the same machine load: under load a block-by-block run moved the ratios 3×.
  const ways: [MediaIndex, FrameHash[]][] = [
    [unturnedIndex, asIs],
    [unturnedIndex, queries],
    [wholeIndex, queries],
    [uprightIndex, queries],
  ];
  const times: number[][] = ways.map(() => []);
  for (let round = 0; round < 130; round++) {
    for (let q = 0; q < queries.length; q++) {
      for (let j = 0; j < ways.length; j++) {
        const way = (j + round + q) % ways.length;
        const [index, frames] = ways[way]!;
        const t = performance.now();
        index.lookup([frames[q]!]);
        // The first 10 rounds warm up (the word buckets are built on the first lookup, then the JIT).
        if (round >= 10) times[way]!.push(performance.now() - t);
      }
    }
  }
  times.forEach((l) => l.sort((a, b) => a - b));
  const [single, eight, whole, upright] = times as [number[], number[], number[], number[]];
  const near = queries.reduce((n, q) => n + 1 + (q.uprightNear?.length ?? 0), 0) / queries.length;
  const p50 = (l: number[]) => percentile(l, 0.5);
  const line = (l: number[]) => `p50 ${ms(p50(l))}, p99 ${ms(percentile(l, 0.99))}`;
  console.log(`  Mirror-proof lookup among 100,000 stored frames (${queries.length} frames of the shared clips as queries)`);
  console.log(`    one orientation (frames stored as they are, query as it is): ${line(single)}`);
  console.log(
    `    the eight turns looked up (frames stored as they are): ${line(eight)}, ${(p50(eight) / p50(single)).toFixed(2)}× one orientation`,
  );
  console.log(
    `    upright hash (frames stored upright; ${near.toFixed(2)} upright choices a query frame on average): ${line(whole)}, ${(p50(whole) / p50(single)).toFixed(2)}× one orientation`,
  );
  console.log(
    `    upright hash and the centre hash (crops; 200,000 hashes stored): ${line(upright)}, ${(p50(upright) / p50(single)).toFixed(2)}× one orientation`,
  );
}
