/**
 * Edits: how a post that matches a claim changed the claim's words. A paraphrase (spreading) puts several of
 * them into other words; a contradiction keeps almost all of them and changes one salient word: another
 * person, body or ministry in the same place ("مادونا" → "ريانا", "الداخليه" → "الدفاع"), an inserted
 * negation, or the two names on either side of the verb swapped ("A warns B" → "B warns A"). The words are
 * compared as content stems (terms.ts) reduced to a skeleton, so clitics, verb prefixes, inflection and
 * figures written in words do not count as edits. The stance model (stance.ts) weighs these cues with its
 * others; `npm run fit-stance` finds their weights. Pure: no browser imports.
 */
import { ARABIC_CLITICS, inTableBehindClitic } from './clitics';
import { NUMBER_WORDS } from './contradiction';
import { stemOf } from './terms';
import { backgroundDf } from './background';

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
  /**
   * 1 when a near copy keeps the claim's words in their order and puts its own words only where claim words
   * were (a slot changed, nothing moved or added around it): a contradiction's shape. A paraphrase moves
   * words about ("آلاف المدنيين يفرون" → "فرار آلاف المدنيين").
   */
  inPlace: number;
  /** 1 when the near copy is in place and changed exactly one slot, one word for one ("يختفي" → "يظهر"). */
  oneSlot: number;
  /**
   * Slots where a figure, date or rank gave way to another of its kind ("50 مليار" → "50 مليون", "49" →
   * "80", "ابريل" → "نوفمبر", "الاربعاء" → "الثلاثاء", "الاولي" → "الثانيه"): SERIES.
   */
  figureSwap: number;
  /** Slots where one claim word gave way to one verb for a verb ("يختفي" → "يظهر"), in a near copy. */
  verbSwap: number;
  /** Slots where one word unknown to ordinary language (a name: "أردوغان" → "بوتين") gave way to another. */
  nameSwap: number;
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

/**
 * Words that frame a post rather than say anything of the claim: how tweets and debunk headlines introduce
 * footage or news ("شاهد", "عاجل", "بالفيديو", "اليوم", "ما حقيقه", "watch", "breaking"). Not edits: a
 * spreading tweet puts "شاهد" where the claim says "مقطع". The roles reading (roles.ts) leaves them out of
 * what a text says happened.
 */
export const FRAMING: ReadonlySet<string> = new Set([
  'شاهد',
  'شاهدوا',
  'شوف',
  'شوفوا',
  'عاجل',
  'فيديو',
  'فديو',
  'مقطع',
  'لقطات',
  'لحظه',
  'لحظات',
  'مشاهد',
  'تسجيل',
  'يظهر',
  'تظهر',
  'يوثق',
  'صوره',
  'صور',
  'حقيقه',
  'الان',
  'اليوم',
  'هنا',
  // Calls to spread it: what a spreading post adds, never what a denial puts in the claim's place.
  'انشر',
  'انشروا',
  'انشروه',
  'انشروها',
  'شارك',
  'شاركوا',
  'شاركوه',
  'شاركوها',
  'watch',
  'breaking',
  'video',
  'footage',
  'photo',
  'shows',
  'showing',
  'today',
  'now',
  'share',
  'retweet',
  'spread',
]);

/** Whether `word` is a framing word, perhaps behind a clitic ("بالفيديو"). */
export const isFraming = (word: string) => inTableBehindClitic(word, FRAMING);

/** Content words as tokens: stems' skeletons, figures in words as digits ("خمسه" is "5"); framing words left out. */
function tokensOf(textWords: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (const word of textWords) {
    if (isFraming(word)) continue;
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
  if (short.length >= 3 && long.length - short.length <= 2 && long.includes(short)) return true;
  return typoOf(ra) === typoOf(rb) || hollowOf(a.key) === hollowOf(b.key);
}

/**
 * A skeleton's consonants: a hollow root loses its و/ي in some forms and keeps it in others ("يزور" and
 * "زياره" have the skeletons "زور" and "زيار"). Read on skeletons, which keep a word's first letter, so a
 * clitic-like first letter stays ("وزير" is not "زيار"). Arabic only, two consonants at least.
 */
function hollowOf(key: string): string {
  const c = ARABIC.test(key) ? key[0]! + key.slice(1).replace(/[اوي]/g, '') : '';
  return c.length >= 2 ? c : `${key}?`;
}

/**
 * A root as typing slips leave it: ذ written د, ظ written ض (common in dialect spelling), and two letters
 * transposed ("اثيوبيا" and "اثويبيا"): its letters in order, for roots of four letters or more.
 */
function typoOf(root: string): string {
  const folded = root.replace(/ذ/g, 'د').replace(/ظ/g, 'ض');
  return folded.length >= 4 ? [...folded].sort().join('') : folded;
}

const NONE = (found: string[]): EditCues => ({
  substitution: 0,
  nominalSwap: 0,
  swapOne: 0,
  reversal: 0,
  inPlace: 0,
  oneSlot: 0,
  figureSwap: 0,
  verbSwap: 0,
  nameSwap: 0,
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

/**
 * An imperfect verb ("يختفي", "تنتقد", "ويظهر"): a prefix letter, no article, no plural or feminine
 * relative ending (a final ي alone is as often a verb's, "يختفي", as an adjective's, "تركي").
 */
const IMPERFECT = /^[وف]?[يتن][^\s]{3,}$/;
function verb(word: string): boolean {
  return IMPERFECT.test(word) && !DEFINITE.test(word) && !/(?:يه|يين|يون|ات)$/.test(word);
}

/** A word ordinary language does not know (background-terms): in news, most often a name. */
function unknownWord(token: Token): boolean {
  return !/^\d/.test(token.key) && backgroundDf(stemOf(token.word)) === 0;
}

/**
 * Words of a series (normalised, without clitics): one put for another of the same series names another
 * date or rank, never a synonym. Months (Egyptian/Gulf and Levantine names), weekdays, ordinals.
 */
export const SERIES: readonly (readonly string[])[] = [
  [
    'يناير',
    'فبراير',
    'مارس',
    'ابريل',
    'مايو',
    'يونيو',
    'يونيه',
    'يوليو',
    'يوليه',
    'اغسطس',
    'سبتمبر',
    'اكتوبر',
    'نوفمبر',
    'ديسمبر',
    'كانون',
    'شباط',
    'اذار',
    'نيسان',
    'ايار',
    'حزيران',
    'تموز',
    'اب',
    'ايلول',
    'تشرين',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  [
    'السبت',
    'الاحد',
    'الاثنين',
    'الثلاثاء',
    'الاربعاء',
    'الخميس',
    'الجمعه',
    'saturday',
    'sunday',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
  ],
  [
    'اول',
    'الاول',
    'الاولي',
    'ثاني',
    'الثاني',
    'الثانيه',
    'ثالث',
    'الثالث',
    'الثالثه',
    'رابع',
    'الرابع',
    'الرابعه',
    'خامس',
    'الخامس',
    'الخامسه',
    'سادس',
    'السادس',
    'السادسه',
    'سابع',
    'السابع',
    'السابعه',
    'ثامن',
    'الثامن',
    'الثامنه',
    'تاسع',
    'التاسع',
    'التاسعه',
    'عاشر',
    'العاشر',
    'العاشره',
    'اخر',
    'الاخير',
    'الاخيره',
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'last',
  ],
];
const SERIES_OF = new Map(SERIES.flatMap((series, i) => series.map((w) => [w, i] as const)));

/** The series a word belongs to (SERIES), behind a clitic or not ("بالاربعاء", "لاول"); -1 for none. */
function seriesOf(word: string): number {
  const direct = SERIES_OF.get(word);
  if (direct !== undefined) return direct;
  for (const clitic of ARABIC_CLITICS)
    if (word.length > clitic.length + 1 && word.startsWith(clitic)) {
      const bare = SERIES_OF.get(word.slice(clitic.length)) ?? SERIES_OF.get(`ال${word.slice(clitic.length)}`);
      if (bare !== undefined) return bare;
    }
  return -1;
}

interface Slots {
  /** Whether the shared words come in the claim's order in the post. */
  ordered: boolean;
  /** Gaps between kept words where claim words gave way to the post's own: [claim words, post words, gap]. */
  swaps: [Token[], Token[], number][];
  /** The last gap's number (after the last kept word): 0 … anchors. */
  lastGap: number;
  /** Gaps where the post adds words of its own and the claim had none. */
  inserts: number;
}

/**
 * The post laid against the claim: the shared words as anchors (each at its first place), and between
 * consecutive anchors what the claim had and what the post has instead.
 */
function slotsOf(claim: readonly Token[], post: readonly Token[], shared: ReadonlySet<string>): Slots {
  const anchors = (tokens: readonly Token[]) => {
    const seen = new Set<string>();
    const at: number[] = [];
    tokens.forEach((t, i) => {
      if (shared.has(t.key) && !seen.has(t.key)) {
        seen.add(t.key);
        at.push(i);
      }
    });
    return at;
  };
  const ca = anchors(claim);
  const pa = anchors(post);
  const ordered = ca.length === pa.length && ca.every((i, n) => claim[i]!.key === post[pa[n]!]!.key);
  const swaps: [Token[], Token[], number][] = [];
  let inserts = 0;
  if (!ordered) return { ordered, swaps, inserts, lastGap: ca.length };
  const between = (tokens: readonly Token[], at: readonly number[], gap: number) =>
    tokens.slice(gap === 0 ? 0 : at[gap - 1]! + 1, gap === at.length ? tokens.length : at[gap]!).filter((t) => !shared.has(t.key));
  for (let gap = 0; gap <= ca.length; gap++) {
    const from = between(claim, ca, gap);
    const to = between(post, pa, gap);
    if (from.length && to.length) swaps.push([from, to, gap]);
    else if (to.length) inserts++;
  }
  return { ordered, swaps, inserts, lastGap: ca.length };
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

  const slots = slotsOf(claim, post, new Set(shared));
  const inPlace = slots.ordered && slots.swaps.length > 0 && slots.inserts === 0 ? 1 : 0;
  let verbSwap = 0;
  let nameSwap = 0;
  let figureSwap = 0;
  const figure = (t: Token) => /^\d/.test(t.key);
  const series = (tokens: readonly Token[]) => new Set(tokens.map((t) => seriesOf(t.word)).filter((i) => i >= 0));
  for (const [from, to] of slots.swaps) {
    const before = series(from);
    if ((from.some(figure) && to.some(figure)) || [...series(to)].some((i) => before.has(i))) figureSwap++;
  }
  const [firstSwap] = slots.swaps;
  const oneSlot = inPlace && slots.swaps.length === 1 && firstSwap![0].length === 1 && firstSwap![1].length === 1 ? 1 : 0;
  for (const [[from, ...moreFrom], [to, ...moreTo]] of slots.swaps) {
    if (moreFrom.length || moreTo.length) continue;
    if (verb(from!.word) && verb(to!.word)) verbSwap++;
    if (unknownWord(from!) && unknownWord(to!)) nameSwap++;
  }
  if (inPlace) found.push(oneSlot ? 'in place, one word' : 'in place');
  if (figureSwap) found.push('figure swapped');
  if (verbSwap) found.push('verb swapped');
  if (nameSwap) found.push('name swapped');
  return {
    substitution: replaced.size,
    nominalSwap,
    swapOne,
    reversal,
    inPlace,
    oneSlot,
    figureSwap,
    verbSwap,
    nameSwap,
    nearCopy,
    changed,
    found,
  };
}

/**
 * Words that number a part of a series, by kind (normalised; Arabic behind a clitic too): "Part 2" and
 * "Part 3", "الحلقة الثانية" and "الحلقة الثالثة" are two items of one series, never one claim reworded.
 */
export const PART_MARKERS: Readonly<Record<string, readonly string[]>> = {
  part: ['part', 'pt', 'جزء', 'الجزء'],
  episode: ['episode', 'ep', 'حلقه', 'الحلقه'],
  chapter: ['chapter', 'ch', 'فصل', 'الفصل'],
  season: ['season', 'موسم', 'الموسم'],
  volume: ['volume', 'vol', 'مجلد', 'المجلد'],
  number: ['number', 'رقم'],
};
const MARKER_KIND = new Map(Object.entries(PART_MARKERS).flatMap(([kind, ws]) => ws.map((w) => [w, kind] as const)));

/** Numbers a part is given in words: English cardinals and ordinals, Arabic ordinals (both genders), roman numerals. */
export const PART_NUMBERS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, i) => [w, i + 1]),
  ),
  ...Object.fromEntries(
    ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map((w, i) => [w, i + 1]),
  ),
  ...Object.fromEntries(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'].map((w, i) => [w, i + 1])),
  ...Object.fromEntries(
    [
      ['اول', 'اولي', 'احد'],
      ['ثاني', 'ثانيه'],
      ['ثالث', 'ثالثه'],
      ['رابع', 'رابعه'],
      ['خامس', 'خامسه'],
      ['سادس', 'سادسه'],
      ['سابع', 'سابعه'],
      ['ثامن', 'ثامنه'],
      ['تاسع', 'تاسعه'],
      ['عاشر', 'عاشره'],
    ].flatMap((forms, i) => forms.map((w) => [w, i + 1] as const)),
  ),
};

/** The number a word gives a part: digits ("2", "ال2"), PART_NUMBERS, Arabic number words, behind "ال" too. */
function partNumber(word: string): number | undefined {
  const bare = word.startsWith('ال') && word.length > 2 ? word.slice(2) : word;
  if (/^\d{1,3}$/.test(bare)) return Number(bare);
  return PART_NUMBERS[word] ?? PART_NUMBERS[bare] ?? NUMBER_WORDS[bare];
}

/** The kind of part a word marks (PART_MARKERS), behind a clitic or not ("والحلقه"); undefined for none. */
function markerKind(word: string): string | undefined {
  const direct = MARKER_KIND.get(word);
  if (direct) return direct;
  for (const clitic of ARABIC_CLITICS)
    if (word.length > clitic.length + 2 && word.startsWith(clitic)) {
      const kind = MARKER_KIND.get(word.slice(clitic.length));
      if (kind) return kind;
    }
  return undefined;
}

/**
 * The parts a text numbers, by kind: a marker with a number after it ("part 2", "pt ii", "الجزء الثاني",
 * "الحلقه 3") or an ordinal before it ("the second part"); "#3" in raw text numbers a part of no named kind.
 */
export function partsOf(textWords: readonly string[], rawText = ''): Map<string, Set<number>> {
  const parts = new Map<string, Set<number>>();
  const add = (kind: string, n: number) => parts.set(kind, (parts.get(kind) ?? new Set()).add(n));
  textWords.forEach((word, i) => {
    const kind = markerKind(word);
    if (!kind) return;
    const after = textWords[i + 1] === undefined ? undefined : partNumber(textWords[i + 1]!);
    const before = textWords[i - 1] === undefined || /^\d/.test(textWords[i - 1]!) ? undefined : partNumber(textWords[i - 1]!);
    // "i" and "v" before a word are a pronoun or a letter, not a numeral: only ordinals precede a marker.
    if (after !== undefined) add(kind, after);
    else if (before !== undefined && !/^[ivx]+$/.test(textWords[i - 1]!)) add(kind, before);
  });
  for (const m of rawText.matchAll(/(?:^|\s)#(\d{1,3})(?=$|[\s:.,)])/g)) add('#', Number(m[1]));
  return parts;
}

/**
 * Whether the post numbers another part of the claim's series: a kind of part both number ("Part 3"
 * against "Part 2") with no number in common, or a bare "#3" against every number the claim gives.
 */
export function anotherPart(postWords: readonly string[], claimWords: readonly string[], postText = ''): boolean {
  const post = partsOf(postWords, postText);
  const claim = partsOf(claimWords);
  const disjoint = (a: ReadonlySet<number>, b: ReadonlySet<number>) => ![...a].some((n) => b.has(n));
  for (const [kind, numbers] of post) {
    if (kind === '#') {
      const all = new Set([...claim.values()].flatMap((s) => [...s]));
      if (all.size && !claim.has('#') && disjoint(numbers, all)) return true;
      continue;
    }
    const theirs = claim.get(kind);
    if (theirs && disjoint(numbers, theirs)) return true;
  }
  return false;
}

/**
 * A word of a name: no figure, and rare in ordinary language (background-terms: in under half a document
 * of BACKGROUND_LIST; "mario" 0.4, "madonna" 0.42, but "interior" 0.87, "defence" 0.51).
 */
function nameWord(token: Token): boolean {
  return !/^\d/.test(token.key) && backgroundDf(stemOf(token.word)) < 0.5;
}

/** Latin words the raw text writes with a capital (lower-cased): what a name looks like where case is kept. */
function capitalised(rawText: string): Set<string> {
  return new Set([...rawText.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu)].map((m) => m[0].toLowerCase()));
}

/**
 * Whether the post (in Latin script) tells the claim of another subject: it keeps the claim's other words
 * in order (all but one in five at most, three at least) and puts, in the one slot where they differ
 * (before the last kept word; one word longer at most), a name of its own where the claim's name was
 * ("Donkey Kong 64 … speedrun explained" → "Super Mario 64 … speedrun explained"), adding at most three
 * words elsewhere. The same kind of event about another game, person or place is another claim.
 */
export function anotherSubject(postWords: readonly string[], claimWords: readonly string[], postText = ''): boolean {
  const claim = tokensOf(claimWords);
  const post = tokensOf(postWords);
  const claimKeys = new Set(claim.map((t) => t.key));
  if (new Set(post.map((t) => t.key)).size > claimKeys.size + 2 * NEAR_COPY.maxAdded) return false;
  const claimByKey = new Map(claim.map((t) => [t.key, t]));
  for (const token of post) {
    if (claimByKey.has(token.key)) continue;
    const same = claim.find((c) => sameWord(c, token));
    if (same) token.key = same.key;
  }
  const postKeys = new Set(post.map((t) => t.key));
  const shared = new Set([...claimKeys].filter((k) => postKeys.has(k)));
  if (shared.size < 3) return false;
  const slots = slotsOf(claim, post, shared);
  if (!slots.ordered || slots.swaps.length !== 1) return false;
  const [from, to, gap] = slots.swaps[0]!;
  // Not after the last kept word: there the claim's words run on into the debunk's headline, and a post
  // into a comment or hashtags of its own.
  if (gap === slots.lastGap || to.length > from.length + 1) return false;
  // In Latin script the post's name must also be written as one, with a capital (when its raw text is known).
  const caps = /[A-Za-z]/.test(postText) ? capitalised(postText) : null;
  const postName = (t: Token) => nameWord(t) && (!caps || !/^[a-z]/.test(t.word) || caps.has(t.word));
  if (from.length > 4 || to.length > 4 || !from.some(nameWord) || !to.some(postName)) return false;
  // Latin script only: Arabic has no capitals to confirm a name by, and words rare in ordinary language
  // are as often a paraphrase's there (ANS assert pairs: "مزاعم" → "أقوال", "تتعهد بتعقب" → "تعلن
  // ملاحقتها"; read without capitals, 9 of 1,301 asserts against 21 of 2,399 denials).
  if ([...from, ...to].some((t) => ARABIC.test(t.word))) return false;
  const fromKeys = new Set(from.map((t) => t.key));
  const outside = [...claimKeys].filter((k) => !fromKeys.has(k));
  const keptOutside = outside.filter((k) => shared.has(k)).length;
  const toKeys = new Set(to.map((t) => t.key));
  const addedElsewhere = [...postKeys].filter((k) => !claimKeys.has(k) && !toKeys.has(k)).length;
  return keptOutside >= 0.8 * outside.length && addedElsewhere <= NEAR_COPY.maxAdded;
}

/** A near miss (another part of the claim's series, or its event told of another subject): never the claim. */
export function nearMiss(postWords: readonly string[], claimWords: readonly string[], postText = ''): boolean {
  return anotherPart(postWords, claimWords, postText) || anotherSubject(postWords, claimWords, postText);
}
