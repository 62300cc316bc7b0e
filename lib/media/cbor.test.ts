import { describe, expect, it } from 'vitest';
import { CBOR_LIMITS, CborError, decodeCbor } from './cbor';

const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));

describe('CBOR decoder', () => {
  // Examples from RFC 8949 Appendix A.
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n],
    ['20', -1],
    ['3903e7', -1000],
    ['f93c00', 1],
    ['f97bff', 65504],
    ['fa47c35000', 100000],
    ['fb3ff199999999999a', 1.1],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['6161', 'a'],
    ['62c3bc', 'ü'],
    ['83010203', [1, 2, 3]],
    ['9f018202039f0405ffff', [1, [2, 3], [4, 5]]],
    ['a201020304', { 1: 2, 3: 4 }],
    ['a26161016162820203', { a: 1, b: [2, 3] }],
    ['bf61610161629f0203ffff', { a: 1, b: [2, 3] }],
    ['7f657374726561646d696e67ff', 'streaming'],
    ['c074323031332d30332d32315432303a30343a30305a', '2013-03-21T20:04:00Z'], // tag 0 dropped, content kept
  ])('decodes %s', (input, value) => {
    expect(decodeCbor(hex(input))).toEqual(value);
  });

  it('keeps byte strings as bytes', () => {
    expect(decodeCbor(hex('4401020304'))).toEqual(Uint8Array.from([1, 2, 3, 4]));
  });

  it.each([
    ['', /truncated/],
    ['62c3', /truncated/],
    ['830102', /truncated/], // an array of 3 with two items
    ['9a00000010', /exceeds the data/], // an array of 16 in 5 bytes
    ['5bffffffffffffffff', /exceeds the data/],
    ['0000', /trailing/],
    ['ff', /unexpected break/],
    ['1c', /reserved/],
    ['a1f400', /map key/],
  ])('rejects %s with a CborError', (input, message) => {
    expect(() => decodeCbor(hex(input))).toThrow(CborError);
    expect(() => decodeCbor(hex(input))).toThrow(message);
  });

  it('bounds nesting and item counts', () => {
    expect(() => decodeCbor(new Uint8Array(CBOR_LIMITS.maxDepth + 2).fill(0x81))).toThrow(/nested too deeply/);
    const manyItems = new Uint8Array(CBOR_LIMITS.maxItems + 10);
    manyItems.set([0x9f]); // an indefinite array of zeros without its break
    expect(() => decodeCbor(manyItems)).toThrow(/too many items/);
  });
});
