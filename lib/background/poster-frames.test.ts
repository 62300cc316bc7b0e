import { describe, expect, it, vi } from 'vitest';
import { isSiteImageUrl, PosterHasher } from './poster-frames';

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
