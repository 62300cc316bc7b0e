/**
 * Exchange with other PDQ tools: Meta's own vPDQ output for the shared clips (../shared/media/vpdq-hashes)
 * is read as a list and matched by our hashes of the clips; what we export reads back as it was.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPdqList, formatVpdqList, parsePdqList } from '@/lib/media/pdq-lists';
import { compareVideos, VIDEO_MATCH, type FrameHash } from '@/lib/media/video';
import { fingerprintFile, loadFingerprint } from '@/scripts/media/fingerprint';

const MEDIA = resolve(process.cwd(), '../shared/media');
const HASH = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';

describe('PDQ and vPDQ lists', () => {
  it('reads both formats, comments and blank lines aside', () => {
    expect(parsePdqList(`# exported\n${HASH},100,bridge.jpg\n\n${HASH.toUpperCase()},87\n`)).toEqual({
      format: 'pdq',
      frames: [
        { t: 0, hash: HASH, quality: 0, pdq: HASH, pdqQuality: 100 },
        { t: 0, hash: HASH, quality: 0, pdq: HASH, pdqQuality: 87 },
      ],
    });
    expect(parsePdqList(`0,100,${HASH},0.000\n30,64,${HASH},1.001\n`).frames.map((f) => [f.t, f.pdqQuality])).toEqual([
      [0, 100],
      [1.001, 64],
    ]);
  });

  it.each([
    ['', /empty/],
    [`${HASH},101`, /line 1: quality must be 0–100/],
    [`${HASH},100\nnot a hash,100`, /line 2: expected hash,quality/],
    [`0,100,${HASH}`, /line 1: expected frame_number,quality,hash,timestamp_seconds/],
    [`0,100,${HASH},-1`, /line 1: bad timestamp/],
  ])('refuses %j with a clear error', (text, error) => {
    expect(() => parsePdqList(text)).toThrow(error);
  });

  it('writes what it reads', () => {
    const frames: FrameHash[] = [
      { t: 0, hash: HASH, quality: 100, pdq: HASH, pdqQuality: 100 },
      { t: 1, hash: HASH, quality: 100 }, // written before plain PDQ: nothing to export
      { t: 2.5, hash: HASH, quality: 90, pdq: HASH, pdqQuality: 93 },
    ];
    expect(formatPdqList(frames, 'a,b.jpg')).toBe(`${HASH},100,a_b.jpg\n${HASH},93,a_b.jpg\n`);
    const vpdq = formatVpdqList(frames, 30);
    expect(vpdq).toBe(`0,100,${HASH},0.000\n75,93,${HASH},2.500\n`);
    expect(parsePdqList(vpdq).frames.map((f) => [f.t, f.pdq, f.pdqQuality])).toEqual([
      [0, HASH, 100],
      [2.5, HASH, 93],
    ]);
  });
});

describe("Meta's vPDQ hashes of the shared clips, imported", () => {
  const files = ['chair-19-sd-bar', 'chair-20-sd-bar', 'pattern-hd-no-bar', 'pattern-sd-grey-bar', 'doorknob-hd-no-bar'];
  const scene = (f: string) => f.split('-')[0];
  const imported: Record<string, FrameHash[]> = {};
  const ours: Record<string, FrameHash[]> = {};
  beforeAll(() => {
    for (const f of files) {
      imported[f] = loadFingerprint(resolve(MEDIA, 'vpdq-hashes', `${f}.txt`)).frames;
      ours[f] = fingerprintFile(resolve(MEDIA, 'videos', `${f}.mp4`), VIDEO_MATCH.queryFps).frames;
    }
  }, 300_000);

  it('our plain PDQ of each clip matches its own vPDQ list, and never another scene', () => {
    for (const q of files) {
      for (const r of files) {
        const result = compareVideos(ours[q]!, imported[r]!);
        if (q === r) expect(result.match, `${q} vs vPDQ ${r}`).toBe(true);
        else if (scene(q) !== scene(r)) expect(result.queryShare, `${q} vs vPDQ ${r}`).toBe(0);
        // Other versions of one scene carry other bars, which plain PDQ does not trim: no promise there.
      }
    }
  });

  it(
    'media hash --format vpdq writes the lines vPDQ writes, each frame of quality ≥ 80 within 10 bits of what vPDQ wrote',
    { timeout: 120_000 },
    () => {
      const out = execFileSync(
        'npx',
        ['tsx', 'scripts/media/cli.ts', 'hash', '--fps', '2', '--format', 'vpdq', resolve(MEDIA, 'videos/pattern-hd-no-bar.mp4')],
        { encoding: 'utf8' },
      );
      const ourList = parsePdqList(out);
      expect(ourList.format).toBe('vpdq');
      const reference = new Map(
        readFileSync(resolve(MEDIA, 'vpdq-hashes/pattern-hd-no-bar.txt'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split(','))
          .map(([frame, , hash]) => [Number(frame), hash!]),
      );
      const ourLines = out.trim().split('\n');
      expect(ourLines.length).toBeGreaterThanOrEqual(4);
      const usable = ourLines.filter((line) => Number(line.split(',')[1]) >= 80); // the PDQ bar's quality
      expect(usable.length).toBeGreaterThanOrEqual(2);
      for (const line of usable) {
        const [frame, , hash] = line.split(',');
        const theirs = reference.get(Number(frame));
        expect(theirs, `frame ${frame}`).toBeDefined();
        let bits = 0;
        for (let i = 0; i < 64; i++) bits += (parseInt(hash![i]!, 16) ^ parseInt(theirs![i]!, 16)).toString(2).replace(/0/g, '').length;
        expect(bits, `frame ${frame}`).toBeLessThanOrEqual(10);
      }
    },
  );
});
