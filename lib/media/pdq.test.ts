import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { hammingDistance, orientCoefficients, ORIENTATIONS, pdqFromPixels, PDQ_MATCH_DISTANCE, uprightOrientations } from './pdq';

const MEDIA = resolve(process.cwd(), '../shared/media');
const reference = readFileSync(resolve(MEDIA, 'images/bridge-mods.pdq.csv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [hash, quality, file] = line.split(',');
    return { hash: hash!, quality: Number(quality), file: file! };
  });

function hashFile(file: string) {
  const image = jpeg.decode(readFileSync(resolve(MEDIA, file)), { useTArray: true, formatAsRGBA: true });
  return pdqFromPixels(image.data, image.width, image.height);
}

describe('PDQ against the ThreatExchange reference hashes', () => {
  it.each(reference.map((r) => [r.file.split('/').pop()!, r] as const))('%s is within distance 10 of its reference hash', (_, ref) => {
    const ours = hashFile(ref.file);
    const distance = hammingDistance(ours.hash, ref.hash);
    expect(distance).toBeLessThanOrEqual(10);
    expect(Math.abs(ours.quality - ref.quality)).toBeLessThanOrEqual(5);
  });

  it('matches every modification to the original, and not a different image', () => {
    const original = hashFile(reference[0]!.file).hash;
    for (const ref of reference) expect(hammingDistance(hashFile(ref.file).hash, original)).toBeLessThanOrEqual(PDQ_MATCH_DISTANCE);
    // A synthetic image of stripes is far from the photo.
    const size = 128;
    const stripes = new Uint8ClampedArray(size * size * 4).map((_, i) => (Math.floor(i / 4 / 8) % 2 ? 255 : 0));
    expect(hammingDistance(pdqFromPixels(stripes, size, size).hash, original)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
  });

  it('gives a flat image quality 0, so it is never used', () => {
    const flat = new Uint8ClampedArray(64 * 64 * 4).fill(128);
    expect(pdqFromPixels(flat, 64, 64).quality).toBe(0);
  });

  it('refuses a wrong buffer size with a clear error', () => {
    expect(() => pdqFromPixels(new Uint8Array(10), 5, 5)).toThrow(/bad image size/);
  });
});

describe('upright orientation', () => {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5;
  const coefficients = () => Float32Array.from({ length: 256 }, random);

  it('is the same picture whichever of the eight turns comes in', () => {
    for (let n = 0; n < 20; n++) {
      const c = coefficients();
      const upright = orientCoefficients(c, uprightOrientations(c)[0]!);
      // Its (2,1) and (1,2) coefficients lie in a ≥ b ≥ 0.
      expect(upright[16]!).toBeGreaterThanOrEqual(upright[1]!);
      expect(upright[1]!).toBeGreaterThanOrEqual(0);
      for (const o of ORIENTATIONS) {
        const turned = orientCoefficients(c, o);
        expect(Array.from(orientCoefficients(turned, uprightOrientations(turned)[0]!))).toEqual(Array.from(upright));
      }
    }
  });

  it('lists the turns a slightly different copy may choose, nearest first, and only those', () => {
    const c = new Float32Array(256).fill(0.01);
    c[16] = 3; // a
    c[1] = 2.9; // b, nearly a: a copy may swap them (transpose)
    const rms = Math.sqrt((3 * 3 + 2.9 * 2.9 + 254 * 0.0001) / 256);
    expect(uprightOrientations(c)).toEqual(['original']);
    const near = uprightOrientations(c, 0.2 / rms);
    expect(near).toEqual(['original', 'transpose']);
    // With a slack wider than b itself, the turns that flip b's sign come in too.
    expect(uprightOrientations(c, 3 / rms).length).toBeGreaterThan(2);
    expect(uprightOrientations(c, 100)).toHaveLength(8);
  });
});
