// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/unit/support/files';
import { readPosts } from '@/tests/unit/support/sites';
import { facebookAdapter, unwrapFacebookLink } from './adapter';

const posts = (page: string) => readPosts(facebookAdapter, page);

describe('Facebook adapter on the saved News Feed', () => {
  it('finds the five posts, not the comment under one of them', () => {
    loadFixture('facebook/feed.html');
    const all = posts('https://www.facebook.com/');
    expect(all).toHaveLength(5);
    expect(all.map((p) => p!.key)).toEqual([
      'facebook:post:pfbid02hQq3WzG5xYr7LmNnP1kTb8dDeVfHsJgKqRtUuVwXyZaB4cC6eE8iI9oO1l',
      'facebook:video:1187422085649913',
      'facebook:post:pfbid0Zk2qTr8xWv',
      'facebook:post:pfbid02Lm8pQxYz',
      'facebook:video:1294417788213356',
    ]);
    expect(all.map((p) => p!.author)).toEqual([
      'سوريا الآن Syria Now',
      'Al Jazeera Channel قناة الجزيرة',
      'Omar Haddad',
      'Reuters',
      'Aleppo Today',
    ]);
    expect(all[3]!.text).toBe(
      'The Syrian Arab Red Crescent says 10,000 people left Sheikh Maqsoud in two hours as the ceasefire held. reuters.com/world/middle-east/aleppo-ceasefire-2026-01-09',
    );
    expect(all[3]!.text).not.toContain('هروب'); // the comment's text
  });

  it('reads the Arabic post, the video with its poster and the reel', () => {
    loadFixture('facebook/feed.html');
    const all = posts('https://www.facebook.com/');
    expect(all[0]!.text).toBe('مشهد مسرب لهروب جماعي للقوات والميليشيات الإيرانية في ريف حلب خلال المعارك الأخيرة مع المعارضة');
    expect(all[0]!.media).toEqual([]);
    expect(all[1]!.media).toEqual([
      {
        kind: 'video',
        url: 'https://www.facebook.com/AlJazeeraChannel/videos/1187422085649913/?__cft__[0]=AZY&__tn__=%2CO%2CP-R',
        poster:
          'https://scontent.fdam1-1.fna.fbcdn.net/v/t15.5256-10/472218110_1187423_n.jpg?stp=dst-jpg_s960x960&_nc_cat=1&oh=00_AYB&oe=6781A2F1',
      },
    ]);
    expect(all[1]!.links).toEqual([]); // the hashtag is not an outbound link
    expect(all[4]!.media).toHaveLength(1);
    expect(all[4]!.permalink).toContain('/reel/1294417788213356/');
  });

  it('reads a shared post as the sharer’s, with the original’s text and its link unwrapped from l.facebook.com', () => {
    loadFixture('facebook/feed.html');
    const shared = posts('https://www.facebook.com/')[2]!;
    expect(shared.permalink).toContain('permalink.php?story_fbid=pfbid0Zk2qTr8xWv');
    expect(shared.text).toContain('الله يحميهم');
    expect(shared.text).toContain('قسد تأسر عناصر من الجيش السوري');
    expect(shared.text).toContain('لحظة أسر جنود الجيش السوري في حلب');
    expect(shared.text).not.toContain('حلب نيوز 24'); // the original's name is a header, not the claim
    expect(shared.links).toEqual(['https://youtu.be/Qm3sZ7yA1bE?fbclid=IwZXh0bgNhZW0CMTEAAR2']);
  });

  it('reads a post on its own page, without the comments', () => {
    loadFixture('facebook/post.html');
    const all = posts('https://www.facebook.com/HalabNews24/posts/pfbid0b7Wq1nZkT5sYhLrMm2');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: 'facebook:video:903517254466120',
      author: 'حلب نيوز 24',
      text: '🔴 عاجل | مقطع يظهر أسر عناصر من الجيش السوري على أيدي قوات قسد في مدينة حلب',
      media: [{ kind: 'video', url: 'https://www.facebook.com/HalabNews24/videos/903517254466120/?__cft__[0]=AZa' }],
    });
  });

  it('places the badge after the author’s name, outside the message and the media', () => {
    loadFixture('facebook/feed.html');
    const post = document.querySelector('[aria-posinset="2"]')!;
    const placement = facebookAdapter.badgePlacement(post)!;
    expect(placement.parent.localName).toBe('h4');
    expect(placement.parent.closest('[data-ad-rendering-role="profile_name"]')).not.toBeNull();
    expect(placement.parent.closest('[data-ad-rendering-role="story_message"], video')).toBeNull();
  });

  it('reads m.facebook.com time stamps and skips empty placeholders', () => {
    document.body.innerHTML =
      '<article data-store="{}"><h3><a role="link" href="/page">Page</a></h3><abbr data-utime="1767955200">Jan 9</abbr><div data-ad-preview="message">نص المنشور هنا</div></article><div role="feed"><div aria-posinset="2"></div></div>';
    const all = posts('https://m.facebook.com/');
    expect(all[0]).toMatchObject({ text: 'نص المنشور هنا', time: '2026-01-09T10:40:00.000Z', author: 'Page' });
    expect(all[1]).toBeNull();
  });

  it('unwraps l.facebook.com and leaves other links alone', () => {
    expect(unwrapFacebookLink('https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa&h=AT')).toBe('https://example.org/a');
    expect(unwrapFacebookLink('https://lm.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fb')).toBe('https://example.org/b');
    expect(unwrapFacebookLink('https://example.org/l.php?u=x')).toBe('https://example.org/l.php?u=x');
  });
});
