import { describe, expect, it } from 'vitest';
import { isVisiblePost, type PostBox } from './post-visibility';

const area = { width: 1280, height: 20_000 };
const box = (overrides: Partial<PostBox> = {}): PostBox => ({ rendered: true, left: 300, top: 400, width: 600, height: 300, ...overrides });

describe('isVisiblePost', () => {
  it.each([
    ['a post in view', box(), true],
    ['a post further down the feed (the reader scrolls to it)', box({ top: 15_000 }), true],
    ['a post partly off the left edge', box({ left: -200 }), true],
    ['not rendered (display: none, visibility: hidden, opacity: 0)', box({ rendered: false }), false],
    ['a 1 px visually-hidden box', box({ width: 1, height: 1 }), false],
    ['zero height (collapsed)', box({ height: 0 }), false],
    ['far off to the left', box({ left: -10_000 }), false],
    ['far above the document', box({ top: -10_000 }), false],
    ['beyond the right end of the document', box({ left: 5_000 }), false],
    ['beyond the end of the document', box({ top: 25_000 }), false],
  ])('%s', (_, post, expected) => {
    expect(isVisiblePost(post, area)).toBe(expected);
  });
});
