import { describe, expect, it } from 'vitest';
import { ReadabilityWatch, SUBSTANTIAL_ELEMENTS, SUBSTANTIAL_TEXT_CHARS, UNREADABLE_AFTER_MS, type PageSample } from './readability';

const full = { textChars: SUBSTANTIAL_TEXT_CHARS, elements: SUBSTANTIAL_ELEMENTS };
const sample = (at: number, rest: Partial<PageSample> = {}): PageSample => ({ at, ...full, postsRead: 0, ...rest });

describe('ReadabilityWatch', () => {
  it('calls a page with content and no post unreadable only after the delay', () => {
    const watch = new ReadabilityWatch();
    expect(watch.observe(sample(1000))).toBe('waiting');
    expect(watch.observe(sample(1000 + UNREADABLE_AFTER_MS - 1))).toBe('waiting');
    expect(watch.observe(sample(1000 + UNREADABLE_AFTER_MS))).toBe('unreadable');
  });

  it('starts the clock when the content becomes substantial, not when the page opened', () => {
    const watch = new ReadabilityWatch();
    expect(watch.observe(sample(0, { textChars: 10, elements: 5 }))).toBe('waiting');
    expect(watch.observe(sample(UNREADABLE_AFTER_MS * 2, { textChars: 10 }))).toBe('waiting');
    expect(watch.observe(sample(UNREADABLE_AFTER_MS * 3))).toBe('waiting');
    expect(watch.observe(sample(UNREADABLE_AFTER_MS * 4))).toBe('unreadable');
  });

  it('a nearly empty page (a loading shell, a login wall) is never blamed', () => {
    const watch = new ReadabilityWatch();
    for (let at = 0; at < UNREADABLE_AFTER_MS * 5; at += 1000) {
      expect(watch.observe(sample(at, { textChars: SUBSTANTIAL_TEXT_CHARS - 1 }))).toBe('waiting');
    }
  });

  it('a post read makes the page readable again, even after it was called unreadable', () => {
    const watch = new ReadabilityWatch();
    watch.observe(sample(0));
    expect(watch.observe(sample(UNREADABLE_AFTER_MS))).toBe('unreadable');
    expect(watch.observe(sample(UNREADABLE_AFTER_MS + 1, { postsRead: 2 }))).toBe('readable');
  });

  it('starts over after reset (a new page in a single-page app)', () => {
    const watch = new ReadabilityWatch();
    watch.observe(sample(0));
    watch.reset();
    expect(watch.observe(sample(UNREADABLE_AFTER_MS))).toBe('waiting');
    expect(watch.observe(sample(UNREADABLE_AFTER_MS * 2))).toBe('unreadable');
  });

  it('refuses a sample without a usable time', () => {
    expect(() => new ReadabilityWatch().observe(sample(Number.NaN))).toThrow(/finite time/);
  });
});
