/**
 * Mirrored and rotated copies of the shared clips and images (each of the seven turns, applied to the decoded
 * pixels as a re-upload tool would) match their originals through the dihedral hashes, and different scenes
 * still never match. The originals are stored in one orientation; the query carries its turns.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMediaIndex, MediaIndex } from '@/lib/media/media-index';
import { orientPlane } from '@/lib/media/orientation';
import { hammingDistance } from '@/lib/media/pdq';
import { compareVideos, frameHashes, hashFrame, lookupHashes, type FrameHash } from '@/lib/media/video';
import { decodeImage, decodeVideo, type LumaFrame } from '@/scripts/media/decode';

const MEDIA = resolve(process.cwd(), '../shared/media');
/** EXIF codes 2–8 are the seven turns: mirrored, 180°, upside down, transposed, 90° cw, anti-transposed, 90° ccw. */
const TURNS = [2, 3, 4, 5, 6, 7, 8];
const turn = (frame: LumaFrame, code: number): LumaFrame => {
  const turned = orientPlane(frame.luma, frame.width, frame.height, code);
  return { t: frame.t, luma: turned.plane, width: turned.width, height: turned.height };
};
const hash = (frame: LumaFrame, dihedral: boolean) => hashFrame(frame.luma, frame.width, frame.height, frame.t, { dihedral });

/** Closest distance between any lookup hash of a query and any stored hash of a reference, same slot. */
function closest(query: readonly FrameHash[], reference: readonly FrameHash[]): number {
  let best = 256;
  for (const q of query)
    for (const r of reference) {
      const stored = frameHashes(r);
      lookupHashes(q).forEach((hashes, slot) => {
        for (const h of hashes) if (stored[slot]) best = Math.min(best, hammingDistance(h, stored[slot]!));
      });
    }
  return best;
}

describe('dihedral matching on the shared images', () => {
  // Different scenes: the bridge, five LabelMe photos, ThreatExchange's misc images.
  const files = [
    'images/bridge-mods/aaa-orig.jpg',
    ...['q0122', 'q0291', 'q0746', 'q1050', 'q2821'].map((q) => `pdq-ref/images/labelme-subset/${q}.jpg`),
    'pdq-ref/images/misc-images/c.png',
    'pdq-ref/images/misc-images/pen-and-coaster.png',
    'pdq-ref/images/misc-images/wee.jpg',
  ];
  let decoded: LumaFrame[];
  let stored: FrameHash[];
  beforeAll(() => {
    decoded = files.map((f) => decodeImage(resolve(MEDIA, f)));
    stored = decoded.map((d) => hash(d, false));
  }, 120_000);

  it('every turned copy matches its own image and no other', { timeout: 120_000 }, () => {
    let crossScene = 256;
    decoded.forEach((image, i) => {
      for (const code of TURNS) {
        const query = hash(turn(image, code), true);
        expect(closest([query], [stored[i]!]), `${files[i]} turn ${code}`).toBeLessThanOrEqual(31);
        stored.forEach((other, j) => {
          if (j !== i) crossScene = Math.min(crossScene, closest([query], [other]));
        });
      }
    });
    console.info(`images: closest distance between different scenes, any orientation: ${crossScene}`);
    expect(crossScene).toBeGreaterThan(31);
  });

  it('without the turns a mirrored copy is another picture to PDQ (what the dihedral and upright hashes fix)', () => {
    const mirrored = hash(turn(decoded[0]!, 2), false);
    expect(hammingDistance(mirrored.hash, stored[0]!.hash)).toBeGreaterThan(31);
    expect(hammingDistance(mirrored.pdq!, stored[0]!.pdq!)).toBeGreaterThan(31);
  });

  it('every turn of an image has the same upright hash, and fewer lookups than the eight turns', () => {
    let lookups = 0;
    let queries = 0;
    decoded.forEach((image, i) => {
      for (const code of TURNS) {
        const query = hash(turn(image, code), true);
        // The turns of the area-averaged frame are nearly exact (the downsample rounds): far within a match.
        expect(hammingDistance(query.upright!, stored[i]!.upright!), `${files[i]} turn ${code}`).toBeLessThanOrEqual(10);
        expect(lookupHashes(query, false)[0]).toEqual([]);
        lookups += lookupHashes(query, false)[6]!.length;
        queries++;
      }
    });
    // A picture whose two deciding coefficients are both faint takes all eight; on average far fewer.
    console.info(`images: upright choices looked up per query, on average: ${(lookups / queries).toFixed(2)}`);
    expect(lookups / queries).toBeLessThan(4);
  });
});

describe('dihedral matching on the shared clips', () => {
  const VIDEOS = resolve(MEDIA, 'videos');
  const referenceFiles = ['chair-19-sd-bar.mp4', 'pattern-hd-no-bar.mp4', 'doorknob-hd-no-bar.mp4', 'test-padded-dimensions.mp4'];
  // Another version of each scene where there is one (doorknob has only one file).
  const queries = {
    'chair-20-sd-bar.mp4': 'chair-19-sd-bar.mp4',
    'pattern-sd-grey-bar.mp4': 'pattern-hd-no-bar.mp4',
    'doorknob-hd-no-bar.mp4': 'doorknob-hd-no-bar.mp4',
  };
  const reference: Record<string, FrameHash[]> = {};
  const queryFrames: Record<string, LumaFrame[]> = {};
  beforeAll(() => {
    // 2 frames a second on the stored side keeps this test's hashing short; matching works per frame.
    for (const file of referenceFiles) reference[file] = decodeVideo(resolve(VIDEOS, file), 2).map((f) => hash(f, false));
    for (const file of Object.keys(queries)) queryFrames[file] = decodeVideo(resolve(VIDEOS, file), 1);
  }, 300_000);

  it.each(Object.entries(queries))('%s turned every way matches %s, and no other scene', { timeout: 300_000 }, (file, original) => {
    const index = new MediaIndex(buildMediaIndex(referenceFiles.map((f) => [{ kind: 'video' as const, frames: reference[f]! }])));
    let crossScene = 256;
    for (const code of TURNS) {
      const query = queryFrames[file]!.map((f) => hash(turn(f, code), true));
      for (const ref of referenceFiles) {
        const result = compareVideos(query, reference[ref]!);
        const found = index.lookup(query).find((m) => m.doc === referenceFiles.indexOf(ref));
        expect(found?.match ?? false, `${file} turn ${code} vs ${ref} (index)`).toBe(result.match);
        if (ref === original) expect(result.match, `${file} turn ${code} vs ${ref}`).toBe(true);
        else {
          expect(result.match, `${file} turn ${code} vs ${ref}`).toBe(false);
          crossScene = Math.min(crossScene, closest(query, reference[ref]!));
        }
      }
    }
    console.info(`${file}: closest frame distance to other scenes, any orientation: ${crossScene}`);
    expect(crossScene).toBeGreaterThan(31);
  });

  it('fingerprints written before upright hashes still match mirrored copies, through the query turns', { timeout: 120_000 }, () => {
    const unturned = (frames: FrameHash[]) => frames.map(({ upright: _upright, ...rest }) => rest);
    const index = new MediaIndex(buildMediaIndex(referenceFiles.map((f) => [{ kind: 'video' as const, frames: unturned(reference[f]!) }])));
    const query = queryFrames['chair-20-sd-bar.mp4']!.map((f) => hash(turn(f, 2), true));
    const found = index.lookup(query);
    expect(found.filter((m) => m.match).map((m) => referenceFiles[m.doc])).toEqual(['chair-19-sd-bar.mp4']);
  });
});
