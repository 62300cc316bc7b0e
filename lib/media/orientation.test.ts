import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegExifOrientation, orientPlane } from './orientation';

const EXIF = resolve(process.cwd(), '../shared/media/pdq-ref/images');

describe('EXIF orientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i from the phone photos', (n) => {
    expect(jpegExifOrientation(readFileSync(resolve(EXIF, `exif-rotn/exif-rotn-${n}.jpg`)))).toBe(n);
  });

  it('gives 1 for a JPEG without EXIF, a PNG, and broken bytes', () => {
    expect(jpegExifOrientation(readFileSync(resolve(EXIF, 'exif-upright/exif-rotn-6-upright.jpg')))).toBe(1);
    expect(jpegExifOrientation(readFileSync(resolve(EXIF, 'misc-images/c.png')))).toBe(1);
    expect(jpegExifOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40, 0x45, 0x78]))).toBe(1);
    expect(jpegExifOrientation(new Uint8Array(0))).toBe(1);
  });

  // 3×2 plane  a b c / d e f, turned as a browser displays each orientation.
  const plane = Float32Array.from([1, 2, 3, 4, 5, 6]);
  it.each([
    [1, 3, [1, 2, 3, 4, 5, 6]],
    [2, 3, [3, 2, 1, 6, 5, 4]], // mirrored
    [3, 3, [6, 5, 4, 3, 2, 1]], // 180°
    [4, 3, [4, 5, 6, 1, 2, 3]], // upside down
    [5, 2, [1, 4, 2, 5, 3, 6]], // transposed
    [6, 2, [4, 1, 5, 2, 6, 3]], // 90° clockwise
    [7, 2, [6, 3, 5, 2, 4, 1]], // anti-transposed
    [8, 2, [3, 6, 2, 5, 1, 4]], // 90° anticlockwise
  ])('orientation %i', (orientation, width, expected) => {
    const out = orientPlane(plane, 3, 2, orientation);
    expect(out.width).toBe(width);
    expect([...out.plane]).toEqual(expected);
  });
});
