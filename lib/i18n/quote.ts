/**
 * Quoting someone's words inside a sentence of the UI. The marks are the UI language's (“ ” in English,
 * « » in Arabic), set in the sentence's own direction; the quoted words are isolated in their own direction,
 * so an Arabic claim in an English card (or English in an Arabic one) neither reorders the sentence nor takes
 * the marks with it ("”مفبرك“" is what an unisolated RTL quote in an LTR line shows).
 */
import type { Locale } from './t';

export type Direction = 'ltr' | 'rtl';

// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their presentation forms and
// the historic RTL planes. Within them only letters are strong: Arabic-Indic digits and marks are not.
const RTL_BLOCK = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;

/** The direction of a text's first strong character (as `dir="auto"` and U+2068 pick it), or null with none. */
export function textDirection(text: string): Direction | null {
  for (const char of text) if (LETTER.test(char)) return RTL_BLOCK.test(char) ? 'rtl' : 'ltr';
  return null;
}

const MARKS: Record<Locale, readonly [string, string]> = { en: ['“', '”'], ar: ['«', '»'] };

/** Marks a text may already carry around it (the desk quoted it itself): taken off, the UI's marks are used. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['”', '“'],
  ['„', '“'],
  ['"', '"'],
  ['«', '»'],
  ['»', '«'],
  ['‘', '’'],
  ["'", "'"],
];

function unwrap(text: string): string {
  let inner = text.trim();
  for (;;) {
    const pair = PAIRS.find(([open, close]) => inner.length >= 2 && inner.startsWith(open) && inner.endsWith(close));
    if (!pair) return inner;
    const next = inner.slice(pair[0].length, inner.length - pair[1].length).trim();
    // `"a" and "b"` is not one quoted whole: a text with the same marks inside keeps all of them.
    if (next.includes(pair[0]) || next.includes(pair[1])) return inner;
    inner = next;
  }
}

export interface QuoteParts {
  open: string;
  close: string;
  /** The quoted words, without marks of their own around them. */
  text: string;
  /** Their own direction; null when they have no letters (digits, symbols): then they follow the sentence. */
  dir: Direction | null;
  /** Whether their direction differs from the UI's (the case an isolate is there for). */
  foreign: boolean;
}

/** How to quote `text` in a sentence in `locale`. */
export function quoteParts(text: string, locale: Locale): QuoteParts {
  const inner = unwrap(text);
  const dir = textDirection(inner);
  const [open, close] = MARKS[locale];
  return { open, close, text: inner, dir, foreign: dir !== null && dir !== (locale === 'ar' ? 'rtl' : 'ltr') };
}

const ISOLATE: Record<Direction | 'auto', string> = { ltr: '\u2066', rtl: '\u2067', auto: '\u2068' };
const POP = '\u2069';

/** The quote as plain text (an accessible name, a title): the UI's marks around the words in a Unicode isolate. */
export function quoted(text: string, locale: Locale): string {
  const q = quoteParts(text, locale);
  return `${q.open}${ISOLATE[q.dir ?? 'auto']}${q.text}${POP}${q.close}`;
}
