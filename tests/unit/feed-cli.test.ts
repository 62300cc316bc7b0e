/** The publisher commands end to end: keygen, build, sign, verify, and refusal of a tampered feed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const feed = (...args: string[]) =>
  execFileSync('npx', ['tsx', 'scripts/feed/cli.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run feed', () => {
  it('builds, signs and verifies a feed from the bundled ClaimReview list; a tampered copy is refused', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-feed-'));
    expect(feed('keygen', '--out', dir)).toMatch(/public key/);
    writeFileSync(
      join(dir, 'feed.json'),
      feed(
        'build',
        '--publisher',
        'مسبار (Misbar)',
        '--url',
        'https://misbar.com',
        '--feed-url',
        'https://misbar.example/sanad.json',
        '--sequence',
        '1',
        'public/default-debunks.json',
      ),
    );
    writeFileSync(
      join(dir, 'signed.json'),
      feed('sign', '--key', join(dir, 'feed-private-key.txt'), '--public', join(dir, 'feed-public-key.txt'), join(dir, 'feed.json')),
    );
    expect(feed('verify', '--public', join(dir, 'feed-public-key.txt'), join(dir, 'signed.json'))).toMatch(
      /^ok: 2 debunks, 0 tombstones, 0 items skipped, signed by مسبار \(Misbar\)/,
    );

    const signed = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8'));
    signed.items[0].reviewRating.alternateName = 'True';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(signed));
    expect(() => feed('verify', '--public', join(dir, 'feed-public-key.txt'), join(dir, 'tampered.json'))).toThrow(/bad signature/);
  });

  it('refuses to build from a file with unusable items, naming them', { timeout: 30_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanad-feed-'));
    writeFileSync(join(dir, 'bad.jsonl'), '{"@type":"ClaimReview","claimReviewed":"ok"}\n{"@type":"ClaimReview"}\n');
    expect(() =>
      feed('build', '--publisher', 'Desk', '--feed-url', 'https://desk.example/feed.json', '--sequence', '1', join(dir, 'bad.jsonl')),
    ).toThrow(/item 2: no claimReviewed text/);
  });
});
