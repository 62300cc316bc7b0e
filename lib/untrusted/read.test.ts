import { describe, expect, it } from 'vitest';
import {
  asList,
  isObject,
  MAX_URL_LENGTH,
  readCleanText,
  readFiniteNumber,
  readHttpUrl,
  readIsoTime,
  readString,
  readTrimmed,
} from './read';

describe('isObject', () => {
  it('accepts plain objects only', () => {
    expect(isObject({})).toBe(true);
    expect(isObject({ a: 1 })).toBe(true);
    for (const value of [null, undefined, [], [1], 'x', 1, true]) expect(isObject(value)).toBe(false);
  });
});

describe('asList', () => {
  it('reads one-or-many as a list', () => {
    expect(asList([1, 2])).toEqual([1, 2]);
    expect(asList('a')).toEqual(['a']);
    expect(asList(0)).toEqual([0]);
    expect(asList(null)).toEqual([]);
    expect(asList(undefined)).toEqual([]);
  });
});

describe('string readers', () => {
  it('readString cuts a long string and drops empty or non-strings', () => {
    expect(readString('abcdef', 3)).toBe('abc');
    expect(readString(' a ', 10)).toBe(' a ');
    for (const value of ['', 1, null, undefined, {}, ['a']]) expect(readString(value, 10)).toBeUndefined();
  });

  it('readTrimmed trims, cuts, and drops blank strings', () => {
    expect(readTrimmed('  Misbar  ')).toBe('Misbar');
    expect(readTrimmed('  abcdef', 3)).toBe('abc');
    for (const value of ['', '   \n', 1, null]) expect(readTrimmed(value)).toBeUndefined();
  });

  it('readCleanText drops control characters, makes whitespace one space, trims and cuts', () => {
    expect(readCleanText('  a\u0000b\n\n c\u007F\t d ', 100)).toBe('ab c d');
    expect(readCleanText('مرحبا بكم', 5)).toBe('مرحبا');
    for (const value of ['\u0001\u0002', ' ', 42, undefined]) expect(readCleanText(value, 10)).toBeUndefined();
  });
});

describe('readHttpUrl', () => {
  it('keeps http and https URLs, as the parser writes them', () => {
    expect(readHttpUrl('https://misbar.com/factcheck/1')).toBe('https://misbar.com/factcheck/1');
    expect(readHttpUrl('HTTP://Example.ORG')).toBe('http://example.org/');
  });

  it.each([
    ['a script', 'javascript:alert(1)'],
    ['a script with odd case and spaces', ' JavaScript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a blob', 'blob:https://x.com/1'],
    ['a file', 'file:///etc/passwd'],
    ['a relative path', '/someone/status/1'],
    ['no host', 'https://'],
    ['a space in the host', 'https://exa mple.com/'],
    ['empty', ''],
    ['not a string', { url: 'https://x.com/' }],
  ])('refuses %s', (_, value) => {
    expect(readHttpUrl(value)).toBeUndefined();
  });

  it('refuses URLs over the length limit instead of cutting them', () => {
    const long = `https://example.org/${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(readHttpUrl(long)).toBeUndefined();
    expect(readHttpUrl('https://example.org/abc', 23)).toBe('https://example.org/abc');
    expect(readHttpUrl('https://example.org/abc', 22)).toBeUndefined();
  });
});

describe('readFiniteNumber', () => {
  it('reads finite numbers within the range', () => {
    expect(readFiniteNumber(3.5)).toBe(3.5);
    expect(readFiniteNumber(0, { min: 0, max: 100 })).toBe(0);
    expect(readFiniteNumber(100, { min: 0, max: 100 })).toBe(100);
    for (const value of [NaN, Infinity, -Infinity, '3', null, undefined]) expect(readFiniteNumber(value)).toBeUndefined();
    expect(readFiniteNumber(-1, { min: 0 })).toBeUndefined();
    expect(readFiniteNumber(101, { max: 100 })).toBeUndefined();
  });
});

describe('readIsoTime', () => {
  it('reads parseable dates as ISO UTC times', () => {
    expect(readIsoTime('2026-01-09T10:00:00Z')).toBe('2026-01-09T10:00:00.000Z');
    expect(readIsoTime('2026-01-09T12:00:00+02:00')).toBe('2026-01-09T10:00:00.000Z');
    for (const value of ['yesterday', '', 1767952800000, null]) expect(readIsoTime(value)).toBeUndefined();
  });
});
