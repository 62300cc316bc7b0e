/**
 * Crops: a copy cut by 5 % around its centre is found through the stored frame's centre hash (PDQ alone
 * misses every one on the shared images), by the pairwise comparison and the index alike, and no other
 * scene is.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMediaIndex, MediaIndex } from '@/lib/media/media-index';
import { hammingDistance } from '@/lib/media/pdq';
import { framesMatch, hashFrame, type FrameHash } from '@/lib/media/video';
import { decodeImage, type LumaFrame } from '@/scripts/media/decode';
import { cropFrame } from '@/scripts/bench/media-robustness';

const MEDIA = resolve(process.cwd(), '../shared/media');
const files = [
  'images/bridge-mods/aaa-orig.jpg',
  ...['q0122', 'q0291', 'q0746', 'q1050', 'q2821'].map((q) => `pdq-ref/images/labelme-subset/${q}.jpg`),
  'pdq-ref/images/misc-images/c.png',
  'pdq-ref/images/misc-images/pen-and-coaster.png',
  'pdq-ref/images/misc-images/wee.jpg',
];
const hash = (f: LumaFrame, dihedral = false) => hashFrame(f.luma.slice(), f.width, f.height, 0, { dihedral });

describe('centre crops of the shared images', () => {
  let decoded: LumaFrame[];
  let stored: FrameHash[];
  beforeAll(() => {
    decoded = files.map((f) => decodeImage(resolve(MEDIA, f)));
    stored = decoded.map((d) => hash(d));
  }, 120_000);

  it('most 5 % crops match their own image through the centre hash, none another image', { timeout: 120_000 }, () => {
    const index = new MediaIndex(buildMediaIndex(stored.map((frame) => [{ kind: 'image' as const, frames: [frame] }])));
    const withoutCentres = stored.map(({ centre: _centre, ...frame }) => frame);
    let found = 0;
    let foundWithoutCentres = 0;
    let plain = 0;
    decoded.forEach((image, i) => {
      const query = hash(cropFrame(image, 0.05), true);
      const matched = index.lookup([query]).filter((m) => m.match);
      expect(
        matched.every((m) => m.doc === i),
        `${files[i]}: no other image`,
      ).toBe(true);
      expect(matched.length > 0, files[i]).toBe(framesMatch(query, stored[i]!));
      if (matched.length) found++;
      if (framesMatch(query, withoutCentres[i]!)) foundWithoutCentres++;
      if (hammingDistance(query.pdq!, stored[i]!.pdq!) <= 31) plain++;
    });
    console.info(`5 % centre crops: ${found}/${files.length} found (${foundWithoutCentres} without centre hashes, ${plain} by plain PDQ)`);
    expect(found).toBeGreaterThan(foundWithoutCentres);
    expect(found / files.length).toBeGreaterThanOrEqual(0.5);
  });

  it('a stored frame without centre hashes (an older fingerprint) is read and matched as before', () => {
    const { centre: _centre, ...old } = stored[0]!;
    expect(framesMatch(hash(decoded[0]!, true), old)).toBe(true);
  });
});
