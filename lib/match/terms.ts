/**
 * The terms a text is indexed and searched by: stems of its content words plus adjacent-word pairs, which
 * reward the same phrase over the same words scattered.
 */
import { cleanPostText, words } from '../text/normalise';
import { stemWord } from '../text/stem';
import { STOP_WORDS } from '../text/stopwords';

export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)))
    .map(stemWord);
}

/** Term → weighted count. Pairs count half: they add evidence, they are not new words. */
export function termCounts(text: string, weight = 1, into = new Map<string, number>()): Map<string, number> {
  const stems = contentStems(text);
  stems.forEach((stem, i) => {
    into.set(stem, (into.get(stem) ?? 0) + weight);
    const next = stems[i + 1];
    if (next) into.set(`${stem}_${next}`, (into.get(`${stem}_${next}`) ?? 0) + weight * 0.5);
  });
  return into;
}

/** A post's terms, after removing links, @handles and quoted-tweet signatures. */
export function postTerms(text: string): Map<string, number> {
  return termCounts(cleanPostText(text));
}
