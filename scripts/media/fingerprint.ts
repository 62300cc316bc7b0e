/** Fingerprints of media files in Node: the same hashing code the extension runs, fed by ffmpeg/jpeg-js. */
import { readFileSync } from 'node:fs';
import { parsePdqList } from '../../lib/media/pdq-lists';
import { hashFrame, VIDEO_MATCH, type FrameHash, type HashFrameOptions } from '../../lib/media/video';
import { decodeImage, decodeVideo, isImageFile, videoFrameRate } from './decode';

export interface FileFingerprint {
  file: string;
  kind: 'image' | 'video';
  frames: FrameHash[];
  /** Videos: frames a second of the file (for vPDQ frame numbers). */
  frameRate?: number;
}

export function fingerprintFile(file: string, fps = VIDEO_MATCH.referenceFps, options: HashFrameOptions = {}): FileFingerprint {
  if (isImageFile(file)) {
    const image = decodeImage(file);
    return { file, kind: 'image', frames: [hashFrame(image.luma, image.width, image.height, 0, options)] };
  }
  // Video frames' plain PDQ as vPDQ computes it, so `--format vpdq` lists exchange with vPDQ's.
  const frames = decodeVideo(file, fps).map((f) =>
    hashFrame(f.luma, f.width, f.height, Math.round(f.t * 1000) / 1000, { ...options, videoFrame: true }),
  );
  return { file, kind: 'video', frames, frameRate: videoFrameRate(file) };
}

/**
 * A media file, a JSON fingerprint written by `media hash`, or a plain PDQ/vPDQ hash list from another tool
 * (`.csv`/`.txt`: its frames carry only the plain PDQ hash).
 */
export function loadFingerprint(file: string, fps?: number, options: HashFrameOptions = {}): FileFingerprint {
  if (/\.(csv|txt)$/i.test(file)) {
    let list;
    try {
      list = parsePdqList(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { file, kind: list.format === 'vpdq' ? 'video' : 'image', frames: list.frames };
  }
  if (/\.jsonl?$/i.test(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8').trim().split('\n')[0]!) as FileFingerprint;
    if (!Array.isArray(parsed.frames)) throw new Error(`${file}: not a fingerprint (no frames)`);
    return parsed;
  }
  return fingerprintFile(file, fps, options);
}
