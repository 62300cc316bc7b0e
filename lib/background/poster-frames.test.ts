import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { chunkedBody, MiB } from '../../tests/support/chunked-body';
import { isSiteImageUrl, loadImageInBrowser, PosterHasher } from './poster-frames';

describe('image hashing fetches only the sites’ image hosts', () => {
  it.each([
    ['an X photo', 'https://pbs.twimg.com/media/abc.jpg', true],
    ['a Facebook CDN subdomain', 'https://scontent.xx.fbcdn.net/v/t1.jpg', true],
    ['a YouTube thumbnail', 'https://i.ytimg.com/vi/Qm3sZ7yA1bE/hqdefault.jpg', true],
    ['loopback', 'https://127.0.0.1/admin.png', false],
    ['localhost', 'http://localhost:8787/x.png', false],
    ['a private address', 'https://192.168.1.1/router.png', false],
    ['plain http on an image host', 'http://pbs.twimg.com/media/abc.jpg', false],
    ['another port on an image host', 'https://pbs.twimg.com:8443/media/abc.jpg', false],
    ['a look-alike host', 'https://pbs.twimg.com.attacker.example/a.jpg', false],
    ['a host ending like one', 'https://evilfbcdn.net/a.jpg', false],
    ['a tracker', 'https://tracker.example/pixel.gif', false],
  ])('%s', (_, url, expected) => {
    expect(isSiteImageUrl(url)).toBe(expected);
  });

  it('never asks the loader for another address', async () => {
    const load = vi.fn(async (_url: string) => ({ pixels: new Uint8ClampedArray(64 * 64 * 4), width: 64, height: 64 }));
    const media = ['http://127.0.0.1:9/x.png', 'https://tracker.example/p.gif', 'https://pbs.twimg.com/media/a.jpg'].map((poster) => ({
      kind: 'video' as const,
      poster,
    }));
    await new PosterHasher(load).framesFor({ key: 'x:1', text: '', links: [], media });
    expect(load.mock.calls.map(([url]) => url)).toEqual(['https://pbs.twimg.com/media/a.jpg']);
  });
});

describe('a submitted post’s media carry the hashes of what they show', () => {
  it('hashes each medium’s poster or photo, without the lookup orientations, and leaves the others as they were', async () => {
    // A left-to-right ramp: a picture with structure enough for a hash of some quality.
    const pixels = new Uint8ClampedArray(64 * 64 * 4).map((_, i) => ((i >> 2) % 64) * 4);
    const load = vi.fn(async () => ({ pixels, width: 64, height: 64 }));
    const media = [
      { kind: 'video' as const, url: 'https://x.com/a/status/1', poster: 'https://pbs.twimg.com/media/a.jpg' },
      { kind: 'image' as const, url: 'https://tracker.example/p.gif' },
    ];
    const sent = await new PosterHasher(load).withFrames(media);
    expect(sent[1]).toEqual(media[1]);
    expect(sent[0]).toMatchObject({ ...media[0], frames: [{ t: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
    expect(sent[0]!.frames![0]).not.toHaveProperty('turned');
  });
});

describe('image bodies are read with a byte cap', () => {
  it('stops a chunked 200 MiB "image" at 8 MiB instead of reading it whole', async () => {
    const { response, pulled } = chunkedBody(200, { headers: { 'content-type': 'image/jpeg' } });
    vi.stubGlobal('fetch', async () => response);
    try {
      await expect(loadImageInBrowser('https://pbs.twimg.com/media/huge.jpg')).rejects.toThrow(/image too large/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(pulled.bytes).toBeLessThanOrEqual(10 * MiB);
  });
});

describe('Content Credentials of the images fetched for hashing', () => {
  const pixels = new Uint8ClampedArray(64 * 64 * 4).map((_, i) => ((i >> 2) % 64) * 4);
  const C2PA = `${process.cwd()}/../shared/media/c2pa`;
  const file = (name: string) => new Uint8Array(readFileSync(`${C2PA}/${name}`));
  const AI = 'https://pbs.twimg.com/media/ai.jpg';
  const PLAIN = 'https://pbs.twimg.com/media/plain.jpg';
  const post = (...urls: string[]) => ({ key: 'x:1', text: '', links: [], media: urls.map((url) => ({ kind: 'image' as const, url })) });
  const valid = {
    state: 'valid' as const,
    signatureValid: true,
    hashesValid: true,
    signerTrusted: false,
    actions: [],
    sourceKind: 'ai-generated' as const,
    failures: [],
  };

  it('asks the SDK once, only about the image that carries a manifest, and reports it for that post', async () => {
    const bytes: Record<string, Uint8Array> = { [AI]: file('ai-generated.jpg'), [PLAIN]: file('no_manifest.jpg') };
    const load = vi.fn(async (url: string) => ({ pixels, width: 64, height: 64, bytes: bytes[url], type: 'image/jpeg' }));
    const verify = vi.fn(async () => valid);
    const hasher = new PosterHasher(load, verify);
    // Nothing fetched yet: nothing is read, and nothing is fetched for it.
    expect(await hasher.credentialsFor(post(AI, PLAIN))).toEqual([]);
    expect(load).not.toHaveBeenCalled();
    await hasher.framesFor(post(AI, PLAIN));
    expect(await hasher.credentialsFor(post(AI, PLAIN))).toEqual([{ url: AI, verified: valid }]);
    await hasher.framesFor(post(AI));
    expect(await hasher.credentialsFor(post(AI))).toEqual([{ url: AI, verified: valid }]);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]).toEqual([bytes[AI], 'image/jpeg']);
    expect(await hasher.credentialsFor(post(PLAIN))).toEqual([]);
  });

  it('reads none without a verifier, or when the image could not be fetched', async () => {
    const bytes = file('ai-generated.jpg');
    const without = new PosterHasher(async () => ({ pixels, width: 64, height: 64, bytes, type: 'image/jpeg' }));
    await without.framesFor(post(AI));
    expect(await without.credentialsFor(post(AI))).toEqual([]);
    const verify = vi.fn(async () => valid);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = new PosterHasher(() => Promise.reject(new Error('HTTP 404')), verify);
    await failing.framesFor(post(AI));
    expect(await failing.credentialsFor(post(AI))).toEqual([]);
    expect(verify).not.toHaveBeenCalled();
  });
});
