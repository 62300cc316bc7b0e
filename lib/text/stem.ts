/**
 * Light stemmers: they strip the affixes that vary most between mentions of the same claim, and nothing
 * that changes meaning. Input is already normalised (see normalise.ts): ة is ه, أ/إ/آ are ا.
 */

// Longest first, so "وال" goes before "و".
const ARABIC_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];
const ARABIC_SUFFIXES = ['هما', 'كما', 'تين', 'ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'يا', 'هم', 'كم', 'نا', 'ه', 'ي'];
const ARABIC_LETTER = /[\u0621-\u064A]/;

export function stemArabic(word: string): string {
  let stem = word;
  for (const prefix of ARABIC_PREFIXES) {
    // A one-letter prefix (و ب ل ف ك) is only stripped from long words: "وزير" must stay a word.
    const minRest = prefix.length === 1 ? 4 : 3;
    if (stem.startsWith(prefix) && stem.length - prefix.length >= minRest) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}

/** A light English stemmer (plural and common inflection endings), in the spirit of the S-stemmer. */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function stemWord(word: string): string {
  return ARABIC_LETTER.test(word[0] ?? '') ? stemArabic(word) : stemEnglish(word);
}
