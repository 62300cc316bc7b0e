/**
 * Content Credentials of images the background fetched for hashing: Sanad's reader decides whether the
 * official SDK is asked at all, the SDK's verdict (the WASM the extension ships, run in Node) is what is
 * shown, and the line a person reads says valid with the signer, invalid with why, or nothing at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { carriesManifest, credentialsOfImage, invalidReason, signerName } from '../../lib/media/c2pa-fetched';
import { imageCredentialsLine } from '../../components/media-words';
import { formatOf, verifyFileCredentials } from '../../scripts/media/c2pa-official';
import { useLocale } from './support/i18n';

const C2PA = resolve(process.cwd(), '../shared/media/c2pa');
const FILES = readdirSync(C2PA).filter((f) => /\.(jpe?g|png|mp4)$/i.test(f));
const bytesOf = (file: string) => new Uint8Array(readFileSync(resolve(C2PA, file)));
const EXPECTED = (file: string) =>
  JSON.parse(readFileSync(resolve(C2PA, 'expected', `${file}.json`), 'utf8')) as { manifestStore: unknown; error?: string };
const sdk = (name: string) => (bytes: Uint8Array) => verifyFileCredentials(bytes, name);

describe('only files Sanad’s own reader finds a manifest in go to the SDK', () => {
  it.each(FILES)('%s: asks the SDK exactly when the SDK’s recorded answer has a manifest', async (file) => {
    const hasManifest = !!EXPECTED(file).manifestStore;
    expect(carriesManifest(bytesOf(file))).toBe(hasManifest);
    const verify = vi.fn(sdk(file));
    const shown = await credentialsOfImage(bytesOf(file), formatOf(file), verify);
    expect(verify).toHaveBeenCalledTimes(hasManifest ? 1 : 0);
    expect(shown === null).toBe(!hasManifest);
  });

  it('never asks it about a picture without credentials, nor about a cut-off file', async () => {
    const verify = vi.fn(sdk('x.jpg'));
    const plain = bytesOf('no_manifest.jpg');
    expect(await credentialsOfImage(plain, 'image/jpeg', verify)).toBeNull();
    expect(await credentialsOfImage(bytesOf('ai-generated.jpg').slice(0, 1000), 'image/jpeg', verify)).toBeNull();
    expect(verify).not.toHaveBeenCalled();
  });
});

describe('what the SDK says is what is shown', () => {
  beforeEach(() => useLocale('en'));

  it('ai-generated.jpg: valid, the signer named, on no trust list, made by a trained model', async () => {
    const c = (await credentialsOfImage(bytesOf('ai-generated.jpg'), 'image/jpeg', sdk('ai-generated.jpg')))!;
    expect(c).toMatchObject({ state: 'valid', sourceKind: 'ai-generated', signerTrusted: false });
    expect(signerName(c)).toBe('C2PA Signer, C2PA Test Signing Cert');
    expect(imageCredentialsLine(c)).toBe(
      'Content Credentials valid, signed by C2PA Signer, C2PA Test Signing Cert (on no trust list Sanad knows). ' +
        'AI-generated: an action says a trained model created it.',
    );
  });

  it('CA.jpg: valid, edited, no action says AI made it', async () => {
    const c = (await credentialsOfImage(bytesOf('CA.jpg'), 'image/jpeg', sdk('CA.jpg')))!;
    expect(imageCredentialsLine(c)).toMatch(/^Content Credentials valid, signed by .*No action says AI made it\.$/);
  });

  it.each(['ai-generated-tampered.jpg', 'XCA.jpg'])('%s: invalid because the picture changed, never AI or valid', async (file) => {
    const c = (await credentialsOfImage(bytesOf(file), 'image/jpeg', sdk(file)))!;
    expect(c.state).toBe('invalid');
    expect(invalidReason(c)).toBe('changed');
    const line = imageCredentialsLine(c)!;
    expect(line).toBe(
      'Content Credentials present but INVALID: the picture was changed after signing. What they claim cannot be relied on.',
    );
    expect(line).not.toMatch(/AI-generated|valid,|signed by/);
  });

  it('any scan-data byte of ai-generated.jpg flipped: invalid or unreadable, never valid', async () => {
    const original = bytesOf('ai-generated.jpg');
    // Bytes well past the manifest (APP11 sits near the start), spread over the picture.
    for (const at of [0.3, 0.5, 0.7, 0.9].map((f) => Math.floor(original.length * f))) {
      const bytes = original.slice();
      bytes[at]! ^= 0x10;
      const c = await credentialsOfImage(bytes, 'image/jpeg', sdk('flipped.jpg'));
      expect(c, `byte ${at}`).not.toBeNull();
      expect(['invalid', 'unreadable'], `byte ${at}`).toContain(c!.state);
      if (c!.state === 'invalid') expect(imageCredentialsLine(c!)).toMatch(/INVALID/);
    }
  });

  it('an SDK that fails or hangs gives "could not be checked", never valid', async () => {
    const bytes = bytesOf('ai-generated.jpg');
    const failed = (await credentialsOfImage(bytes, 'image/jpeg', () => Promise.reject(new Error('worker crashed'))))!;
    expect(failed.state).toBe('unreadable');
    expect(imageCredentialsLine(failed)).toBe(
      'Content Credentials found but could not be checked: worker crashed. Nothing can be concluded from them.',
    );
    const hung = (await credentialsOfImage(bytes, 'image/jpeg', () => new Promise(() => {}), 50))!;
    expect(hung.state).toBe('unreadable');
    expect(imageCredentialsLine(hung)).toMatch(/could not be checked: the Content Credentials check took over 0.05 s/);
  });

  it('a bad signature is named as such', () => {
    const c = {
      state: 'invalid' as const,
      signatureValid: false,
      hashesValid: true,
      signerTrusted: false,
      actions: [],
      sourceKind: 'none' as const,
      failures: [{ code: 'claimSignature.mismatch' }],
    };
    expect(invalidReason(c)).toBe('signature');
    expect(imageCredentialsLine(c)).toMatch(/INVALID: the signature does not validate\./);
    expect(imageCredentialsLine({ ...c, state: 'none' })).toBeNull();
  });

  it('reads in Arabic', async () => {
    useLocale('ar');
    const valid = (await credentialsOfImage(bytesOf('ai-generated.jpg'), 'image/jpeg', sdk('ai-generated.jpg')))!;
    const tampered = (await credentialsOfImage(bytesOf('ai-generated-tampered.jpg'), 'image/jpeg', sdk('t.jpg')))!;
    expect(imageCredentialsLine(valid)).toMatch(/^بيانات اعتماد المحتوى صالحة، وقّعها C2PA Signer.*الذكاء الاصطناعي/);
    expect(imageCredentialsLine(tampered)).toMatch(/غير صالحة: عُدّلت الصورة بعد توقيعها/);
  });
});
