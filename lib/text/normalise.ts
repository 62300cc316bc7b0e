/**
 * Text normalisation shared by indexing and querying. Arabic spelling varies a lot in posts (hamza forms,
 * taa marbuta written as haa, alef maqsura as yaa, diacritics, tatweel, Arabic-Indic digits); all of it is
 * folded so that the same words compare equal. No browser imports: runs in Node, workers and the page.
 */

// Invisible characters that change nothing for a reader but break word matching, including bidi controls
// (RTL overrides) that hostile posts use to disguise text.
const INVISIBLES = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks, tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Latin combining accents left after NFKD (é → e).
const LATIN_ACCENTS = /[\u0300-\u036F]/g;

const LETTER_FOLDS: Record<string, string> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // Persian yeh → ي
  '\u06D2': '\u064A', // yeh barree → ي
  '\u0626': '\u064A', // ئ → ي
  '\u0629': '\u0647', // ة → ه
  '\u06C0': '\u0647',
  '\u0624': '\u0648', // ؤ → و
  '\u06A9': '\u0643', // keheh → ك
  '\u06AA': '\u0643',
};
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\u0000-\u007F]*$/;
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Folds Arabic-Indic (٠-٩) and Persian (۰-۹) digits to 0-9. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Orthographic normalisation of Arabic and Latin text; keeps spaces and punctuation. */
export function normaliseText(text: string): string {
  // Plain ASCII needs only case folding; skipping the Unicode passes makes indexing English lists ~2× faster.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return foldDigits(
    text
      .normalize('NFKC') // presentation forms (ﻻ, ﺍ…) and full-width letters to their base letters
      .replace(INVISIBLES, '')
      .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
      .normalize('NFKD')
      .replace(ARABIC_MARKS, '')
      .replace(LATIN_ACCENTS, ''),
  ).toLowerCase();
}

/** Words of normalised text: runs of letters and digits. */
export function words(text: string): string[] {
  if (ASCII_ONLY.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return normaliseText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const ARABIC_LETTER = /[\u0600-\u06FF]/g;

/** Whether most of the text's letters are Arabic. */
export function isArabicText(text: string): boolean {
  const arabicLetters = text.match(ARABIC_LETTER)?.length ?? 0;
  return arabicLetters * 2 > text.replace(/[\s\p{P}\p{S}\d]/gu, '').length;
}

/** One canonical spelling of a short phrase, for lookups such as rating texts. */
export function foldForLookup(text: string): string {
  return words(text).join(' ');
}

// No word boundary: hashtags and text run straight into links in tweets ("#Minecrafthttps://t.co/…").
const URL_RE = /(?:https?:\/\/|www\.)\S+|pic\.twitter\.com\/\S+/gi;
const HANDLE_RE = /(^|[^\p{L}\p{N}_])@([A-Za-z0-9_]{1,30})/gu;
// "— Jane Doe (@jane) March 3, 2021" closes tweets quoted or embedded as text. The handle and date are
// boilerplate; the name is kept, because claims are often about who said something.
const QUOTED_TWEET_BYLINE = /[—–-]\s*([^\n—–()]{0,80}?)\s*\(@[A-Za-z0-9_]{1,30}\)\s*[^\n]{0,40}?\d{4}\s*$/gmu;
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu;

/** Splits a hashtag body into words: #FakeNews → "Fake News", #حلب_الآن → "حلب الآن". */
function splitHashtag(body: string): string {
  return body
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2');
}

/** Removes links and quoted-tweet handles and dates; opens hashtags and @handles into words. */
export function cleanPostText(text: string): string {
  return text
    .replace(QUOTED_TWEET_BYLINE, (_, name: string) => ` ${name} `)
    .replace(URL_RE, ' ')
    .replace(HANDLE_RE, (_, before: string, handle: string) => `${before} ${splitHashtag(handle)} `)
    .replace(HASHTAG_RE, (_, body: string) => ` ${splitHashtag(body)} `);
}
