/**
 * Arabic clitics that attach to the front of a word (و "and", ف "so", ب "with", ل "for", ك "like", ال "the"
 * and their combinations): the stance and contradiction tables read a word with and without one.
 */

// Longest first: "وبال" (and with the) before "و" (and).
export const ARABIC_CLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];

/** First letters of the clitics: only words that start with one can hide a word behind a clitic. */
export const CLITIC_LETTERS = new Set(ARABIC_CLITICS.map((c) => c[0]!));

/** Whether `word` is `bare` behind one of the clitics ("ونفت" is "نفت", "بيد" is "يد"), or `bare` itself. */
export function isBehindClitic(word: string, bare: string): boolean {
  if (word === bare) return true;
  if (word.length <= bare.length || !word.endsWith(bare)) return false;
  return ARABIC_CLITICS.includes(word.slice(0, word.length - bare.length));
}

/**
 * Whether `word`, or `word` without one leading clitic, is in `table` ("بالفيديو" is "فيديو"). At least two
 * letters must be left, so a short word is not read as a clitic on a letter.
 */
export function inTableBehindClitic(word: string, table: ReadonlySet<string>): boolean {
  if (table.has(word)) return true;
  if (!CLITIC_LETTERS.has(word[0]!)) return false;
  for (const clitic of ARABIC_CLITICS)
    if (word.length > clitic.length + 1 && word.startsWith(clitic) && table.has(word.slice(clitic.length))) return true;
  return false;
}
