/**
 * EXIF orientation, applied as browsers display it. A browser's decoder (`createImageBitmap`, `<img>`) turns a
 * phone photo upright from its EXIF tag, so the page's hash is of the upright picture; a desk's CLI must turn
 * it the same way or the two hashes land 120+ bits apart. Pure: the CLI reads the tag from the file bytes.
 */

/** EXIF orientation 1–8 (1: as stored) of a JPEG file; 1 when there is no readable tag. */
export function jpegExifOrientation(bytes: Uint8Array): number {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 1;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return 1; // image data starts: no EXIF before it
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return 1;
    const body = at + 4;
    if (marker === 0xe1 && at + 2 + length <= bytes.length && isExifHeader(bytes, body))
      return tiffOrientation(bytes.subarray(body + 6, at + 2 + length));
    at += 2 + length;
  }
  return 1;
}

const isExifHeader = (b: Uint8Array, at: number) =>
  b[at] === 0x45 && b[at + 1] === 0x78 && b[at + 2] === 0x69 && b[at + 3] === 0x66 && b[at + 4] === 0 && b[at + 5] === 0;

/** Tag 0x0112 of IFD0 in a TIFF block; 1 when absent or out of range. */
function tiffOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return 1;
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let e = 0; e < count; e++) {
    const entry = ifd + 2 + e * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/**
 * A plane (one value per pixel) as displayed under EXIF `orientation`: 2 mirrored, 3 rotated 180°, 4 upside
 * down, 5 transposed, 6 rotated 90° clockwise, 7 anti-transposed, 8 rotated 90° anticlockwise.
 */
export function orientPlane(
  plane: Float32Array,
  width: number,
  height: number,
  orientation: number,
): { plane: Float32Array; width: number; height: number } {
  if (orientation <= 1 || orientation > 8) return { plane, width, height };
  const swap = orientation >= 5;
  const outW = swap ? height : width;
  const outH = swap ? width : height;
  const out = new Float32Array(plane.length);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [width - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [width - 1 - x, height - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, height - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, height - 1 - x];
          break;
        case 7:
          [sx, sy] = [width - 1 - y, height - 1 - x];
          break;
        default: // 8
          [sx, sy] = [width - 1 - y, x];
      }
      out[y * outW + x] = plane[sy * width + sx]!;
    }
  }
  return { plane: out, width: outW, height: outH };
}
