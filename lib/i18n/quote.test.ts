import { describe, expect, it } from 'vitest';
import { quoteParts, quoted, textDirection } from './quote';

const FSI = '\u2068';
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

describe('textDirection', () => {
  it('is the first strong letter’s, as dir="auto" picks it', () => {
    expect(textDirection('مفبرك')).toBe('rtl');
    expect(textDirection('Fabricated')).toBe('ltr');
    expect(textDirection('2019: «حماة» in Syria')).toBe('rtl');
    expect(textDirection('“BBC” قالت')).toBe('ltr');
    expect(textDirection('שלום')).toBe('rtl');
  });
  it('is null with no letters: digits (Arabic-Indic too), marks and symbols are not strong', () => {
    expect(textDirection('2019')).toBeNull();
    expect(textDirection('٢٠١٩ – ٪٥٠')).toBeNull();
    expect(textDirection('«»!?')).toBeNull();
    expect(textDirection('')).toBeNull();
  });
});

describe('quoting in the UI language', () => {
  it('Arabic inside an English sentence: English marks outside, the Arabic words isolated right to left', () => {
    expect(quoteParts('مفبرك', 'en')).toEqual({ open: '“', close: '”', text: 'مفبرك', dir: 'rtl', foreign: true });
    expect(quoted('مفبرك', 'en')).toBe(`“${RLI}مفبرك${PDI}”`);
  });

  it('English inside an Arabic sentence: « » outside, the English words isolated left to right', () => {
    expect(quoteParts('Fabricated footage', 'ar')).toEqual({
      open: '«',
      close: '»',
      text: 'Fabricated footage',
      dir: 'ltr',
      foreign: true,
    });
    expect(quoted('Fabricated footage', 'ar')).toBe(`«${LRI}Fabricated footage${PDI}»`);
  });

  it('the same script as the sentence is still isolated, and not foreign', () => {
    expect(quoted('نص عربي', 'ar')).toBe(`«${RLI}نص عربي${PDI}»`);
    expect(quoteParts('plain words', 'en').foreign).toBe(false);
  });

  it('mixed text takes the direction of its first strong letter, whichever script follows', () => {
    const mixed = 'قالت BBC إن الفيديو من 2019';
    expect(quoteParts(mixed, 'en')).toMatchObject({ dir: 'rtl', foreign: true, text: mixed });
    expect(quoted('BBC: الفيديو قديم', 'ar')).toBe(`«${LRI}BBC: الفيديو قديم${PDI}»`);
    expect(quoteParts('BBC: الفيديو قديم', 'en').foreign).toBe(false);
  });

  it('text with no letters follows the sentence (first-strong isolate), never marked foreign', () => {
    expect(quoteParts('٢٠١٩', 'en')).toMatchObject({ dir: null, foreign: false });
    expect(quoted('2019', 'ar')).toBe(`«${FSI}2019${PDI}»`);
  });

  it('takes off marks the desk already put around the words, so they are not quoted twice', () => {
    expect(quoteParts('«مفبرك»', 'en').text).toBe('مفبرك');
    expect(quoteParts(' “Fake” ', 'ar').text).toBe('Fake');
    expect(quoteParts('"\'Fake\'"', 'en').text).toBe('Fake');
    expect(quoted('“مفبرك”', 'ar')).toBe(`«${RLI}مفبرك${PDI}»`);
  });

  it('keeps marks that are not one pair around the whole text', () => {
    expect(quoteParts('"a" and "b"', 'en').text).toBe('"a" and "b"');
    expect(quoteParts('«قال» ثم «كتب»', 'en').text).toBe('«قال» ثم «كتب»');
    expect(quoteParts('“Fake', 'en').text).toBe('“Fake');
  });
});
