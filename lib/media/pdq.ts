/**
 * PDQ perceptual image hashing (Meta ThreatExchange), in TypeScript: 256-bit hash and quality from pixels.
 * Follows the reference algorithm step by step: luma, two passes of a Jarosz box filter sized for a 64×64
 * decimation, DCT of the 64×64 to 16×16 (skipping the DC row/column), bit = coefficient > median.
 * Pure and allocation-light: runs in Node, workers and the extension's service worker.
 */

/** Two images match at Hamming distance ≤ 31 (the reference threshold). */
export const PDQ_MATCH_DISTANCE = 31;
/** Hashes of lower quality (flat or near-flat images) are not used for matching. */
export const PDQ_MIN_QUALITY = 50;

export interface PdqHash {
  /** 64 hex characters, in the reference's word order (word 15 first). */
  hash: string;
  /** 0…100: how much gradient the image has. */
  quality: number;
}

const LUMA = { r: 0.299, g: 0.587, b: 0.114 };

/** Luma of interleaved RGBA (canvas ImageData) or RGB pixels. */
export function lumaFromPixels(pixels: ArrayLike<number>, width: number, height: number, channels: 3 | 4 = 4): Float32Array {
  const luma = new Float32Array(width * height);
  for (let i = 0, p = 0; i < luma.length; i++, p += channels) {
    luma[i] = LUMA.r * pixels[p]! + LUMA.g * pixels[p + 1]! + LUMA.b * pixels[p + 2]!;
  }
  return luma;
}

/** The reference's "box1DFloat": a moving average whose window shrinks at the edges. */
function box1D(input: Float32Array, output: Float32Array, start: number, length: number, stride: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = length - window;
  const phase4 = half - 1;
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let size = 0;
  const f = Math.fround; // the reference accumulates in 32-bit floats
  for (let i = 0; i < phase1; i++) {
    sum = f(sum + input[ri]!);
    size++;
    ri += stride;
  }
  for (let i = 0; i < phase2; i++) {
    sum = f(sum + input[ri]!);
    size++;
    output[oi] = sum / size;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase3; i++) {
    sum = f(f(sum + input[ri]!) - input[li]!);
    output[oi] = sum / size;
    li += stride;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase4; i++) {
    sum = f(sum - input[li]!);
    size--;
    output[oi] = sum / size;
    li += stride;
    oi += stride;
  }
}

const jaroszWindow = (dimension: number) => Math.floor((dimension + 2 * 64 - 1) / (2 * 64));

/**
 * box1D down every column at once, row by row: the same float operations in the same order per column as
 * box1D with a stride (so the same bits), but reading memory in order, ~3× faster on a 512×512 plane.
 */
function boxColumns(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number, sums: Float32Array): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  let ri = 0; // row index of the leading edge
  let li = 0; // of the trailing edge
  let oi = 0; // of the output
  let size = 0;
  const f = Math.fround; // as box1D: 32-bit float sums, rounded after each step
  sums.fill(0);
  for (let i = 0; i < phase1; i++, ri++, size++) for (let c = 0; c < cols; c++) sums[c] = f(sums[c]! + input[ri * cols + c]!);
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    size++;
    for (let c = 0; c < cols; c++) {
      const sum = f(sums[c]! + input[ri * cols + c]!);
      sums[c] = sum;
      output[oi * cols + c] = sum / size;
    }
  }
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    for (let c = 0; c < cols; c++) {
      const sum = f(f(sums[c]! + input[ri * cols + c]!) - input[li * cols + c]!);
      sums[c] = sum;
      output[oi * cols + c] = sum / size;
    }
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    size--;
    for (let c = 0; c < cols; c++) {
      const sum = f(sums[c]! - input[li * cols + c]!);
      sums[c] = sum;
      output[oi * cols + c] = sum / size;
    }
  }
}

/** Two passes of row then column box filters, in place in `luma`. */
function jaroszFilter(luma: Float32Array, rows: number, cols: number): void {
  const temp = new Float32Array(luma.length);
  const alongRows = jaroszWindow(cols);
  const alongCols = jaroszWindow(rows);
  const sums = new Float32Array(cols);
  for (let pass = 0; pass < 2; pass++) {
    for (let r = 0; r < rows; r++) box1D(luma, temp, r * cols, cols, 1, alongRows);
    boxColumns(temp, luma, rows, cols, alongCols, sums);
  }
}

function decimate64(luma: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) {
    const ini = Math.floor(((i + 0.5) * rows) / 64);
    for (let j = 0; j < 64; j++) {
      const inj = Math.floor(((j + 0.5) * cols) / 64);
      out[i * 64 + j] = luma[ini * cols + inj]!;
    }
  }
  return out;
}

function quality64(b: Float32Array): number {
  let gradient = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) gradient += Math.abs(Math.trunc(((b[i * 64 + j]! - b[(i + 1) * 64 + j]!) * 100) / 255));
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) gradient += Math.abs(Math.trunc(((b[i * 64 + j]! - b[i * 64 + j + 1]!) * 100) / 255));
  }
  return Math.min(100, Math.trunc(gradient / 90));
}

// DCT matrix, 16×64: D[i][j] = sqrt(2/64) · cos(π/128 · (i+1) · (2j+1)); row i+1 skips the DC term.
const DCT = (() => {
  const d = new Float32Array(16 * 64);
  const scale = Math.sqrt(2 / 64);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) d[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  return d;
})();

function dct64To16(b: Float32Array): Float32Array {
  const temp = new Float32Array(16 * 64); // D · B
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum += DCT[i * 64 + k]! * b[k * 64 + j]!;
      temp[i * 64 + j] = sum;
    }
  }
  const out = new Float32Array(256); // (D · B) · Dᵀ
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum += temp[i * 64 + k]! * DCT[j * 64 + k]!;
      out[i * 16 + j] = sum;
    }
  }
  return out;
}

function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  // The reference's Torben median returns the lower middle element for even counts.
  return sorted[(sorted.length - 1) >> 1]!;
}

/** Bits → hex in the reference's layout: bit k lives in 16-bit word k>>4, words printed 15 down to 0. */
function bitsToHex(coefficients: Float32Array, threshold: number): string {
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) if (coefficients[k]! > threshold) words[k >> 4]! |= 1 << (k & 15);
  let hex = '';
  for (let w = 15; w >= 0; w--) hex += words[w]!.toString(16).padStart(4, '0');
  return hex;
}

/** The reference hasher squashes any image larger than this (either side) to this square, by nearest pixel. */
export const PDQ_MAX_DIMENSION = 512;

/**
 * The reference's pre-resize (CImg `resize(512, 512)`, nearest neighbour, aspect not kept: source pixel
 * `floor(x·W/512)`, `floor(y·H/512)`). Emulating it exactly is what makes our hashes those of other PDQ tools:
 * an aspect-keeping box average lands 4–14 bits away on large photos.
 */
export function referenceResize(luma: Float32Array, width: number, height: number): { luma: Float32Array; width: number; height: number } {
  const size = PDQ_MAX_DIMENSION;
  if (width <= size && height <= size) return { luma, width, height };
  const out = new Float32Array(size * size);
  const columns = new Int32Array(size);
  for (let x = 0; x < size; x++) columns[x] = Math.floor((x * width) / size);
  for (let y = 0; y < size; y++) {
    const row = Math.floor((y * height) / size) * width;
    for (let x = 0; x < size; x++) out[y * size + x] = luma[row + columns[x]!]!;
  }
  return { luma: out, width: size, height: size };
}

/**
 * Box-averages a luma plane down so its long side is `max` (Sanad's own trimmed frame hash works at 256 px;
 * plain PDQ uses `referenceResize` instead).
 */
export function downsampleLuma(
  luma: Float32Array,
  width: number,
  height: number,
  max: number,
): { luma: Float32Array; width: number; height: number } {
  if (Math.max(width, height) <= max) return { luma, width, height };
  const scale = max / Math.max(width, height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += luma[yy * width + xx]!;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { luma: out, width: w, height: h };
}

/** The 16×16 DCT (row i = vertical frequency i+1, column j = horizontal frequency j+1) and quality of a plane. */
export interface PdqTransform {
  coefficients: Float32Array;
  quality: number;
}

/** Jarosz filters, 64×64 decimation and DCT of a plane already at hashing size (filtered in place). */
export function pdqTransform(luma: Float32Array, width: number, height: number): PdqTransform {
  if (width < 1 || height < 1 || luma.length !== width * height) throw new Error(`PDQ: bad image size ${width}×${height}`);
  jaroszFilter(luma, height, width);
  const b64 = decimate64(luma, height, width);
  return { coefficients: dct64To16(b64), quality: quality64(b64) };
}

export const hashFromCoefficients = (coefficients: Float32Array): string => bitsToHex(coefficients, median(coefficients));

/**
 * Plain PDQ of a luma plane, as the reference C++ hasher computes it: its 512×512 pre-resize of large images,
 * then the filters, DCT and median threshold. May filter `fullLuma` in place when it is small.
 */
export function pdqFromLuma(fullLuma: Float32Array, fullWidth: number, fullHeight: number): PdqHash {
  if (fullWidth < 1 || fullHeight < 1 || fullLuma.length !== fullWidth * fullHeight)
    throw new Error(`PDQ: bad image size ${fullWidth}×${fullHeight}`);
  const { luma, width, height } = referenceResize(fullLuma, fullWidth, fullHeight);
  const { coefficients, quality } = pdqTransform(luma, width, height);
  return { hash: hashFromCoefficients(coefficients), quality };
}

/**
 * The eight orientations of an image, as transforms of its DCT (the reference's "dihedral" hashes): a
 * mirror x → W-1-x multiplies frequency u by (-1)^u, a transpose swaps the two frequencies. Order: as is,
 * rotated 90° clockwise, 180°, 270°, mirrored left-right, upside down, transposed, anti-transposed.
 */
export const ORIENTATIONS = ['original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'transpose', 'antiTranspose'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Coefficient (i, j) of the image turned by `orientation`, from the original's coefficients. */
export function orientCoefficients(c: Float32Array, orientation: Orientation): Float32Array {
  const out = new Float32Array(256);
  // Frequencies are i+1 and j+1: an even index is an odd frequency, whose sign a mirror flips.
  const odd = (k: number) => (k & 1) === 0;
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const same = c[i * 16 + j]!;
      const swapped = c[j * 16 + i]!;
      let v: number;
      switch (orientation) {
        case 'original':
          v = same;
          break;
        case 'flipX':
          v = odd(j) ? -same : same;
          break;
        case 'flipY':
          v = odd(i) ? -same : same;
          break;
        case 'rotate180':
          v = odd(i) !== odd(j) ? -same : same;
          break;
        case 'transpose':
          v = swapped;
          break;
        case 'rotate90': // transpose, then mirror left-right
          v = odd(j) ? -swapped : swapped;
          break;
        case 'rotate270': // transpose, then upside down
          v = odd(i) ? -swapped : swapped;
          break;
        case 'antiTranspose': // transpose, then 180°
          v = odd(i) !== odd(j) ? -swapped : swapped;
          break;
      }
      out[i * 16 + j] = v;
    }
  }
  return out;
}

/** The hashes of all eight orientations, in ORIENTATIONS order (each thresholded at its own median). */
export const dihedralHashes = (coefficients: Float32Array): string[] =>
  ORIENTATIONS.map((o) => hashFromCoefficients(orientCoefficients(coefficients, o)));

/**
 * How far, in root-mean-square coefficients, the two coefficients that choose the upright orientation may
 * move between copies of one picture and still be looked up: frames of the shared clips that match within
 * 31 bits moved them at most 0.98 (the large-logo version), so 1.5 leaves a margin.
 */
export const UPRIGHT_SLACK = 1.5;

/**
 * The upright orientation of an image, one for all eight of its turns, so a stored frame is kept once and a
 * mirrored or rotated query finds it without looking up all eight: the turn whose coefficients a = (2, 1)
 * and b = (1, 2) (vertical, horizontal frequency) satisfy a ≥ b ≥ 0. The eight turns map (a, b) to the eight
 * sign and order patterns of (±a, ±b) and (±b, ±a), so exactly one lands there, and that one is the same
 * picture whichever turn of it came in. First in the result; after it the turns that miss the cone by at most
 * `slack` RMS coefficients (which a slightly different copy may have chosen), nearest first.
 */
export function uprightOrientations(coefficients: Float32Array, slack = 0): Orientation[] {
  let energy = 0;
  for (let k = 0; k < 256; k++) energy += coefficients[k]! * coefficients[k]!;
  const rms = Math.sqrt(energy / 256) || 1;
  const margins = ORIENTATIONS.map((orientation) => {
    const c = orientCoefficients(coefficients, orientation);
    const a = c[16]!;
    const b = c[1]!;
    return { orientation, margin: Math.min(b, a - b) / rms };
  }).sort((x, y) => y.margin - x.margin);
  return margins.filter((m, k) => k === 0 || m.margin >= -slack).map((m) => m.orientation);
}

export function pdqFromPixels(pixels: ArrayLike<number>, width: number, height: number, channels: 3 | 4 = 4): PdqHash {
  if (pixels.length < width * height * channels) throw new Error(`PDQ: bad image size ${width}×${height} for ${pixels.length} values`);
  return pdqFromLuma(lumaFromPixels(pixels, width, height, channels), width, height);
}

const POPCOUNT4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** Hamming distance of two 64-hex-character hashes. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i++) d += POPCOUNT4[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  return d;
}
