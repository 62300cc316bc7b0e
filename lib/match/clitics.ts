/**
 * Arabic clitics that attach to the front of a word (و "and", ف "so", ب "with", ل "for", ك "like", ال "the"
 * and their combinations): the stance and contradiction tables read a word with and without one.
 */

// Longest first: "وبال" (and with the) before "و" (and).
export const ARABIC_CLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];

/** First letters of the clitics: only words that start with one can hide a word behind a clitic. */
export const CLITIC_LETTERS = new Set(ARABIC_CLITICS.map((c) => c[0]!));
