// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/unit/support/files';
import { youtubeAdapter } from './adapter';

const load = (file: string) => loadFixture(`youtube/${file}`);
const posts = (page: string) =>
  [...document.querySelectorAll(youtubeAdapter.postSelectors.join(','))]
    .map((el) => youtubeAdapter.extract(el, new URL(page)))
    .filter((p) => p !== null);

describe('YouTube adapter', () => {
  it('reads the watch page video and its side list', () => {
    load('watch.html');
    const all = posts('https://www.youtube.com/watch?v=hK9fL2xQw0E');
    expect(all.map((p) => p.key)).toEqual([
      'youtube:hK9fL2xQw0E',
      'youtube:Qm3sZ7yA1bE',
      'youtube:dT4fVb8mR2s',
      'youtube:pL0wQe7nK3c',
      'youtube:Xr5tYu2iO9p',
    ]);
    expect(all[0]).toMatchObject({
      permalink: 'https://www.youtube.com/watch?v=hK9fL2xQw0E',
      author: 'أخبار جبهة الشام',
      media: [{ kind: 'video', url: 'https://www.youtube.com/watch?v=hK9fL2xQw0E' }],
    });
    expect(all[0]!.text).toMatch(/^فيديو مسرب يوثق هروب جماعي/);
    expect(all[0]!.text).toContain('ريف حلب الغربي');
    expect(all[1]).toMatchObject({
      text: 'أسرى من الجيش السوري في قبضة قسد بحلب',
      media: [{ poster: 'https://i.ytimg.com/vi/Qm3sZ7yA1bE/hqdefault.jpg' }],
    });
  });

  it('reads each home grid item once (the lockup inside a grid item is not a second post), shorts included', () => {
    load('home.html');
    const all = posts('https://www.youtube.com/');
    expect(all).toHaveLength(6);
    expect(new Set(all.map((p) => p.key)).size).toBe(6);
    expect(all[5]).toMatchObject({ key: 'youtube:Jk8Lm9Np0Qr', permalink: 'https://www.youtube.com/shorts/Jk8Lm9Np0Qr' });
  });

  it('places the watch badge in the title row and item badges after the title', () => {
    load('watch.html');
    const flexy = document.querySelector('ytd-watch-flexy')!;
    expect(youtubeAdapter.badgePlacement(flexy)!.parent.id).toBe('title');
    const item = document.querySelector('yt-lockup-view-model')!;
    const placement = youtubeAdapter.badgePlacement(item)!;
    expect(placement.parent.className).toContain('text-container');
  });

  it('ignores items without a video link (ads, skeletons)', () => {
    document.body.innerHTML = '<ytd-rich-item-renderer><div>Sponsored</div></ytd-rich-item-renderer>';
    expect(posts('https://www.youtube.com/')).toEqual([]);
  });
});
