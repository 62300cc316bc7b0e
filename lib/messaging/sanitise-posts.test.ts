import { describe, expect, it } from 'vitest';
import { POST_LIMITS, sanitisePosts } from './sanitise-posts';

const post = (extra: Record<string, unknown> = {}) => ({ key: 'x:1', text: 'نص المنشور', links: [], media: [], ...extra });

describe('sanitisePosts: posts from content scripts', () => {
  it('keeps a well-formed post as it is', () => {
    const clean = {
      key: 'x:1',
      text: 'a post',
      permalink: 'https://x.com/someone/status/1',
      author: 'someone',
      time: '2026-01-09T10:00:00.000Z',
      links: ['https://youtu.be/hK9fL2xQw0E'],
      media: [{ kind: 'video', url: 'https://x.com/someone/status/1', poster: 'https://pbs.twimg.com/p.jpg' }],
    };
    expect(sanitisePosts([clean])).toEqual([clean]);
  });

  it('refuses anything but an array, and drops items that are not posts', () => {
    expect(() => sanitisePosts({ posts: [] })).toThrow(/array/);
    expect(sanitisePosts([null, 42, 'post', [], { text: 'no key' }, { key: '' }, post()])).toEqual([post()]);
  });

  it('cuts oversized text and caps the counts', () => {
    const [clean] = sanitisePosts([
      post({
        key: 'k'.repeat(1_000),
        text: 'a'.repeat(50_000),
        author: 'b'.repeat(1_000),
        links: Array(100).fill('https://a.example/'),
        media: Array(100).fill({ kind: 'image', url: 'https://a.example/p.jpg' }),
      }),
    ]);
    expect(clean!.key).toHaveLength(POST_LIMITS.key);
    expect(clean!.text).toHaveLength(POST_LIMITS.text);
    expect(clean!.author).toHaveLength(POST_LIMITS.author);
    expect(clean!.links).toHaveLength(POST_LIMITS.links);
    expect(clean!.media).toHaveLength(POST_LIMITS.media);
    expect(sanitisePosts(Array(500).fill(post()))).toHaveLength(POST_LIMITS.posts);
  });

  it('drops links that are not http(s) URLs, the permalink first of all (the popup shows it as a link)', () => {
    const [clean] = sanitisePosts([
      post({
        permalink: 'javascript:alert(document.domain)',
        links: [
          'javascript:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          '/relative',
          'https://ok.example/a',
          `https://long.example/${'a'.repeat(POST_LIMITS.url)}`,
        ],
        media: [
          { kind: 'video', url: 'blob:https://x.com/1', poster: 'javascript:alert(1)' },
          { kind: 'image', url: 'https://ok.example/p.jpg' },
          { kind: 'script', url: 'https://ok.example/' },
        ],
      }),
    ]);
    expect(clean).not.toHaveProperty('permalink');
    expect(clean!.links).toEqual(['https://ok.example/a']);
    expect(clean!.media).toEqual([{ kind: 'video' }, { kind: 'image', url: 'https://ok.example/p.jpg' }]);
  });

  it('drops fields of the wrong type', () => {
    const [clean] = sanitisePosts([
      { key: 'x:1', text: 42, permalink: { href: 'https://x.com/' }, author: ['a'], time: 0, links: 'https://x.com/', media: {} },
    ]);
    expect(clean).toEqual({ key: 'x:1', text: '', links: [], media: [] });
  });
});
