// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/unit/support/files';
import { readPosts } from '@/tests/unit/support/sites';
import { xAdapter } from './adapter';

const PAGE = new URL('https://x.com/home');

const posts = () => readPosts(xAdapter, PAGE);

describe('X adapter on the saved home timeline', () => {
  beforeEach(() => {
    loadFixture('x/home-timeline.html');
  });

  it('finds every post with its permalink, author, time and text', () => {
    const all = posts();
    expect(all).toHaveLength(10);
    expect(all.every((p) => p && p.permalink?.startsWith('https://x.com/') && p.key.startsWith('x:') && p.time && p.text.length > 20)).toBe(
      true,
    );
    expect(all[2]).toMatchObject({
      key: 'x:2009512270941053184',
      permalink: 'https://x.com/halab_alaan/status/2009512270941053184',
      author: 'halab_alaan',
      time: '2026-01-09T04:31:00.000Z',
      text: 'شاهد.. لحظة أسر جنود من الجيش السوري على يد مقاتلي قسد في الشيخ مقصود',
    });
  });

  it('reads videos with their posters, and no media where there is none', () => {
    const all = posts();
    expect(all.map((p) => p!.media.length)).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
    expect(all[0]!.media[0]).toEqual({
      kind: 'video',
      url: 'https://x.com/north_news_net/status/2009600418830295040',
      poster: 'https://pbs.twimg.com/ext_tw_video_thumb/2009600418830295040/pu/img/demo1.jpg',
    });
  });

  it('reads the expanded URL of t.co links and ignores hashtag links', () => {
    const all = posts();
    expect(all[6]!.links).toEqual(['https://www.youtube.com/watch?v=Qm3sZ7yA1bE']);
    expect(all[0]!.links).toEqual([]);
    expect(all[0]!.text).toContain('#حلب_الآن');
  });

  it('places the badge in the header row, outside the text and the media', () => {
    const article = document.querySelector('article[data-testid="tweet"]')!;
    const placement = xAdapter.badgePlacement(article)!;
    expect(placement.parent.getAttribute('data-testid')).toBe('User-Name');
    // An author line: the badge must not make it (and the post) taller.
    expect(placement.inLine).toBe(true);
    expect(placement.parent.closest('[data-testid="tweetText"], [data-testid="videoComponent"]')).toBeNull();
  });

  it('reads only the outer post when it quotes another one', () => {
    const article = document.querySelectorAll('article[data-testid="tweet"]')[1]!;
    const quote = document.createElement('div');
    quote.setAttribute('role', 'link');
    quote.innerHTML =
      '<div data-testid="tweetText">quoted text</div><a href="/other/status/1"><time datetime="2020-01-01T00:00:00Z">x</time></a>';
    article.querySelector('[data-testid="tweetText"]')!.after(quote);
    const post = xAdapter.extract(article, PAGE)!;
    expect(post.text).not.toContain('quoted text');
    expect(post.key).toBe('x:2010377514392154112');
  });

  it('skips a skeleton with nothing to read', () => {
    document.body.innerHTML = '<article data-testid="tweet"><div></div></article>';
    expect(posts()).toEqual([null]);
  });

  it('reads a status page: the post without the tweet it quotes, and the reply under it', () => {
    loadFixture('x/status.html');
    const all = readPosts(xAdapter, 'https://x.com/halab_alaan/status/2009512270941053184');
    expect(all.map((p) => p!.key)).toEqual(['x:2009512270941053184', 'x:2009530000000000001']);
    expect(all[0]!.text).toBe('شاهد.. لحظة أسر جنود من الجيش السوري على يد مقاتلي قسد في الشيخ مقصود');
    expect(all[0]!.text).not.toContain('الأشرفية'); // the quoted tweet's words
    expect(all[1]!.author).toBe('aleppo_resident');
  });
});
