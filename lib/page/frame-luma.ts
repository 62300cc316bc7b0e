/**
 * A small luma plane from a decoded video frame's raw planes (what `VideoFrame.copyTo` gives). YUV frames
 * carry luma already in their first plane, so no colour conversion is needed: a box average down to at most
 * `maxSide` pixels is all the page's thread does. Pure: tested in Node.
 */

export interface PlaneLayoutLike {
  offset: number;
  stride: number;
}

export interface SmallLuma {
  width: number;
  height: number;
  /** Full-range luma bytes (0–255), row by row. */
  luma: Uint8Array;
}

/** Formats whose first plane is luma (Y), in the limited range 16–235 that video uses. */
const YUV_FORMATS = new Set(['I420', 'I420P10', 'I420A', 'I422', 'I444', 'NV12']);
/** Packed 8-bit RGB formats, and where red and blue sit in each 4-byte pixel. */
const RGB_FORMATS: Record<string, { r: number; b: number }> = {
  RGBA: { r: 0, b: 2 },
  RGBX: { r: 0, b: 2 },
  BGRA: { r: 2, b: 0 },
  BGRX: { r: 2, b: 0 },
};

export function supportsFormat(format: string | null): boolean {
  return !!format && (YUV_FORMATS.has(format) || format in RGB_FORMATS) && format !== 'I420P10';
}

/** The integer box size that brings the longer side to at most `maxSide`. */
export const boxSize = (width: number, height: number, maxSide: number) => Math.max(1, Math.ceil(Math.max(width, height) / maxSide));

/**
 * Averages the frame's luma over boxes of `boxSize` in each direction (sampling about three points across).
 * `data` holds the planes as laid out by `layout` (only the first plane is read for YUV).
 */
export function smallLuma(
  data: Uint8Array,
  layout: readonly PlaneLayoutLike[],
  format: string,
  width: number,
  height: number,
  maxSide: number,
): SmallLuma {
  if (!supportsFormat(format)) throw new Error(`unsupported frame format ${format}`);
  const k = boxSize(width, height, maxSide);
  const outW = Math.floor(width / k);
  const outH = Math.floor(height / k);
  if (!outW || !outH) throw new Error(`frame too small (${width}×${height})`);
  const { offset, stride } = layout[0]!;
  // About three samples across each box, whatever the frame's size: the hash averages far more than that
  // later (64×64 in the end), and reading every pixel of a 720p frame would cost the page ~1.5 ms.
  const step = Math.max(1, Math.floor(k / 2));
  const samples = Math.ceil(k / step) ** 2;
  const sums = new Uint32Array(outW);
  const luma = new Uint8Array(outW * outH);
  const rgb = RGB_FORMATS[format];
  for (let oy = 0; oy < outH; oy++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy += step) {
      const row = offset + (oy * k + dy) * stride;
      if (rgb) {
        // Integer BT.601 weights in 1/1024ths, as the canvas path computes them.
        for (let ox = 0; ox < outW; ox++) {
          let s = 0;
          for (let dx = 0, p = row + ox * k * 4; dx < k; dx += step, p += step * 4)
            s += 306 * data[p + rgb.r]! + 601 * data[p + 1]! + 117 * data[p + rgb.b]!;
          sums[ox]! += s;
        }
      } else {
        for (let ox = 0; ox < outW; ox++) {
          let s = 0;
          for (let dx = 0, p = row + ox * k; dx < k; dx += step, p += step) s += data[p]!;
          sums[ox]! += s;
        }
      }
    }
    const base = oy * outW;
    if (rgb) {
      for (let ox = 0; ox < outW; ox++) luma[base + ox] = (sums[ox]! / samples + 512) >> 10;
    } else {
      // Limited-range Y (16–235) stretched to full range, so both paths give the same scale.
      for (let ox = 0; ox < outW; ox++) {
        const y = ((sums[ox]! / samples - 16) * 255) / 219;
        luma[base + ox] = y < 0 ? 0 : y > 255 ? 255 : Math.round(y);
      }
    }
  }
  return { width: outW, height: outH, luma };
}
