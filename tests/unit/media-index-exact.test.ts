/**
 * The index's lookup (bucket probes, 32-bit popcount cut short past the match distance, the upright and
 * centre slots walked together) decides exactly as the plain pairwise comparison (compareVideos over every
 * stored document), on random hashes placed on both sides of the distance and on real frames of the shared
 * images, turned and cropped.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMediaIndex, distanceWithin, hexToWords, MediaIndex } from '@/lib/media/media-index';
import { orientPlane } from '@/lib/media/orientation';
import { hammingDistance } from '@/lib/media/pdq';
import { compareVideos, hashFrame, type FrameHash } from '@/lib/media/video';
import { cropFrame } from '@/scripts/bench/media-robustness';
import { decodeImage, type LumaFrame } from '@/scripts/media/decode';

let seed = 11;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const randomHash = () => Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join('');
/** `hash` with `bits` distinct bits flipped. */
function flip(hash: string, bits: number): string {
  const nibbles = [...hash].map((c) => parseInt(c, 16));
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(rand() * 256));
  for (const b of chosen) nibbles[b >> 2]! ^= 1 << (b & 3);
  return nibbles.map((n) => n.toString(16)).join('');
}
/** Flips around the match distance (31): 20–44 bits, so matches and near misses both occur. */
const nearby = (hash: string) => flip(hash, 20 + Math.floor(rand() * 25));

function expectSameAsPairwise(stored: FrameHash[][], queries: FrameHash[][]): number {
  const index = new MediaIndex(buildMediaIndex(stored.map((frames) => [{ kind: 'video' as const, frames }])));
  let matches = 0;
  for (const [q, query] of queries.entries()) {
    const found = index.lookup(query);
    for (const [doc, frames] of stored.entries()) {
      const expected = compareVideos(query, frames);
      const hit = found.find((m) => m.doc === doc);
      expect(hit?.match ?? false, `query ${q} vs ${doc}`).toBe(expected.match);
      expect(hit?.queryShare ?? 0, `query ${q} vs ${doc}`).toBeCloseTo(expected.queryShare, 9);
      expect(hit?.referenceShare ?? 0, `query ${q} vs ${doc}`).toBeCloseTo(expected.referenceShare, 9);
      if (expected.match) matches++;
    }
  }
  return matches;
}

describe('the frame index decides as the pairwise comparison', () => {
  it('cuts the distance short only above the limit', () => {
    for (let i = 0; i < 2000; i++) {
      const a = randomHash();
      const b = flip(a, Math.floor(rand() * 257));
      const stored = new Uint32Array(hexToWords(a).buffer);
      const query = new Uint32Array(hexToWords(b).buffer);
      const exact = hammingDistance(a, b);
      for (const limit of [0, 15, 31, 100, 256]) {
        const d = distanceWithin(stored, 0, query, limit);
        if (exact <= limit) expect(d).toBe(exact);
        else expect(d).toBeGreaterThan(limit);
      }
    }
  });

  it('on random upright, centre, half and plain PDQ hashes near the match distance', () => {
    const frame = (t: number): FrameHash => ({
      t,
      hash: randomHash(),
      quality: 100,
      upright: randomHash(),
      centre: [randomHash()],
      regions: [randomHash(), randomHash(), randomHash(), randomHash()],
      pdq: randomHash(),
      pdqQuality: 100,
    });
    const stored = Array.from({ length: 60 }, () => Array.from({ length: 4 }, (_, t) => frame(t)));
    // Queries made from stored frames: the upright hash near a stored upright or centre hash (a crop), or a
    // half or the plain PDQ near the stored one, or nothing near; some uprightNear choices near too.
    const queries = Array.from({ length: 80 }, () => {
      const source = stored[Math.floor(rand() * stored.length)]!;
      return Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, t) => {
        const s = source[Math.floor(rand() * source.length)]!;
        const q = frame(t);
        const pick = Math.floor(rand() * 5);
        if (pick === 0) q.upright = nearby(s.upright!);
        if (pick === 1) q.upright = nearby(s.centre![0]!);
        if (pick === 2) q.regions![Math.floor(rand() * 4)] = nearby(s.regions![0]!);
        if (pick === 3) q.pdq = nearby(s.pdq!);
        if (rand() < 0.5) q.uprightNear = [nearby(s.upright!), randomHash()];
        q.turned = { hash: Array.from({ length: 7 }, randomHash), pdq: Array.from({ length: 7 }, randomHash) };
        return q;
      });
    });
    const matches = expectSameAsPairwise(stored, queries);
    // The test means something only if both outcomes occur.
    expect(matches).toBeGreaterThan(10);
    expect(matches).toBeLessThan(queries.length * stored.length - 10);
  });

  it('on real frames of the shared images, turned and cropped by 5 %', { timeout: 120_000 }, () => {
    const MEDIA = resolve(process.cwd(), '../shared/media');
    const files = [
      'images/bridge-mods/aaa-orig.jpg',
      'pdq-ref/images/labelme-subset/q0122.jpg',
      'pdq-ref/images/labelme-subset/q0746.jpg',
      'pdq-ref/images/misc-images/wee.jpg',
    ];
    const decoded = files.map((f) => decodeImage(resolve(MEDIA, f)));
    const hash = (f: LumaFrame, dihedral = false) => hashFrame(f.luma.slice(), f.width, f.height, 0, { dihedral });
    const turn = (f: LumaFrame, code: number): LumaFrame => {
      const turned = orientPlane(f.luma, f.width, f.height, code);
      return { t: 0, luma: turned.plane, width: turned.width, height: turned.height };
    };
    const stored = decoded.map((d) => [hash(d)]);
    const queries = decoded.flatMap((d) => [[hash(turn(d, 2), true)], [hash(turn(d, 6), true)], [hash(cropFrame(d, 0.05), true)]]);
    const matches = expectSameAsPairwise(stored, queries);
    expect(matches).toBeGreaterThanOrEqual(files.length * 2);
  });
});
