/**
 * Who did what to whom (Arabic). A claim such as "أسر عناصر من الجيش السوري على أيدي قسد" names a doer
 * (after "على أيدي", "بيد", "من قبل", "لدى", "عند") and a sufferer (after "عناصر", "جنود", "أسرى" …, "من"). A
 * post that names both with their roles swapped ("أسرى من عناصر قسد بيد الجيش السوري"), puts them side by
 * side as equals ("اشتباكات بين الجيش السوري وقسد", "الجيش وقسد يتفقان على تبادل الأسرى"), or names both but
 * none of what the claim says happened ("إصابة عناصر من الجيش السوري بقصف لقسد") reports another event
 * about the same parties: word overlap alone cannot tell it from a paraphrase, since it shares the parties'
 * words and often the event's too. Pure tables and reading over normalised words; claims without both roles
 * are never judged.
 */
import { inTableBehindClitic, isBehindClitic } from './clitics';
import { isFraming, rootOf } from './edits';
import { PLACES } from './contradiction';
import { stemOf } from './terms';

/** Words (normalised) after which the doer is named: "على يد قسد", "بيد الجيش", "من قبل", "لدى", "عند". */
export const DOER_MARKERS: readonly (readonly string[])[] = [
  ['علي', 'يد'],
  ['علي', 'ايدي'],
  ['علي', 'يدي'],
  ['بيد'],
  ['بايدي'],
  ['من', 'قبل'],
  ['لدي'],
  ['عند'],
  ['قبضه'],
  ['بقبضه'],
];

/** Members of a party ("عناصر من قسد", "جنود الجيش", "أسرى الجيش"): the party after them undergoes the event. */
export const MEMBER_WORDS: readonly string[] = [
  'عناصر',
  'عنصر',
  'عنصرا',
  'جنود',
  'جنودا',
  'جندي',
  'اسري',
  'مقاتلي',
  'مقاتلين',
  'مقاتلون',
  'افراد',
  'منتسبي',
];

/** Where, not who: "في مدينة حلب", "بريف حلب". */
export const PLACE_NOUNS: readonly string[] = ['مدينه', 'حي', 'ريف', 'منطقه', 'محافظه', 'بلده', 'احياء'];

/** Words that put two parties side by side. */
const BETWEEN = 'بين';
/** "A … مع B": the one with the other (clashes, talks, an exchange). */
const WITH = 'مع';
/** How many words a party's name runs to at most ("قوات سوريا الديمقراطيه قسد"). */
const PARTY_WORDS = 4;
/** How far after "بين" both parties are looked for. */
const BETWEEN_SPAN = 7;

/** A word, or the word without one leading clitic (clitics.ts), in `table`. */
const inTable = inTableBehindClitic;

const MEMBERS = new Set(MEMBER_WORDS);
const MARKER_ENDS = new Set(DOER_MARKERS.map((m) => m[m.length - 1]!));
const PLACE_NOUN_SET = new Set(PLACE_NOUNS);
const PLACE_WORDS = new Set([
  ...PLACE_NOUNS,
  ...PLACES.flatMap((p) => [...p.ar.filter((w) => !w.includes(' ')), ...p.arAdjectives.flatMap((a) => [a, `${a}ه`])]),
]);
const placeKeys = new Set([...PLACE_WORDS].map(rootOf));
const isPlace = (word: string) => inTable(word, PLACE_WORDS) || placeKeys.has(rootOf(word));

export interface Roles {
  /** Keys (rootOf) of the words naming the doer. */
  doers: Set<string>;
  /** Keys of the words naming the party that undergoes the event. */
  sufferers: Set<string>;
  /** Keys of what is neither party, marker, framing nor place: what the text says happened. */
  event: Set<string>;
  /** Keys of each word, in order (stop words as ''), for reading coordination. */
  keys: string[];
}

function markerAt(words: readonly string[], i: number): number {
  for (const marker of DOER_MARKERS)
    if (marker.every((m, j) => words[i + j] === m || (j === 0 && marker.length === 1 && isBehindClitic(words[i]!, m))))
      return marker.length;
  return 0;
}

/** The party named from word `i` on: up to PARTY_WORDS content words, up to a stop word, marker, member or place noun. */
function partyAt(words: readonly string[], i: number, into: Set<string>, taken: Set<number>): void {
  if (words[i] === 'من') i++;
  for (let n = 0; n < PARTY_WORDS && i < words.length; n++, i++) {
    const word = words[i]!;
    // A word joined by و after the name starts another party ("الجيش السوري وقوات قسد").
    if (!stemOf(word) || markerAt(words, i) || inTable(word, MEMBERS) || inTable(word, PLACE_NOUN_SET) || (n > 0 && word.startsWith('و')))
      return;
    taken.add(i);
    if (!isPlace(word)) into.add(rootOf(word));
  }
}

/** The roles a text's normalised words give its parties. */
export function readRoles(words: readonly string[]): Roles {
  const doers = new Set<string>();
  const sufferers = new Set<string>();
  const taken = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const marker = markerAt(words, i);
    if (marker) {
      for (let j = i; j < i + marker; j++) taken.add(j);
      partyAt(words, i + marker, doers, taken);
    } else if (inTable(words[i]!, MEMBERS)) {
      taken.add(i);
      partyAt(words, i + 1, sufferers, taken);
    }
  }
  // A word on both sides ("السوري" in "الجيش السوري" and "قوات سوريا") says nothing about either.
  for (const key of [...doers]) if (sufferers.delete(key)) doers.delete(key);
  const event = new Set<string>();
  const keys = words.map((word, i) => {
    const content = !!stemOf(word);
    if (content && !taken.has(i) && !isFraming(word) && !isPlace(word)) event.add(rootOf(word));
    return content ? rootOf(word) : '';
  });
  return { doers, sufferers, event, keys };
}

const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((k) => b.has(k));

/** Whether the post names the two parties as equals: "بين A وB", "A … مع B", or "A وB" side by side. */
function sideBySide(postWords: readonly string[], keys: readonly string[], doers: Set<string>, sufferers: Set<string>): boolean {
  const side = (k: string) => (doers.has(k) ? 1 : sufferers.has(k) ? 2 : 0);
  for (let i = 0; i < postWords.length; i++) {
    if (postWords[i] === BETWEEN) {
      const seen = new Set(keys.slice(i + 1, i + 1 + BETWEEN_SPAN).map(side));
      if (seen.has(1) && seen.has(2)) return true;
    }
    // "اشتباكات مع قسد" after "الجيش السوري": one party with the other, as equals.
    if (postWords[i] === WITH && keys.slice(i + 1, i + 1 + PARTY_WORDS).some((k) => side(k))) {
      const other = 3 - side(keys.slice(i + 1, i + 1 + PARTY_WORDS).find((k) => side(k))!);
      if (keys.slice(0, i).some((k) => side(k) === other)) return true;
    }
    // "وقسد" after "الجيش السوري": a party joined to the other by و.
    const word = postWords[i]!;
    if (word.startsWith('و') && side(keys[i]!)) {
      const before = keys.slice(Math.max(0, i - PARTY_WORDS), i).map(side);
      if (before.some((s) => s && s !== side(keys[i]!))) return true;
    }
  }
  return false;
}

/**
 * Whether the post tells another event about the claim's two parties (see the module comment). Both are
 * normalised words; a claim that does not name a doer and a sufferer is never judged.
 */
export function anotherEventOfParties(postWords: readonly string[], claimWords: readonly string[]): boolean {
  // Most claims name no doer: a look for any marker's last word spares reading their roles.
  if (!claimWords.some((w) => inTable(w, MARKER_ENDS))) return false;
  const claim = readRoles(claimWords);
  if (!claim.doers.size || !claim.sufferers.size) return false;
  const post = readRoles(postWords);
  const postKeys = new Set(post.keys);
  if (!meets(postKeys, claim.doers) || !meets(postKeys, claim.sufferers)) return false;
  const swapped = meets(post.doers, claim.sufferers) || meets(post.sufferers, claim.doers);
  const kept = meets(post.doers, claim.doers) || meets(post.sufferers, claim.sufferers);
  if (swapped && !kept) return true;
  if (sideBySide(postWords, post.keys, claim.doers, claim.sufferers)) return true;
  return !meets(postKeys, claim.event);
}
