/**
 * Sanad's plain PDQ against Meta's reference C++ hasher (`../shared/media/pdq-ref`, research data kept outside
 * the repository): every CSV row, decoded as the CLI decodes it, with the bit distance. The exif-rotn photos
 * are checked twice: as stored against the reference (which ignores EXIF), and turned upright against the
 * reference hash of the upright copy (what a browser shows, and what the CLI hashes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hammingDistance, pdqFromLuma } from '../../lib/media/pdq';
import { decodeImage, type ImageOrientation } from './decode';

export const PDQ_REFERENCE_DIR = resolve(import.meta.dirname, '../../../shared/media/pdq-ref');

export interface ReferenceRow {
  set: string;
  file: string;
  orientation: ImageOrientation;
  reference: { hash: string; quality: number };
  ours: { hash: string; quality: number };
  distance: number;
}

function readCsv(path: string): { hash: string; quality: number; file: string }[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [hash, quality, file] = line.split(',');
      if (!hash || !/^[0-9a-f]{64}$/.test(hash) || !file) throw new Error(`${path}: bad line ${line}`);
      return { hash, quality: Number(quality), file };
    });
}

export function referenceSets(dir = PDQ_REFERENCE_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => f.slice(0, -4))
    .sort();
}

export function compareWithReference(set: string, dir = PDQ_REFERENCE_DIR): ReferenceRow[] {
  const rows = readCsv(resolve(dir, `${set}.csv`));
  const hash = (file: string, orientation: ImageOrientation) => {
    const image = decodeImage(resolve(dir, file), orientation);
    return pdqFromLuma(image.luma, image.width, image.height);
  };
  const out: ReferenceRow[] = rows.map((ref) => {
    const ours = hash(ref.file, 'stored');
    return { set, file: ref.file, orientation: 'stored', reference: ref, ours, distance: hammingDistance(ours.hash, ref.hash) };
  });
  if (set === 'exif-rotn') {
    // exif-rotn-N.jpg turned upright ↔ exif-upright/exif-rotn-N-upright.jpg
    const upright = new Map(readCsv(resolve(dir, 'exif-upright.csv')).map((r) => [r.file.replace(/^.*\/|-upright(?=\.jpg$)/g, ''), r]));
    for (const ref of rows) {
      const target = upright.get(ref.file.split('/').pop()!);
      if (!target) continue;
      const ours = hash(ref.file, 'display');
      out.push({
        set: 'exif-rotn shown upright',
        file: ref.file,
        orientation: 'display',
        reference: target,
        ours,
        distance: hammingDistance(ours.hash, target.hash),
      });
    }
  }
  return out;
}

/** min/median/max of the distances, over rows whose reference quality is at least `minQuality`. */
export function distanceSummary(
  rows: readonly ReferenceRow[],
  minQuality = 80,
): { count: number; min: number; median: number; max: number } {
  const d = rows
    .filter((r) => r.reference.quality >= minQuality)
    .map((r) => r.distance)
    .sort((a, b) => a - b);
  return { count: d.length, min: d[0] ?? NaN, median: d[(d.length - 1) >> 1] ?? NaN, max: d.at(-1) ?? NaN };
}
