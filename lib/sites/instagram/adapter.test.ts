// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/unit/support/files';
import { loadRealPage } from '@/tests/unit/support/real-pages';
import { readPosts } from '@/tests/unit/support/sites';
import { instagramAdapter } from './adapter';

const posts = (page: string) => readPosts(instagramAdapter, page);

describe('Instagram adapter', () => {
  it('reads the home feed: permalinks, authors, times, captions with hashtags', () => {
    loadFixture('instagram/feed.html');
    const all = posts('https://www.instagram.com/');
    expect(all).toHaveLength(3);
    expect(all.map((p) => [p!.key, p!.author, p!.time])).toEqual([
      ['instagram:DTd3Kq0AbCx', 'aljazeeraenglish', '2026-01-09T08:02:11.000Z'],
      ['instagram:DTc9Wx1sQ2e', 'sham.news.now', '2026-01-09T05:40:00.000Z'],
      ['instagram:DTbQ7mN0rT4', 'halab.today', '2026-01-08T19:15:00.000Z'],
    ]);
    expect(all[0]!.text).toBe('Families return to Sheikh Maqsoud in Aleppo as the ceasefire holds. #Syria #Aleppo');
    expect(all[1]!.text).toBe(
      'فيديو يظهر أسرى من عناصر الجيش السوري على أيدي قوات سوريا الديمقراطية قسد في مدينة حلب بعد اشتباكات اليوم #حلب #سوريا',
    );
    expect(all[1]!.permalink).toBe('https://www.instagram.com/reel/DTc9Wx1sQ2e/');
  });

  it('reads photos without the avatar, and the reel as a video', () => {
    loadFixture('instagram/feed.html');
    const all = posts('https://www.instagram.com/');
    expect(all[0]!.media).toEqual([
      {
        kind: 'image',
        url: 'https://scontent-fra3-1.cdninstagram.com/v/t51.29350-15/472001122_1122334455_n.jpg?stp=dst-jpg_e35_p1080x1080&_nc_ht=scontent-fra3-1.cdninstagram.com',
      },
    ]);
    expect(all[1]!.media).toEqual([{ kind: 'video', url: 'https://www.instagram.com/reel/DTc9Wx1sQ2e/' }]);
  });

  // A real post page (2025: no <article>, no caption h1; ../shared/real-dom): the post, not its comments or the
  // "more posts" under it. It replaced a fixture written from memory with both.
  it('reads a real post page: the post with its caption, not its comments or the "more posts"', () => {
    loadRealPage('instagram/post-comments-ptbr-2025.html');
    const all = posts('https://www.instagram.com/p/DOs7hevjbX3/?igsh=abc').filter(Boolean);
    expect(all).toHaveLength(1);
    const [post] = all;
    expect(post).toMatchObject({
      key: 'instagram:DOs7hevjbX3',
      permalink: 'https://www.instagram.com/p/DOs7hevjbX3/',
      author: 'thiago.nigro',
    });
    expect(post!.text).toContain('Não faz sentido financiar um carro de luxo');
    expect(post!.media.length).toBeGreaterThan(0);
    // Two of its 15 comments, which are on the page but never in the post.
    expect(document.body.textContent).toContain('Tem que desenhar pro povo entender');
    expect(post!.text).not.toContain('Tem que desenhar pro povo entender');
    expect(post!.text).not.toContain('Meu carro valorizou em 7 anos');
  });

  it('falls back to the page address when the post shows no dated link, and skips skeletons', () => {
    document.body.innerHTML = '<main><article><h1 dir="auto">نص</h1></article><article><div></div></article></main>';
    const all = posts('https://www.instagram.com/reel/DCxR4pQsK9m/');
    expect(all[0]).toMatchObject({ key: 'instagram:DCxR4pQsK9m', permalink: 'https://www.instagram.com/reel/DCxR4pQsK9m/' });
    expect(posts('https://www.instagram.com/')).toEqual([expect.objectContaining({ text: 'نص' }), null]);
  });

  it('places the badge after the time in the header, outside the media and the caption', () => {
    loadFixture('instagram/feed.html');
    const post = document.querySelector('article')!;
    const placement = instagramAdapter.badgePlacement(post)!;
    expect(placement.parent.querySelector('time')).not.toBeNull();
    expect(placement.parent.closest('._aagu, ._aacu')).toBeNull();
    expect(placement.parent.querySelector('img, video')).toBeNull();
  });
});
