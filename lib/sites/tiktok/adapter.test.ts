// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@/tests/unit/support/files';
import { loadRealPage } from '@/tests/unit/support/real-pages';
import { readPosts } from '@/tests/unit/support/sites';
import { tiktokAdapter, timeFromTikTokId } from './adapter';

const posts = (page: string) => readPosts(tiktokAdapter, page);

describe('TikTok adapter', () => {
  it('reads the For You feed: ids from the player, authors, captions with hashtags, posters, upload times', () => {
    loadFixture('tiktok/foryou.html');
    const all = posts('https://www.tiktok.com/foryou');
    expect(all).toHaveLength(4);
    expect(all[3]).toBeNull(); // the loading placeholder
    expect(all.slice(0, 3).map((p) => p!.permalink)).toEqual([
      'https://www.tiktok.com/@syria.event/video/7593330381870727890',
      'https://www.tiktok.com/@levant.reports/video/7593059798684166321',
      'https://www.tiktok.com/@aleppo.today/video/7593635753125064865',
    ]);
    expect(all[0]).toMatchObject({
      key: 'tiktok:7593330381870727890',
      author: 'syria.event',
      text: 'هروب جماعي لقوات النظام والميليشيات الايرانية في ريف حلب خلال المعارك الاخيرة مع المعارضة #سوريا #حلب #fyp',
      time: '2026-01-09T12:00:00.000Z',
      links: [],
    });
    expect(all[0]!.media).toEqual([
      {
        kind: 'video',
        url: 'https://www.tiktok.com/@syria.event/video/7593330381870727890',
        poster:
          'https://p16-sign-va.tiktokcdn.com/obj/tos-maliva-p-0068/oQAbCdEf~tplv-tiktokx-origin.image?dr=14575&x-expires=1768060800&x-signature=abc',
      },
    ]);
    expect(all[1]!.text).toMatch(/^Ceasefire in Aleppo/);
  });

  it('reads a video on its own page, Arabic caption and all', () => {
    loadFixture('tiktok/video.html');
    const all = posts('https://www.tiktok.com/@halab.alaan/video/7443369450568227555?is_from_webapp=1');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: 'tiktok:7443369450568227555',
      permalink: 'https://www.tiktok.com/@halab.alaan/video/7443369450568227555',
      author: 'halab.alaan',
      text: 'فيديو يظهر أسرى من عناصر الجيش السوري على أيدي قوات سوريا الديمقراطية قسد في مدينة حلب بعد اشتباكات اليوم #حلب',
      time: '2024-12-01T09:15:00.000Z',
    });
  });

  it('reads a profile grid item from its link and its cover’s alt text', () => {
    document.body.innerHTML =
      '<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@news.sy/video/7593059798684166321"><picture><img alt="فيديو مسرب من ريف حلب created by news.sy with original sound" src="https://p16-sign.tiktokcdn.com/c.jpeg"></picture></a></div>';
    expect(posts('https://www.tiktok.com/@news.sy')[0]).toMatchObject({
      key: 'tiktok:7593059798684166321',
      author: 'news.sy',
      text: 'فيديو مسرب من ريف حلب',
      media: [{ kind: 'video', poster: 'https://p16-sign.tiktokcdn.com/c.jpeg' }],
    });
  });

  it('places the badge after the author’s name, outside the video', () => {
    loadFixture('tiktok/foryou.html');
    const post = document.querySelector('[data-e2e="recommend-list-item-container"]')!;
    const placement = tiktokAdapter.badgePlacement(post)!;
    expect(placement.parent.className).toContain('DivMediaCardBottom');
    expect(placement.before).toBe(post.querySelector('a[href="/@syria.event"]')!.nextSibling);
    expect(placement.parent.querySelector('video, picture')).toBeNull();
  });

  // A site that drops the data-e2e attributes the rules rest on, as a redesign might: the link-tile fallback
  // still reads each grid card from its /@author/video/<id> link and cover (real pages, attributes removed).
  const withoutTestIds = (file: string) => {
    loadRealPage(file);
    for (const el of document.querySelectorAll('[data-e2e]')) el.removeAttribute('data-e2e');
  };

  it('reads a real profile grid by its link tiles when no other rule matches', () => {
    withoutTestIds('tiktok/profile-es-2026.html');
    const all = posts('https://www.tiktok.com/@alcaldiasa').filter(Boolean);
    expect(all).toHaveLength(16);
    expect(all.every((p) => p!.author === 'alcaldiasa' && p!.key.startsWith('tiktok:') && p!.text)).toBe(true);
    expect(all[0]).toMatchObject({ key: 'tiktok:7641084911117536533' });
    expect(all[0]!.text).toContain('EL MEJOR RECIBIMIENTO');
    const tile = document.querySelector('div:has(> a[href*="/video/"] img)')!;
    expect(tiktokAdapter.badgePlacement(tile)).toEqual({ parent: tile, before: tile.firstChild });
  });

  it('reads no link tile on a video page (there they are suggestions) nor inside a post another rule reads', () => {
    loadRealPage('tiktok/profile-2024.html');
    const url = 'https://www.tiktok.com/@faithhelizabethhh';
    // 60 tiles on the page, every one inside a profile card: read once each, as the card.
    expect(posts(url).filter(Boolean)).toHaveLength(35);
    withoutTestIds('tiktok/profile-2024.html');
    expect(posts(url).filter(Boolean)).toHaveLength(30); // 30 cards with a video link (5 have none)
    expect(posts('https://www.tiktok.com/@faithhelizabethhh/video/7354427342720208170').filter(Boolean)).toHaveLength(0);
    // Inside what the rules call never a post (comments, suggestions), a tile stays unread.
    const first = document.querySelector('div:has(> a[href*="/video/"] img)')!;
    expect(tiktokAdapter.extract(first, new URL(url))).not.toBeNull();
    first.parentElement!.setAttribute('data-e2e', 'comment-level-1');
    expect(tiktokAdapter.extract(first, new URL(url))).toBeNull();
  });

  it('reads upload times only from plausible ids', () => {
    expect(timeFromTikTokId('7593330381870727890')).toBe('2026-01-09T12:00:00.000Z');
    expect(timeFromTikTokId('12345')).toBeUndefined();
    expect(timeFromTikTokId('99999999999999999999')).toBeUndefined(); // far future
  });
});
