import { describe, expect, it } from 'vitest';
import { checkSubmission } from './submission';

const valid = {
  idempotencyKey: 'abcDEF12-3456',
  kind: 'flag',
  category: 'old-footage',
  post: {
    pageUrl: 'https://www.facebook.com/',
    text: 'نص المنشور',
    links: ['https://youtu.be/hK9fL2xQw0E'],
    media: [{ kind: 'image', url: 'https://scontent.example/p.jpg' }],
    time: '2026-01-09T10:00:00Z',
  },
};

const frame = { t: 0, hash: 'a'.repeat(64), quality: 90 };

describe('checkSubmission (the submission schema)', () => {
  it('keeps the frames hashed of a medium, and drops an empty list', () => {
    const media = [
      {
        kind: 'video',
        url: 'https://x.com/a/status/1',
        frames: [{ ...frame, pdq: 'b'.repeat(64), pdqQuality: 70, regions: [null, 'c'.repeat(64), null, null] }],
      },
      { kind: 'image', url: 'https://x.com/p.jpg', frames: [] },
    ];
    const checked = checkSubmission({ ...valid, post: { ...valid.post, media } });
    expect(checked.ok && checked.value.post.media).toEqual([media[0], { kind: 'image', url: 'https://x.com/p.jpg' }]);
  });

  it('accepts a well-formed submission and normalises URLs and times', () => {
    const checked = checkSubmission(valid);
    expect(checked).toMatchObject({
      ok: true,
      value: { kind: 'flag', post: { time: '2026-01-09T10:00:00.000Z', links: ['https://youtu.be/hK9fL2xQw0E'] } },
    });
  });

  it.each([
    ['not an object', [], 'body'],
    ['a bad key', { ...valid, idempotencyKey: 'a b' }, 'idempotencyKey'],
    ['an unknown kind', { ...valid, kind: 'spam' }, 'kind'],
    ['a script URL', { ...valid, post: { ...valid.post, pageUrl: 'javascript:alert(1)' } }, 'post.pageUrl'],
    ['too many links', { ...valid, post: { ...valid.post, links: Array(21).fill('https://a.example') } }, 'post.links'],
    ['a 20,001-character text', { ...valid, post: { ...valid.post, text: 'x'.repeat(20_001) } }, 'post.text'],
    ['media of an unknown kind', { ...valid, post: { ...valid.post, media: [{ kind: 'audio' }] } }, 'post.media[0].kind'],
    ['a non-image screenshot', { ...valid, screenshot: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'screenshot'],
    [
      'a frame that is not a hash',
      { ...valid, post: { ...valid.post, media: [{ kind: 'image', frames: [{ hash: 'zz', quality: 80 }] }] } },
      'post.media[0].frames[0]',
    ],
    ['33 frames', { ...valid, post: { ...valid.post, media: [{ kind: 'video', frames: Array(33).fill(frame) }] } }, 'post.media[0].frames'],
    [
      'a plain PDQ without its quality',
      { ...valid, post: { ...valid.post, media: [{ kind: 'image', frames: [{ ...frame, pdq: frame.hash }] }] } },
      'post.media[0].frames[0].pdq',
    ],
    ['a bad date', { ...valid, post: { ...valid.post, time: 'yesterday' } }, 'post.time'],
  ])('refuses %s, naming the field', (_, raw, field) => {
    const checked = checkSubmission(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.some((e) => e.startsWith(`${field}:`))).toBe(true);
  });
});
