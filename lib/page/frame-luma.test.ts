import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { hammingDistance, lumaFromPixels } from '../media/pdq';
import { hashFrame } from '../media/video';
import { boxSize, smallLuma, supportsFormat } from './frame-luma';

/** An I420 frame (Y plane, then quarter-size U and V) whose Y is limited-range `luma`. */
function i420(luma: (x: number, y: number) => number, width: number, height: number, stride = width) {
  const data = new Uint8Array(stride * height + 2 * (stride / 2) * (height / 2)).fill(128);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * stride + x] = Math.round(16 + (luma(x, y) * 219) / 255);
  return {
    data,
    layout: [
      { offset: 0, stride },
      { offset: stride * height, stride: stride / 2 },
      { offset: stride * height * 1.25, stride: stride / 2 },
    ],
  };
}

describe('smallLuma', () => {
  it('brings a 720×1280 frame to at most 256 px with whole boxes', () => {
    const { data, layout } = i420(() => 100, 720, 1280);
    const small = smallLuma(data, layout, 'I420', 720, 1280, 256);
    expect(boxSize(720, 1280, 256)).toBe(5);
    expect([small.width, small.height]).toEqual([144, 256]);
    expect(small.luma.length).toBe(144 * 256);
  });

  it('stretches limited-range Y (16–235) to full range', () => {
    for (const [value, expected] of [
      [0, 0],
      [255, 255],
      [128, 128],
    ] as const) {
      const { data, layout } = i420(() => value, 32, 32);
      expect(smallLuma(data, layout, 'I420', 32, 32, 16).luma.every((v) => Math.abs(v - expected) <= 1)).toBe(true);
    }
  });

  it('averages each box, and honours a row stride wider than the frame', () => {
    // Left half black, right half white; boxes of 2 straddle nothing, so values stay 0 and 255.
    const { data, layout } = i420((x) => (x < 16 ? 0 : 255), 32, 8, 48);
    const small = smallLuma(data, layout, 'NV12', 32, 8, 16);
    expect(small.width).toBe(16);
    expect([...small.luma.subarray(0, 16)]).toEqual([...Array(8).fill(0), ...Array(8).fill(255)]);
    // A box of 2 reads every pixel: every other column lit averages to half.
    const lines = i420((x) => (x % 2 === 0 ? 255 : 0), 32, 32);
    expect(smallLuma(lines.data, lines.layout, 'I420', 32, 32, 16).luma.every((v) => Math.abs(v - 127.5) <= 1)).toBe(true);
    // Larger boxes sample about three points across: a frame of 4×4 squares still averages to its mean.
    const squares = i420((x, y) => (((x >> 2) + (y >> 2)) % 2 ? 200 : 40), 720, 1280);
    const averaged = smallLuma(squares.data, squares.layout, 'I420', 720, 1280, 256).luma;
    const mean = averaged.reduce((sum, v) => sum + v, 0) / averaged.length;
    expect(Math.abs(mean - 120)).toBeLessThan(10);
  });

  it('reads packed RGB and BGR frames with the page’s luma weights', () => {
    const rgba = new Uint8Array(8 * 8 * 4);
    for (let p = 0; p < rgba.length; p += 4) rgba.set([200, 100, 50, 255], p);
    const bgra = new Uint8Array(rgba.length);
    for (let p = 0; p < rgba.length; p += 4) bgra.set([50, 100, 200, 255], p);
    const expected = (306 * 200 + 601 * 100 + 117 * 50 + 512) >> 10;
    expect(smallLuma(rgba, [{ offset: 0, stride: 32 }], 'RGBX', 8, 8, 4).luma.every((v) => v === expected)).toBe(true);
    expect(smallLuma(bgra, [{ offset: 0, stride: 32 }], 'BGRA', 8, 8, 4).luma.every((v) => v === expected)).toBe(true);
  });

  it('refuses formats it cannot read, so the canvas path takes them', () => {
    expect(supportsFormat(null)).toBe(false);
    expect(supportsFormat('I420P10')).toBe(false);
    expect(supportsFormat('I420')).toBe(true);
    expect(() => smallLuma(new Uint8Array(64), [{ offset: 0, stride: 8 }], 'I420P10', 8, 8, 4)).toThrow(/unsupported/);
  });

  it('keeps the footage hash: a photo captured this way hashes within a few bits of the full-size frame', () => {
    const file = resolve(process.cwd(), '../shared/media/images/bridge-mods/aaa-orig.jpg');
    const image = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: true });
    const full = lumaFromPixels(image.data, image.width, image.height);
    // Even dimensions, as video has.
    const width = image.width & ~1;
    const height = image.height & ~1;
    const { data, layout } = i420((x, y) => full[y * image.width + x]!, width, height);
    const small = smallLuma(data, layout, 'I420', width, height, 256);
    const distance = hammingDistance(
      hashFrame(Float32Array.from(small.luma), small.width, small.height).hash,
      hashFrame(full, image.width, image.height).hash,
    );
    // The tolerance the reference hashes are held to (matching allows 31).
    expect(distance).toBeLessThanOrEqual(10);
  });
});
