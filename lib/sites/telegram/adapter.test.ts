// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalMediaId } from '../../urls/canonical';
import { loadFixture } from '@/tests/unit/support/files';
import { readPosts } from '@/tests/unit/support/sites';
import { chatUsername, telegramAdapter } from './adapter';

const posts = (page: string) => readPosts(telegramAdapter, page);

describe('Telegram Web adapter', () => {
  it('reads a channel in the K client: ids, t.me permalinks, send times, links, video; not the date bubble', () => {
    loadFixture('telegram/k.html');
    const all = posts('https://web.telegram.org/k/#@syria_now');
    expect(all).toHaveLength(3);
    expect(all.map((p) => [p!.key, p!.permalink, p!.time])).toEqual([
      ['telegram:syria_now/8812', 'https://t.me/syria_now/8812', '2026-01-09T08:00:00.000Z'],
      ['telegram:syria_now/8813', 'https://t.me/syria_now/8813', '2026-01-09T09:00:00.000Z'],
      ['telegram:syria_now/8815', 'https://t.me/syria_now/8815', '2026-01-09T10:00:00.000Z'],
    ]);
    // The permalink's id is the one a fact-check citing t.me/<channel>/<n> names.
    expect(canonicalMediaId(all[0]!.permalink!)).toBe(all[0]!.key);
    expect(all[0]!.text).toBe('📌 فيديو مسرب من ريف حلب.. شاهدوا قبل الحذف\nhttps://youtu.be/hK9fL2xQw0E?si=Xq7pL0aa');
    expect(all[0]!.links).toEqual(['https://youtu.be/hK9fL2xQw0E?si=Xq7pL0aa']);
    expect(all[1]!.text).not.toMatch(/31K|09:00/); // views and time are not words of the post
    expect(all[1]!.media).toEqual([{ kind: 'video', url: 'https://t.me/syria_now/8813' }]);
    expect(all.every((p) => p!.author === 'سوريا الآن | Syria Now')).toBe(true);
  });

  it('reads a channel in the A client', () => {
    loadFixture('telegram/a.html');
    const all = posts('https://web.telegram.org/a/#@syria_now');
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({
      key: 'telegram:syria_now/8814',
      permalink: 'https://t.me/syria_now/8814',
      author: 'سوريا الآن | Syria Now',
      text: '🔴 عاجل | مقطع يظهر أسر عناصر من الجيش السوري على أيدي قوات قسد في مدينة حلب',
      media: [{ kind: 'video', url: 'https://t.me/syria_now/8814' }],
    });
    expect(all[1]!.links).toEqual(['https://example.org/news/aleppo?utm_medium=tg']);
    expect(all[1]!.text).toBe('الإدارة الذاتية تنفي التوصل إلى تهدئة في حلب وتحذر من هجوم وشيك. التفاصيل');
    // A forwarded post: the forwarded text is the post's; the channel that forwarded it is its poster.
    expect(all[2]).toMatchObject({
      key: 'telegram:syria_now/8817',
      author: 'سوريا الآن | Syria Now',
      text: 'هروب جماعي لقوات النظام والميليشيات الايرانية في ريف حلب خلال المعارك الاخيرة مع المعارضة',
    });
  });

  it('keys a private chat by its id, with no permalink', () => {
    loadFixture('telegram/a.html');
    const [post] = posts('https://web.telegram.org/a/#-1001734598210');
    expect(post).toMatchObject({ key: 'telegram:-1001734598210/8814' });
    expect(post!.permalink).toBeUndefined();
  });

  it('reads only public usernames from the address', () => {
    expect(chatUsername(new URL('https://web.telegram.org/k/#@misbar_fc'))).toBe('misbar_fc');
    expect(chatUsername(new URL('https://web.telegram.org/a/#-100123'))).toBeUndefined();
    expect(chatUsername(new URL('https://web.telegram.org/k/#@x'))).toBeUndefined();
    expect(chatUsername(new URL('https://web.telegram.org/k/#%E0%A4%A'))).toBeUndefined();
  });

  it('places the badge at the end of the text, before the time, outside the media', () => {
    loadFixture('telegram/k.html');
    const bubble = document.querySelector('.bubble[data-mid="8813"]')!;
    const k = telegramAdapter.badgePlacement(bubble)!;
    expect(k.parent.classList.contains('message')).toBe(true);
    expect((k.before as Element).classList.contains('time')).toBe(true);
    loadFixture('telegram/a.html');
    const message = document.querySelector('.Message')!;
    const a = telegramAdapter.badgePlacement(message)!;
    expect(a.parent.classList.contains('text-content')).toBe(true);
    expect((a.before as Element).className).toBe('MessageMeta');
  });
});
