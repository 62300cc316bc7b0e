import { describe, expect, it } from 'vitest';
import { inTableBehindClitic, isBehindClitic } from './clitics';
import { isFraming } from './edits';
import { readRoles } from './roles';
import { words } from '../text/normalise';

describe('clitics', () => {
  it('reads a word behind one clitic, the longest first', () => {
    expect(isBehindClitic('ونفت', 'نفت')).toBe(true);
    expect(isBehindClitic('وبالكذب', 'كذب')).toBe(true);
    expect(isBehindClitic('نفت', 'نفت')).toBe(true);
    // Not a clitic: "من" before the word.
    expect(isBehindClitic('مننفت', 'نفت')).toBe(false);
    const table = new Set(['فيديو', 'يد']);
    expect(inTableBehindClitic('بالفيديو', table)).toBe(true);
    expect(inTableBehindClitic('وللفيديو', table)).toBe(true);
    expect(inTableBehindClitic('فيديوهات', table)).toBe(false);
    // At least two letters are left: "بي" is not ب + a one-letter word.
    expect(inTableBehindClitic('بد', new Set(['د']))).toBe(false);
  });

  it('gives edits and roles one framing table', () => {
    // "يوثق" and "تسجيل" were roles-only framing words, "شاهدوا" and "لقطات" edits-only.
    for (const word of ['بالفيديو', 'يوثق', 'وتسجيل', 'شاهدوا', 'لقطات']) expect(isFraming(word)).toBe(true);
    expect(isFraming('الجيش')).toBe(false);
    const roles = readRoles(words('لقطات يوثق أسر عناصر من الجيش السوري على يد قسد'));
    expect([...roles.event]).toEqual(['اسر']);
  });
});
