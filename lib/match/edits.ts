/**
 * Edits: how a post that matches a claim changed the claim's words. A paraphrase (spreading) puts several of
 * them into other words; a contradiction keeps almost all of them and changes one salient word: another
 * person, body or ministry in the same place ("مادونا" → "ريانا", "الداخليه" → "الدفاع"), an inserted
 * negation, or the two names on either side of the verb swapped ("A warns B" → "B warns A"). The words are
 * compared as content stems (terms.ts) reduced to a skeleton, so clitics, verb prefixes, inflection and
 * figures written in words do not count as edits. The stance model (stance.ts) weighs these cues with its
 * others; `npm run fit-stance` finds their weights. Pure: no browser imports.
 */
import { ARABIC_CLITICS } from './clitics';
import { NUMBER_WORDS } from './contradiction';
import { stemOf } from './terms';

/**
 * How much of the claim a post must keep, and how few words of its own it may add, to read as the claim
 * with a word or two changed rather than as a paraphrase or a longer story around it.
 */
export const NEAR_COPY = { minKept: 0.5, maxAdded: 3 } as const;

export interface EditCues {
  /** Claim words replaced in the same place (next to the same kept neighbour) by words the claim lacks. */
  substitution: number;
  /** 1 for a swapOne in place of a definite noun or relative adjective by another ("الداخليه" → "الدفاع"). */
  nominalSwap: number;
  /** 1 when the post changes exactly one of the claim's words for one of its own, and nothing else. */
  swapOne: number;
  /** 1 when the words on either side of a kept word trade places (who did what to whom), in a near copy. */
  reversal: number;
  /** Whether the post is a near copy of the claim (NEAR_COPY): what an inserted negation is read against. */
  nearCopy: boolean;
  /**
   * In a near copy, the words put in ("+" and the word's skeleton) and taken out ("-" …): which words
   * were changed, weighed by the fitted edit lexicon (stance-model.generated.ts).
   */
  changed: string[];
  /** The edits found, for tests and explanations ("الداخليه → الدفاع"). */
  found: string[];
}

const ARABIC = /^[\u0621-\u064A]/;
const VERB_PREFIXES = ['است', 'ي', 'ت', 'ن', 'ا', 'م'];

/**
 * An Arabic stem's skeleton: without a verb or noun prefix (ي ت ن ا م است) and the long vowels inside, so
 * forms of one word meet ("يسحب" and "سحب", "تغلق" and "اغلاق", "تتهمه" and "اتهامه", the typo "صاورخيه"
 * and "صاروخيه"). Latin stems are their own skeleton.
 */
export function skeletonOf(stem: string): string {
  if (!ARABIC.test(stem)) return stem;
  let s = stem;
  for (const prefix of VERB_PREFIXES)
    if (s.startsWith(prefix) && s.length - prefix.length >= 3) {
      s = s.slice(prefix.length);
      break;
    }
  const bare = s[0]! + s.slice(1).replace(/[اوي]/g, '');
  return bare.length >= 3 ? bare : s;
}

interface Token {
  /** The skeleton the texts are compared by. */
  key: string;
  /** rootOf(word), read when needed: what pairs a post's word with a claim word its skeleton misses. */
  root?: string;
  word: string;
}

/** Content words as tokens: stems' skeletons, figures in words as digits ("خمسه" is "5"). */
function tokensOf(textWords: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (const word of textWords) {
    const figure = NUMBER_WORDS[word];
    const stem = figure !== undefined ? String(figure) : stemOf(word);
    if (stem) tokens.push(figure !== undefined ? { key: stem, root: stem, word } : { key: skeletonOf(stem), word });
  }
  return tokens;
}

const ARABIC_SUFFIXES = ['هما', 'هم', 'ها', 'ات', 'ون', 'ين', 'يه', 'ان', 'ه', 'ي', 'ت'];

/**
 * A rougher reduction of an Arabic word, for pairing a post's word with a claim word only: without a clitic
 * (ARABIC_CLITICS), up to two pronoun, feminine or plural endings and a verb prefix, and without long vowels ("بقصف" and
 * "تقصف", "لساعه" and "ساعته", "الفلسطينيه" and "فلسطين" meet). Latin words are their stem.
 */
export function rootOf(word: string): string {
  if (!ARABIC.test(word)) return stemOf(word) || word;
  let s = word;
  const strip = (affixes: readonly string[], front: boolean) => {
    for (const a of affixes)
      if (s.length - a.length >= 3 && (front ? s.startsWith(a) : s.endsWith(a))) {
        s = front ? s.slice(a.length) : s.slice(0, -a.length);
        return;
      }
  };
  strip(ARABIC_CLITICS, true);
  // Twice: a pronoun after a feminine ending ("ساعته" is ساعه + ه).
  strip(ARABIC_SUFFIXES, false);
  strip(ARABIC_SUFFIXES, false);
  strip(VERB_PREFIXES, true);
  const bare = s[0]! + s.slice(1).replace(/[اوي]/g, '');
  return bare.length >= 3 ? bare : s;
}

/** Forms of one word that stems and skeletons leave apart: equal roots, or one root inside the other. */
function sameWord(a: Token, b: Token): boolean {
  if (a.key === b.key) return true;
  const ra = (a.root ??= rootOf(a.word));
  const rb = (b.root ??= rootOf(b.word));
  if (ra === rb) return true;
  const [short, long] = ra.length <= rb.length ? [ra, rb] : [rb, ra];
  return short.length >= 3 && long.length - short.length <= 2 && long.includes(short);
}

const NONE = (found: string[]): EditCues => ({
  substitution: 0,
  nominalSwap: 0,
  swapOne: 0,
  reversal: 0,
  nearCopy: false,
  changed: [],
  found,
});

const DEFINITE = /^(?:[وفبك]?ال|لل)../;
const NISBA = /..(?:ي|يه|يين|يون)$/;
/**
 * Whether an Arabic word reads as a noun or adjective of a kind: definite ("الداخليه", "بالتحرش") or a
 * relative adjective ("جماهيري", "المصريه"). One such word put for another ("الممثل" → "المغني") names
 * another thing of the same kind; a paraphrase's synonyms are as often verbs ("يشعل" → "بنشوب").
 */
function nominal(word: string): boolean {
  return DEFINITE.test(word) || NISBA.test(word);
}

/** The edit cues of a post (normalised words) against its matched claim (normalised words). */
export function editCues(postWords: readonly string[], claimWords: readonly string[]): EditCues {
  const found: string[] = [];
  const claim = tokensOf(claimWords);
  const claimKeys = [...new Set(claim.map((t) => t.key))];
  const claimByKey = new Map(claim.map((t) => [t.key, t]));
  const post = tokensOf(postWords);
  // Cheap exit for long posts (most tweets): more distinct words than the claim plus NEAR_COPY.maxAdded
  // cannot be a near copy.
  if (new Set(post.map((t) => t.key)).size > claimKeys.length + NEAR_COPY.maxAdded) return NONE(found);
  // A post word that is a form of a claim word takes the claim word's key.
  for (const token of post) {
    if (claimByKey.has(token.key)) continue;
    const same = claim.find((c) => sameWord(c, token));
    if (same) token.key = same.key;
  }
  const postSet = new Set(post.map((t) => t.key));
  const claimSet = new Set(claimKeys);
  const shared = claimKeys.filter((k) => postSet.has(k));
  const added = [...postSet].filter((k) => !claimSet.has(k));
  const dropped = claimKeys.filter((k) => !postSet.has(k));
  const kept = claimKeys.length ? shared.length / claimKeys.length : 0;
  const nearCopy = shared.length >= 2 && kept >= NEAR_COPY.minKept && added.length <= NEAR_COPY.maxAdded;
  if (!nearCopy) return NONE(found);

  // Aligned replacement: a dropped claim word whose kept neighbour in the claim has, on the same side in
  // the post, a word the claim lacks ("وزير الداخليه" → "وزير الدفاع").
  const addedSet = new Set(added);
  const replaced = new Set<string>();
  let nominal1 = false;
  claim.forEach(({ key, word }, i) => {
    if (postSet.has(key) || replaced.has(key)) return;
    const besides = (neighbour: Token | undefined, side: -1 | 1) => {
      if (!neighbour || !postSet.has(neighbour.key)) return undefined;
      for (let j = 0; j < post.length; j++)
        if (post[j]!.key === neighbour.key && addedSet.has(post[j - side]?.key ?? '')) return post[j - side];
      return undefined;
    };
    const by = besides(claim[i - 1], -1) ?? besides(claim[i + 1], 1);
    if (by) {
      replaced.add(key);
      if (nominal(word) && nominal(by.word)) nominal1 = true;
      found.push(`${word} → ${by.word}`);
    }
  });

  // One word out, one word in, and nothing else changed: the plainest contradiction (a paraphrase seldom
  // changes exactly one word; ANS train: 5 % of assert posts, 14 % of deny).
  const swapOne = dropped.length === 1 && added.length === 1 ? 1 : 0;
  if (swapOne && !replaced.size) found.push(`swapped: ${dropped[0]} → ${added[0]}`);

  // Role reversal: kept words a, m, b each said once, in the order a m b in the claim and b m a in the post.
  const at = (tokens: readonly Token[], key: string) => {
    const i = tokens.findIndex((t) => t.key === key);
    return i >= 0 && tokens.findIndex((t, j) => j > i && t.key === key) < 0 ? i : -1;
  };
  const once = shared.filter((k) => at(claim, k) >= 0 && at(post, k) >= 0).sort((x, y) => at(claim, x) - at(claim, y));
  let reversal = 0;
  for (let m = 1; m < once.length - 1 && !reversal; m++)
    for (let a = 0; a < m && !reversal; a++)
      for (let b = m + 1; b < once.length && !reversal; b++)
        if (at(post, once[b]!) < at(post, once[m]!) && at(post, once[m]!) < at(post, once[a]!)) {
          reversal = 1;
          found.push(`reversed: ${once[a]} ↔ ${once[b]}`);
        }
  const changed = [...added.map((k) => `+${k}`), ...dropped.map((k) => `-${k}`)];
  const nominalSwap = swapOne && nominal1 ? 1 : 0;
  return { substitution: replaced.size, nominalSwap, swapOne, reversal, nearCopy, changed, found };
}
