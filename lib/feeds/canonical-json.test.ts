import { describe, expect, it } from 'vitest';
import { feed, item } from '@/tests/unit/support/feeds';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: 'é' })).toBe('{"a":[{"c":null,"d":"x"}],"b":1,"e":"é"}');
  });
  it('gives the same bytes for the same content in another order', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":{"b":2,"a":1}}'))).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });
  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
  it('gives the same bytes in slices, pausing inside large arrays', async () => {
    const big = feed({
      items: Array.from({ length: 4_321 }, (_, i) => item(`i${i}`, i % 2 ? `ادعاء ${i} “quoted”` : `claim ${i}`)),
      tombstones: [{ id: 'x', withdrawn: '2026-11-01' }, undefined],
      extra: undefined,
    });
    let pauses = 0;
    const bytes = await canonicalJsonBytes(big, async () => void pauses++, 1_000);
    expect(new TextDecoder().decode(bytes)).toBe(canonicalJson(big));
    expect(pauses).toBe(5);
    const small = feed();
    expect(new TextDecoder().decode(await canonicalJsonBytes(small, async () => {}))).toBe(canonicalJson(small));
  });
});
