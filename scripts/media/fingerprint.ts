/** Fingerprints of media files in Node: the same hashing code the extension runs, fed by ffmpeg/jpeg-js. */
import { readFileSync } from 'node:fs';
import { hashFrame, VIDEO_MATCH, type FrameHash } from '../../lib/media/video';
import { decodeImage, decodeVideo, isImageFile } from './decode';

export interface FileFingerprint {
  file: string;
  kind: 'image' | 'video';
  frames: FrameHash[];
}

export function fingerprintFile(file: string, fps = VIDEO_MATCH.referenceFps): FileFingerprint {
  if (isImageFile(file)) {
    const image = decodeImage(file);
    return { file, kind: 'image', frames: [hashFrame(image.luma, image.width, image.height, 0)] };
  }
  const frames = decodeVideo(file, fps).map((f) => hashFrame(f.luma, f.width, f.height, Math.round(f.t * 1000) / 1000));
  return { file, kind: 'video', frames };
}

/** A media file, or a JSON fingerprint written by `media hash`. */
export function loadFingerprint(file: string, fps?: number): FileFingerprint {
  if (/\.jsonl?$/i.test(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8').trim().split('\n')[0]!) as FileFingerprint;
    if (!Array.isArray(parsed.frames)) throw new Error(`${file}: not a fingerprint (no frames)`);
    return parsed;
  }
  return fingerprintFile(file, fps);
}
