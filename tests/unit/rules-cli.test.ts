/** The maintainers' site rules commands end to end: keygen, build, sign, verify, and the refusals. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function rules(...args: string[]): { ok: boolean; out: string } {
  try {
    return {
      ok: true,
      out: execFileSync('npx', ['tsx', 'scripts/rules/cli.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    };
  } catch (error) {
    return { ok: false, out: String((error as { stderr?: string }).stderr) };
  }
}

describe('npm run rules', () => {
  it(
    'builds a pack from the bundled rule files, signs and verifies it; tampering, other keys and downgrades are refused',
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sanad-rules-'));
      expect(rules('keygen', '--out', dir).out).toMatch(/public key/);
      const built = rules('build', '--version', '4');
      expect(built.ok).toBe(true);
      const pack = JSON.parse(built.out) as { version: number; sites: { site: string; version: number }[] };
      expect(pack.version).toBe(4);
      expect(pack.sites.map((s) => s.site)).toEqual(['x', 'facebook', 'youtube', 'tiktok', 'instagram', 'telegram']);
      writeFileSync(join(dir, 'pack.json'), built.out);
      const signedOut = rules(
        'sign',
        '--key',
        join(dir, 'rules-private-key.txt'),
        '--public',
        join(dir, 'rules-public-key.txt'),
        join(dir, 'pack.json'),
      );
      writeFileSync(join(dir, 'signed.json'), signedOut.out);
      const publicKey = join(dir, 'rules-public-key.txt');
      expect(rules('verify', '--public', publicKey, join(dir, 'signed.json')).out).toMatch(
        /^ok: pack version 4 of \d{4}-\d\d-\d\dT[\d:.]+Z; site rules x 1, facebook 1, youtube 1, tiktok 2, instagram 1, telegram 1/,
      );
      expect(rules('verify', '--public', publicKey, '--last-version', '4', join(dir, 'signed.json'))).toEqual({
        ok: false,
        out: 'refused: the pack reuses version 4 with other content\n',
      });
      expect(rules('verify', '--public', publicKey, '--last-version', '5', join(dir, 'signed.json')).out).toMatch(
        /older than the accepted version 5/,
      );

      const tampered = JSON.parse(signedOut.out) as { sites: { selectors: Record<string, string[]> }[] };
      tampered.sites[0]!.selectors.post = ['article'];
      writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
      expect(rules('verify', '--public', publicKey, join(dir, 'tampered.json')).out).toMatch(/^refused: bad signature/);

      const other = join(dir, 'other');
      rules('keygen', '--out', other);
      expect(rules('verify', '--public', join(other, 'rules-public-key.txt'), join(dir, 'signed.json')).out).toMatch(
        /signed with another key/,
      );
    },
  );

  it('builds only the sites named, and refuses to build rules Sanad would refuse', { timeout: 60_000 }, () => {
    const one = JSON.parse(rules('build', '--version', '2', '--site', 'facebook').out) as { sites: { site: string }[] };
    expect(one.sites.map((s) => s.site)).toEqual(['facebook']);
    expect(rules('build', '--version', '2', '--site', 'myspace')).toEqual({ ok: false, out: expect.stringMatching(/no site myspace/) });
    expect(rules('build', '--version', '0').out).toMatch(/--version must be a whole number/);

    const dir = mkdtempSync(join(tmpdir(), 'sanad-rules-dir-'));
    cpSync('lib/sites/facebook/rules.json', join(dir, 'facebook', 'rules.json'), { recursive: true });
    const broken = JSON.parse(readFileSync(join(dir, 'facebook', 'rules.json'), 'utf8')) as { patterns: Record<string, string> };
    broken.patterns.groupPath = '^(/[a-z]+)+$';
    writeFileSync(join(dir, 'facebook', 'rules.json'), JSON.stringify(broken));
    expect(rules('build', '--version', '2', '--site', 'facebook', '--rules-dir', dir).out).toMatch(/catastrophic backtracking/);
  });
});
