import { describe, expect, it } from 'vitest';
import { hashText, hashTextInSlices } from './hash';

describe('hashText', () => {
  it('is stable and tells texts apart', () => {
    expect(hashText('a feed body')).toBe(hashText('a feed body'));
    expect(hashText('a feed body')).not.toBe(hashText('a feed bodY'));
    expect(hashText('a', 'b')).not.toBe(hashText('ab'));
  });

  it('gives the same hash in slices, even when a slice boundary falls inside a surrogate pair', async () => {
    // 2^20 characters per slice: put an emoji (two UTF-16 units) across the first boundary.
    const text = `${'x'.repeat((1 << 20) - 1)}😀${'سند '.repeat(300_000)}`;
    let pauses = 0;
    expect(await hashTextInSlices(text, async () => void pauses++)).toBe(hashText(text));
    expect(pauses).toBe(2);
    expect(await hashTextInSlices('')).toBe(hashText(''));
  });
});
