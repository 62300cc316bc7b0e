/** Decoding media files to luma frames in Node: JPEG with jpeg-js, everything else with Debian's ffmpeg. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
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

export function decodeImage(file: string): LumaFrame {
  if (/\.jpe?g$/i.test(file)) {
    const image = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { t: 0, luma: lumaFromPixels(image.data, image.width, image.height), width: image.width, height: image.height };
  }
  needFfmpeg();
  const { width, height } = probe(file);
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 1 << 28,
  });
  return { t: 0, luma: lumaFromPixels(raw, width, height, 3), width, height };
}
