/**
 * Fact-checker media tools, the pure parts: the C2PA summary of what the official SDK (c2pa-rs WASM, the one
 * @contentauth/c2pa-web ships) said about each shared fixture; the reverse-search hand-off; keyframes picked
 * from real decoded clips by PDQ distance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { summariseManifestStore } from '../../lib/media/c2pa-verified';
import { handOffWords, verdictLine } from '../../components/media-words';
import { useLocale } from './support/i18n';
import { KeyframePicker } from '../../lib/media/keyframes';
import { pdqFromLuma } from '../../lib/media/pdq';
import { ENGINES, handOff } from '../../lib/media/reverse-search';
import { decodeVideo } from '../../scripts/media/decode';

const MEDIA = resolve(process.cwd(), '../shared/media');
const expected = (file: string) => {
  const e = JSON.parse(readFileSync(resolve(MEDIA, 'c2pa/expected', `${file}.json`), 'utf8')) as { manifestStore: unknown; error?: string };
  return summariseManifestStore(e.manifestStore, e.error ?? undefined);
};

describe('C2PA summary of the SDK’s answer', () => {
  beforeEach(() => useLocale('en'));
  it('ai-generated.jpg: valid, signer untrusted, made by a trained model', () => {
    const c = expected('ai-generated.jpg');
    expect(c).toMatchObject({ state: 'valid', signatureValid: true, hashesValid: true, signerTrusted: false, sourceKind: 'ai-generated' });
    expect(c.claimGenerator).toBe('Sanad test fixture 1.0');
    expect(c.signer).toMatchObject({ issuer: 'C2PA Test Signing Cert', commonName: 'C2PA Signer' });
    expect(verdictLine(c)).toMatch(/^Valid Content Credentials \(signed, but the signer is on no trust list.*AI-generated/);
  });
  it('the tampered copies are invalid, with the hash mismatch named, and never called AI or valid', () => {
    for (const file of ['ai-generated-tampered.jpg', 'XCA.jpg']) {
      const c = expected(file);
      expect(c.state).toBe('invalid');
      expect(c.hashesValid).toBe(false);
      expect(c.failures.map((f) => f.code)).toContain('assertion.dataHash.mismatch');
      expect(verdictLine(c)).toMatch(/INVALID/);
      expect(verdictLine(c)).not.toMatch(/AI-generated|Valid Content/);
    }
  });
  it('C.jpg is algorithmic, not a trained model; CA.jpg is edited with no AI; video1.mp4 is valid', () => {
    expect(expected('C.jpg')).toMatchObject({ state: 'valid', sourceKind: 'algorithmic' });
    const ca = expected('CA.jpg');
    expect(ca).toMatchObject({ state: 'valid', sourceKind: 'none' });
    expect(ca.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['c2pa.opened', 'c2pa.color_adjustments']));
    expect(expected('video1.mp4')).toMatchObject({ state: 'valid', signatureValid: true, hashesValid: true });
  });
  it('says the same in Arabic: valid and AI-made, invalid never called valid or AI, no manifest proves nothing', () => {
    useLocale('ar');
    expect(verdictLine(expected('ai-generated.jpg'))).toBe(
      'بيانات اعتماد محتوى صالحة (موقّعة، لكن جهة التوقيع ليست في أي قائمة ثقة يعرفها سند). مولَّد بالذكاء الاصطناعي: أحد الإجراءات يقول إن نموذجًا مدرَّبًا أنشأه.',
    );
    const invalid = verdictLine(expected('ai-generated-tampered.jpg'));
    expect(invalid).toMatch(/^بيانات اعتماد المحتوى موجودة لكنها غير صالحة/);
    expect(invalid).not.toMatch(/صالحة \(|الذكاء الاصطناعي/);
    expect(verdictLine(expected('no_manifest.jpg'))).toMatch(/^لا بيانات اعتماد للمحتوى/);
    expect(handOffWords('tineye', handOff('tineye', undefined))).toEqual({
      button: 'افتح TinEye لرفعها',
      explain: 'هذه اللقطة ليست على عنوان عام، فلا يستطيع TinEye جلبها: احفظها ثم ارفعها في صفحة TinEye (لا يرسل سند شيئًا).',
    });
  });
  it('no_manifest.jpg has no credentials; an SDK failure is "unreadable", not "none"', () => {
    expect(expected('no_manifest.jpg').state).toBe('none');
    expect(verdictLine(expected('no_manifest.jpg'))).toMatch(/^No Content Credentials/);
    expect(summariseManifestStore(null, 'C2pa(InvalidAsset)').state).toBe('unreadable');
  });
});

describe('reverse image search hand-off', () => {
  beforeEach(() => useLocale('en'));
  it('sends a public image’s address only, to each engine', () => {
    const src = 'https://pbs.twimg.com/media/a b.jpg?x=1&y=2';
    for (const engine of ENGINES) {
      const h = handOff(engine, src);
      expect(h.kind).toBe('url');
      if (h.kind !== 'url') continue;
      expect(h.sends).toBe(new URL(src).href);
      expect(h.open).toContain(encodeURIComponent(new URL(src).href));
      expect(new URL(h.open).protocol).toBe('https:');
    }
    expect(handOff('tineye', src).open.startsWith('https://tineye.com/search?url=')).toBe(true);
  });
  it('a keyframe (data: or blob:) must be uploaded by the person: the engine’s page opens with nothing sent', () => {
    for (const src of ['data:image/jpeg;base64,AAAA', 'blob:https://x.com/123', undefined]) {
      const h = handOff('google', src);
      expect(h).toMatchObject({ kind: 'upload', open: 'https://lens.google.com/' });
      expect(handOffWords('google', h).explain).toMatch(/not at a public address/);
    }
  });
});

describe('keyframes by PDQ distance', () => {
  const hashes = (file: string, offset = 0) =>
    decodeVideo(resolve(MEDIA, 'videos', file), 2).map((f) => ({ t: f.t + offset, ...pdqFromLuma(f.luma, f.width, f.height) }));

  it('keeps few frames of one shot and finds the cut into another clip', () => {
    const door = hashes('doorknob-hd-no-bar.mp4');
    const picker = new KeyframePicker();
    door.forEach((f) => picker.offer(f));
    const within = picker.keyframes.length;
    expect(within).toBeGreaterThanOrEqual(1);
    expect(within).toBeLessThan(door.length);
    const pattern = hashes('pattern-hd-no-bar.mp4', 100);
    const kept = pattern.filter((f) => picker.offer(f));
    // The first frame after the cut is a new scene.
    expect(kept[0]?.t).toBe(pattern.find((f) => f.quality >= 50)?.t);
    // Playing the first clip again adds nothing.
    expect(door.filter((f) => picker.offer(f))).toEqual([]);
  }, 120_000); // two HD clips decoded by ffmpeg and hashed frame by frame: over 30 s on a loaded 2-core machine
  it('stops at its cap', () => {
    const picker = new KeyframePicker(0, 2);
    const f = (hash: string) => ({ t: 0, hash, quality: 100 });
    expect([f('0'.repeat(64)), f('f'.repeat(64)), f('0f'.repeat(32))].map((x) => picker.offer(x))).toEqual([true, true, false]);
    expect(picker.full).toBe(true);
  });
});
