/**
 * Decoding media files to luma frames in Node, the way a browser shows them. JPEG goes through libjpeg-turbo
 * (compiled to WASM: ISLOW IDCT and fancy upsampling, the decoder Chromium and the PDQ reference use; jpeg-js
 * and ffmpeg's own JPEG decoder land up to 10–12 bits off on small photos), and its EXIF orientation is
 * applied as browsers apply it. Everything else (PNG, WebP, GIF, video) is decoded by Debian's ffmpeg.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decode as decodeJpegTurbo } from '@cwasm/jpeg-turbo';
import { jpegExifOrientation, orientPlane } from '../../lib/media/orientation';
import { lumaFromPixels } from '../../lib/media/pdq';

export interface LumaFrame {
  t: number;
  luma: Float32Array;
  width: number;
  height: number;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|bmp)$/i;
export const isImageFile = (file: string) => IMAGE_EXTENSIONS.test(file);

function needFfmpeg(): void {
  const probe = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error("ffmpeg not found: `npm run system-deps ffmpeg` installs Debian's ffmpeg (sudo apt-get install -y ffmpeg)");
}

function probe(file: string): { width: number; height: number; frameRate: number } {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,avg_frame_rate', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  const [width, height, rate] = out.trim().split('\n')[0]!.split(',');
  const [num, den] = (rate ?? '').split('/').map(Number);
  if (!Number(width) || !Number(height)) throw new Error(`${file}: no video stream`);
  return { width: Number(width), height: Number(height), frameRate: num && den ? num / den : 30 };
}

export const videoFrameRate = (file: string): number => probe(file).frameRate;

/**
 * About `fps` frames a second, chosen by frame number (every round(frameRate / fps)-th frame, from frame 0),
 * as vPDQ does; ffmpeg's fps filter picks frames by timestamp and drifts on clips with B-frame reordering.
 */
export function decodeVideo(file: string, fps = 1): LumaFrame[] {
  needFfmpeg();
  const { width, height, frameRate } = probe(file);
  const every = Math.max(1, Math.round(frameRate / fps));
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-vf',
      `select=not(mod(n\\,${every}))`,
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 1 << 30 },
  );
  const frameBytes = width * height * 3;
  const frames: LumaFrame[] = [];
  for (let offset = 0, i = 0; offset + frameBytes <= raw.length; offset += frameBytes, i++) {
    frames.push({
      t: (i * every) / frameRate,
      luma: lumaFromPixels(raw.subarray(offset, offset + frameBytes), width, height, 3),
      width,
      height,
    });
  }
  return frames;
}

/** `display`: turned upright by EXIF as a browser shows it; `stored`: the pixels as stored (what the PDQ reference hashes). */
export type ImageOrientation = 'display' | 'stored';

/** libjpeg-turbo's decode of a JPEG as luma; null when it cannot (e.g. CMYK). */
function decodeJpeg(bytes: Uint8Array, orientation: ImageOrientation): LumaFrame | null {
  let image: { data: Uint8ClampedArray; width: number; height: number };
  try {
    image = decodeJpegTurbo(bytes);
  } catch {
    return null;
  }
  const exif = orientation === 'display' ? jpegExifOrientation(bytes) : 1;
  const upright = orientPlane(lumaFromPixels(image.data, image.width, image.height), image.width, image.height, exif);
  return { t: 0, luma: upright.plane, width: upright.width, height: upright.height };
}

export function decodeImage(file: string, orientation: ImageOrientation = 'display'): LumaFrame {
  if (/\.jpe?g$/i.test(file)) {
    const bytes = readFileSync(file);
    const decoded = decodeJpeg(bytes, orientation);
    if (decoded) return decoded;
    // CMYK and other JPEGs TurboJPEG will not turn into RGB: ffmpeg's decode (orientation still applied).
    const { luma, width, height } = decodeWithFfmpeg(file);
    const upright = orientPlane(luma, width, height, orientation === 'display' ? jpegExifOrientation(bytes) : 1);
    return { t: 0, luma: upright.plane, width: upright.width, height: upright.height };
  }
  return decodeWithFfmpeg(file);
}

function decodeWithFfmpeg(file: string): LumaFrame {
  needFfmpeg();
  const { width, height } = probe(file);
  // -noautorotate: orientation is ours to apply, once, the browser's way.
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-noautorotate', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    {
      maxBuffer: 1 << 28,
    },
  );
  return { t: 0, luma: lumaFromPixels(raw, width, height, 3), width, height };
}
