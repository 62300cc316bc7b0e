/**
 * `npm run media -- c2pa` checks Content Credentials with the official CAI SDK (the WASM the media tools page
 * ships), run in Node: on every file of ../shared/media/c2pa it gives exactly the summary of what that SDK
 * answered when the fixtures were made (`expected/`), and the command says valid, invalid and none in words
 * that never call an invalid manifest proof of anything.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseManifestStore } from '../../lib/media/c2pa-verified';
import { verifyFileCredentials } from '../../scripts/media/c2pa-official';

const C2PA = resolve(process.cwd(), '../shared/media/c2pa');
const FILES = readdirSync(resolve(C2PA, 'expected')).map((f) => f.replace(/\.json$/, ''));

describe('the official SDK in Node', () => {
  it.each(FILES)('%s: the same summary as the SDK gave for the fixture', async (file) => {
    const e = JSON.parse(readFileSync(resolve(C2PA, 'expected', `${file}.json`), 'utf8')) as { manifestStore: unknown; error?: string };
    const got = await verifyFileCredentials(readFileSync(resolve(C2PA, file)), file);
    expect(got).toEqual(summariseManifestStore(e.manifestStore, e.error ?? undefined));
  });

  it('a truncated or corrupted file is reported unreadable or invalid, never valid, and never throws', async () => {
    const bytes = readFileSync(resolve(C2PA, 'ai-generated.jpg'));
    for (const cut of [0, 2, 100, 1000, Math.floor(bytes.length / 2)]) {
      const got = await verifyFileCredentials(bytes.subarray(0, cut), 'cut.jpg');
      expect(['unreadable', 'invalid', 'none'], `cut at ${cut}`).toContain(got.state);
    }
    const flipped = Uint8Array.from(bytes);
    for (let i = 2000; i < flipped.length; i += 997) flipped[i] = flipped[i]! ^ 0xff;
    expect(['unreadable', 'invalid']).toContain((await verifyFileCredentials(flipped, 'flipped.jpg')).state);
  });
});

describe('npm run media -- c2pa', () => {
  const run = (...args: string[]) =>
    execFileSync('npx', ['tsx', 'scripts/media/cli.ts', 'c2pa', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('says valid, invalid and none in plain words, one line per file', () => {
    const lines = run(...['ai-generated.jpg', 'ai-generated-tampered.jpg', 'no_manifest.jpg'].map((f) => resolve(C2PA, f)))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ai-generated\.jpg: Valid Content Credentials \(signed, but the signer is on no trust list .*AI-generated/);
    expect(lines[0]).toContain('Signer: C2PA Signer, issued by C2PA Test Signing Cert.');
    expect(lines[1]).toMatch(/ai-generated-tampered\.jpg: Content Credentials present but INVALID/);
    expect(lines[1]).toContain('Failures: assertion.dataHash.mismatch.');
    // An invalid manifest's claims are not repeated as if they held.
    expect(lines[1]).not.toMatch(/AI-generated|Valid Content|Generator:/);
    expect(lines[2]).toMatch(/no_manifest\.jpg: No Content Credentials/);
  });

  it('--json keeps the feed’s contentCredentials fields and adds the SDK’s verdict', () => {
    const out = JSON.parse(run('--json', resolve(C2PA, 'ai-generated-tampered.jpg'))) as Record<string, unknown>;
    expect(out).toMatchObject({ present: true, sourceKind: 'ai-generated', dataHashCheck: 'mismatch' });
    expect(out.verified).toMatchObject({ state: 'invalid', hashesValid: false, signatureValid: true });
  });
});
