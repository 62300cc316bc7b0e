/**
 * Video fingerprints on the ThreatExchange clips in ../shared/media/videos (decoded with Debian's ffmpeg):
 * every chair-* version matches every other, pattern-* match each other, nothing matches across scenes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareVideos, framesMatch, uniqueFrames, VIDEO_MATCH, type FrameHash } from '@/lib/media/video';
import { fingerprintFile } from '@/scripts/media/fingerprint';

const VIDEOS = resolve(process.cwd(), '../shared/media/videos');
const files = readdirSync(VIDEOS)
  .filter((f) => f.endsWith('.mp4'))
  .sort();
const scene = (file: string) => file.split('-')[0]!; // chair, pattern, doorknob, test
const reference: Record<string, FrameHash[]> = {};
const query: Record<string, FrameHash[]> = {};

beforeAll(() => {
  for (const file of files) {
    reference[file] = fingerprintFile(resolve(VIDEOS, file), VIDEO_MATCH.referenceFps).frames;
    query[file] = fingerprintFile(resolve(VIDEOS, file), VIDEO_MATCH.queryFps).frames;
  }
}, 400_000);

const pairs = files.flatMap((q) => files.filter((r) => r !== q).map((r) => [q, r] as const));

describe('video fingerprints on the shared clips', () => {
  it('samples, trims and de-duplicates frames', () => {
    const chair = reference['chair-19-sd-bar.mp4']!;
    expect(chair.length).toBeGreaterThan(150); // 18.8 s at 10 frames a second
    expect(uniqueFrames(chair).length).toBeGreaterThan(100);
    expect(query['chair-19-sd-bar.mp4']!.length).toBe(19);
    // The grey-bar and no-bar versions of the pattern clip hash alike only because the bars are trimmed.
    expect(framesMatch(query['pattern-sd-grey-bar.mp4']![0]!, query['pattern-hd-no-bar.mp4']![0]!)).toBe(true);
  });

  it.each(pairs.filter(([q, r]) => scene(q) === scene(r)))('%s matches %s', (q, r) => {
    const result = compareVideos(query[q]!, reference[r]!);
    expect(result.match).toBe(true);
    expect(result.queryShare).toBeGreaterThanOrEqual(0.8);
  });

  it.each(pairs.filter(([q, r]) => scene(q) !== scene(r)))('%s does not match %s', (q, r) => {
    const result = compareVideos(query[q]!, reference[r]!);
    expect(result).toEqual({ queryShare: 0, referenceShare: 0, match: false });
  });
});

describe('npm run media (the publisher command)', () => {
  const run = (...args: string[]) => execFileSync('npx', ['tsx', 'scripts/media/cli.ts', ...args], { encoding: 'utf8' });

  it('hash prints one JSON line with the frames', { timeout: 30_000 }, () => {
    const out = JSON.parse(run('hash', resolve(process.cwd(), '../shared/media/images/bridge-mods/aaa-orig.jpg')));
    expect(out.kind).toBe('image');
    expect(out.frames).toHaveLength(1);
    expect(out.frames[0]).toMatchObject({ t: 0, quality: 100, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('match compares a query with several references', { timeout: 60_000 }, () => {
    const out = JSON.parse(
      run(
        'match',
        '--against',
        resolve(VIDEOS, 'pattern-hd-no-bar.mp4'),
        resolve(VIDEOS, 'doorknob-hd-no-bar.mp4'),
        '--query',
        resolve(VIDEOS, 'pattern-sd-grey-bar.mp4'),
      ),
    );
    expect(out.matches.map((m: { match: boolean }) => m.match)).toEqual([true, false]);
    expect(out.matches[0]).toMatchObject({ queryShare: 1, referenceShare: expect.any(Number) });
  });

  it('says what is wrong with a bad call', { timeout: 30_000 }, () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/media/cli.ts', 'match', '--query'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /usage: media match/,
    );
  });
});

describe('the media index (what the background searches)', () => {
  it('finds exactly what pairwise comparison finds, across all clips at once', { timeout: 60_000 }, async () => {
    const { buildMediaIndex, MediaIndex } = await import('@/lib/media/media-index');
    const index = new MediaIndex(buildMediaIndex(files.map((f) => [{ kind: 'video' as const, frames: reference[f]! }])));
    for (const q of files) {
      const found = index.lookup(query[q]!);
      for (const [doc, r] of files.entries()) {
        const expected = compareVideos(query[q]!, reference[r]!);
        const hit = found.find((m) => m.doc === doc);
        expect(hit?.match ?? false, `${q} vs ${r}`).toBe(expected.match);
        expect(hit?.queryShare ?? 0, `${q} vs ${r}`).toBeCloseTo(expected.queryShare, 6);
        expect(hit?.referenceShare ?? 0, `${q} vs ${r}`).toBeCloseTo(expected.referenceShare, 6);
      }
    }
  });

  it('matches a single poster frame of one chair version against another version', async () => {
    const { buildMediaIndex, MediaIndex } = await import('@/lib/media/media-index');
    const index = new MediaIndex(
      buildMediaIndex([
        [{ kind: 'video', frames: reference['chair-19-sd-bar.mp4']! }],
        [{ kind: 'video', frames: reference['doorknob-hd-no-bar.mp4']! }],
      ]),
    );
    const poster = query['chair-22-with-large-logo-bar.mp4']![5]!;
    expect(index.lookup([poster])).toMatchObject([{ doc: 0, match: true, queryShare: 1 }]);
    expect(index.lookup([query['pattern-hd-no-bar.mp4']![2]!])).toEqual([]);
  });
});
