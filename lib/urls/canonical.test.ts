import { describe, expect, it } from 'vitest';
import { canonicalMediaId, canonicalUrl, linkKey } from './canonical';

describe('canonicalMediaId', () => {
  it.each([
    // X / Twitter
    ['https://x.com/halab_alaan/status/2009512270941053184', 'x:2009512270941053184'],
    ['https://twitter.com/halab_alaan/status/2009512270941053184?s=20&t=abc', 'x:2009512270941053184'],
    ['https://mobile.twitter.com/halab_alaan/status/2009512270941053184', 'x:2009512270941053184'],
    ['https://m.twitter.com/halab_alaan/status/2009512270941053184', 'x:2009512270941053184'],
    ['https://mobile.x.com/halab_alaan/status/2009512270941053184', 'x:2009512270941053184'],
    ['https://x.com/halab_alaan/status/2009512270941053184/video/1', 'x:2009512270941053184'],
    ['https://x.com/halab_alaan/status/2009512270941053184/photo/2', 'x:2009512270941053184'],
    ['https://x.com/i/web/status/2009512270941053184', 'x:2009512270941053184'],
    ['x.com/halab_alaan/status/2009512270941053184', 'x:2009512270941053184'],
    ['https://x.com/halab_alaan', null],
    ['https://x.com/halab_alaan/status/notanumber', null],
    // YouTube
    ['https://www.youtube.com/watch?v=Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://www.youtube.com/watch?feature=share&v=Qm3sZ7yA1bE&t=42s', 'youtube:Qm3sZ7yA1bE'],
    ['https://m.youtube.com/watch?v=Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://youtu.be/Qm3sZ7yA1bE?si=xyz', 'youtube:Qm3sZ7yA1bE'],
    ['https://www.youtube.com/shorts/Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://www.youtube.com/live/Qm3sZ7yA1bE?feature=shared', 'youtube:Qm3sZ7yA1bE'],
    ['https://www.youtube.com/embed/Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://www.youtube-nocookie.com/embed/Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://music.youtube.com/watch?v=Qm3sZ7yA1bE', 'youtube:Qm3sZ7yA1bE'],
    ['https://youtu.be/', null],
    ['https://www.youtube.com/@channel', null],
    ['https://www.youtube.com/watch?v=short', null],
    // Facebook
    ['https://www.facebook.com/watch/?v=1234567890123', 'facebook:video:1234567890123'],
    ['https://www.facebook.com/SomePage/videos/1234567890123/', 'facebook:video:1234567890123'],
    ['https://www.facebook.com/SomePage/videos/some-title/1234567890123', 'facebook:video:1234567890123'],
    ['https://www.facebook.com/reel/1234567890123?mibextid=abc', 'facebook:video:1234567890123'],
    ['https://m.facebook.com/watch/?v=1234567890123', 'facebook:video:1234567890123'],
    ['https://fb.watch/aBcD3fG/', 'facebook:watch:aBcD3fG'],
    ['https://web.facebook.com/reel/1234567890123', 'facebook:video:1234567890123'],
    ['https://mbasic.facebook.com/story.php?story_fbid=998877&id=112233', 'facebook:post:998877'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F&story_fbid=1', null],
    ['https://www.facebook.com/permalink.php?story_fbid=998877&id=112233', 'facebook:post:998877'],
    // TikTok
    ['https://www.tiktok.com/@user.name/video/7312345678901234567?is_from_webapp=1', 'tiktok:7312345678901234567'],
    ['https://m.tiktok.com/v/7312345678901234567.html', 'tiktok:7312345678901234567'],
    ['https://vm.tiktok.com/ZMabc123/', 'tiktok:short:ZMabc123'],
    ['https://vt.tiktok.com/ZSabc123/', 'tiktok:short:ZSabc123'],
    // Instagram
    ['https://www.instagram.com/p/C1a2B3c4D5e/', 'instagram:C1a2B3c4D5e'],
    ['https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=xyz', 'instagram:C1a2B3c4D5e'],
    ['https://www.instagram.com/reels/C1a2B3c4D5e/', 'instagram:C1a2B3c4D5e'],
    ['https://m.instagram.com/p/C1a2B3c4D5e/', 'instagram:C1a2B3c4D5e'],
    // Telegram
    ['https://t.me/halabnews/12345', 'telegram:halabnews/12345'],
    ['https://t.me/s/HalabNews/12345', 'telegram:halabnews/12345'],
    ['https://t.me/halabnews', null],
    ['https://telegram.me/halabnews/12345', 'telegram:halabnews/12345'],
    // Telegram Web's own addresses name a chat, not a post.
    ['https://web.telegram.org/k/12345', null],
    // not links
    ['javascript:alert(1)', null],
    ['', null],
    ['not a url at all', null],
  ])('%s → %s', (input, expected) => {
    expect(canonicalMediaId(input)).toBe(expected);
  });
});

describe('canonicalUrl', () => {
  it('drops tracking parameters, fragments, www and trailing slashes, and sorts the rest', () => {
    expect(canonicalUrl('https://www.Example.com/a/b/?utm_source=x&b=2&fbclid=1&a=1#frag')).toBe('example.com/a/b?a=1&b=2');
  });
  it('refuses non-http links', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('data:text/html,hi')).toBeNull();
  });
});

describe('linkKey', () => {
  it('prefers the platform id and falls back to the canonical URL', () => {
    expect(linkKey('https://youtu.be/Qm3sZ7yA1bE')).toBe('youtube:Qm3sZ7yA1bE');
    expect(linkKey('https://misbar.com/factcheck/?utm_medium=social')).toBe('url:misbar.com/factcheck');
  });
});
