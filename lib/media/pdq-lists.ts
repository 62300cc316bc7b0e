/**
 * Plain PDQ and vPDQ hash lists, as other PDQ tools write them (ThreatExchange's `pdq-photo-hasher`,
 * vPDQ, Hasher-Matcher-Actioner exports), read into frames and written from them, so a desk can exchange
 * lists with partners. Formats, one hash a line:
 *   PDQ:  `hash,quality[,name]`
 *   vPDQ: `frame_number,quality,hash,timestamp_seconds`
 * Pure; bad lines are reported with their number, never silently dropped.
 */
import type { FrameHash } from './video';

const HEX64 = /^[0-9a-fA-F]{64}$/;

export type PdqListFormat = 'pdq' | 'vpdq';

export interface PdqList {
  format: PdqListFormat;
  /** Frames with only a plain PDQ hash: Sanad's trimmed hash is unknown, so its quality is 0 (never compared). */
  frames: FrameHash[];
}

const plainFrame = (t: number, hash: string, quality: number): FrameHash => ({
  t,
  hash: hash.toLowerCase(),
  quality: 0,
  pdq: hash.toLowerCase(),
  pdqQuality: quality,
});

function readQuality(field: string | undefined, line: number): number {
  const quality = Number(field);
  if (!Number.isInteger(quality) || quality < 0 || quality > 100) throw new Error(`line ${line}: quality must be 0–100, got ${field}`);
  return quality;
}

/** Reads a PDQ or vPDQ list (the format is told by the first line). Throws on the first bad line. */
export function parsePdqList(text: string): PdqList {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ text: l.trim(), number: i + 1 }))
    .filter((l) => l.text && !l.text.startsWith('#'));
  if (!lines.length) throw new Error('empty hash list');
  const format: PdqListFormat = HEX64.test(lines[0]!.text.split(',')[0]!) ? 'pdq' : 'vpdq';
  const frames = lines.map(({ text: line, number }) => {
    const fields = line.split(',');
    if (format === 'pdq') {
      if (fields.length < 2 || !HEX64.test(fields[0]!))
        throw new Error(`line ${number}: expected hash,quality[,name], got ${line.slice(0, 80)}`);
      return plainFrame(0, fields[0]!, readQuality(fields[1], number));
    }
    if (fields.length !== 4 || !HEX64.test(fields[2]!))
      throw new Error(`line ${number}: expected frame_number,quality,hash,timestamp_seconds, got ${line.slice(0, 80)}`);
    const t = Number(fields[3]);
    if (!Number.isFinite(t) || t < 0) throw new Error(`line ${number}: bad timestamp ${fields[3]}`);
    return plainFrame(t, fields[2]!, readQuality(fields[1], number));
  });
  return { format, frames };
}

/** Frames with a plain PDQ hash as a PDQ list (`hash,quality,name`); frames without one are left out. */
export function formatPdqList(frames: readonly FrameHash[], name: string): string {
  return frames
    .filter((f) => f.pdq)
    .map((f) => `${f.pdq},${f.pdqQuality ?? 0},${name.replace(/[,\n\r]/g, '_')}\n`)
    .join('');
}

/** Frames as a vPDQ list; `frameRate` turns timestamps into the frame numbers vPDQ writes. */
export function formatVpdqList(frames: readonly FrameHash[], frameRate: number): string {
  return frames
    .filter((f) => f.pdq)
    .map((f) => `${Math.round(f.t * frameRate)},${f.pdqQuality ?? 0},${f.pdq},${f.t.toFixed(3)}\n`)
    .join('');
}
