import { foldForLookup } from '../text/normalise';
import type { Verdict } from './types';

// Rating texts as fact-checkers publish them, by verdict. Matching is on folded text (Arabic orthography
// normalised, lower case, punctuation removed), whole phrase first, then whole words. Order matters: the
// first verdict with a matching word wins, so the more specific verdicts come first.
// prettier-ignore
const RATING_WORDS: ReadonlyArray<readonly [Verdict, readonly string[]]> = [
  [
    'altered',
    [
      'altered', 'fabricated', 'manipulated', 'doctored', 'edited', 'photoshopped', 'deepfake', 'fake video',
      'ai generated', 'ai-generated', 'digitally altered', 'transformed content', 'edited or cropped content',
      'مفبرك', 'مفبركة', 'معدل', 'معدلة', 'محرف', 'محرفة', 'مركب', 'مركبة', 'مولد بالذكاء الاصطناعي',
      'مصنوع بالذكاء الاصطناعي', 'معدل رقميا', 'تزييف عميق',
    ],
  ],
  ['satire', ['satire', 'parody', 'satirical', 'ساخر', 'ساخرة', 'سخرية', 'محتوى ساخر']],
  [
    'misleading',
    [
      'misleading', 'missing context', 'out of context', 'lacks context', 'mixture', 'half true', 'partly false',
      'partially false', 'partly true', 'decontextualized', 'decontextualised', 'exaggerated', 'miscaptioned',
      'old footage', 'outdated', 'mostly false', 'مضلل', 'مضللة', 'مجتزا', 'مجتزاه', 'خارج السياق', 'سياق مضلل',
      'نصف صحيح', 'صحيح جزئيا', 'مبالغ فيه', 'قديم', 'قديمه',
      // The words of the desks in the directory and the saved desk pages that write Spanish, Portuguese,
      // French, German and Hindi ratings.
      'engañoso', 'enganoso', 'sacado de contexto', 'fuera de contexto', 'fora de contexto', 'não é bem assim',
      'trompeur', 'hors contexte', 'irreführend', 'भ्रामक',
    ],
  ],
  [
    'false',
    [
      'false', 'fake', 'misattributed', 'pants on fire', 'incorrect', 'wrong', 'hoax', 'not true', 'baseless', 'scam', 'inaccurate',
      'زائف', 'زائفه', 'كاذب', 'كاذبه', 'خاطئ', 'خاطئه', 'غير صحيح', 'غير صحيحه', 'مزيف', 'مزيفه', 'ملفق',
      'ملفقه', 'شائعه', 'اشاعه', 'خطا', 'كذب', 'مختلق', 'مختلقه', 'احتيال',
      'falso', 'falsa', 'faux', 'fausse', 'falsch', 'फर्जी', 'फ़र्ज़ी', 'झूठ', 'गलत', 'ग़लत',
    ],
  ],
  [
    'unproven',
    ['unproven', 'unverified', 'unsupported', 'no evidence', 'research in progress', 'غير مثبت', 'غير موكد', 'بلا دليل', 'لا دليل'],
  ],
  ['true', ['true', 'correct', 'accurate', 'mostly true', 'صحيح', 'صحيحه', 'حقيقي', 'حقيقيه', 'دقيق']],
];

const PHRASE_TO_VERDICT = new Map<string, Verdict>();
for (const [verdict, words] of RATING_WORDS) {
  for (const word of words) {
    const folded = foldForLookup(word);
    if (!PHRASE_TO_VERDICT.has(folded)) PHRASE_TO_VERDICT.set(folded, verdict);
  }
}

/**
 * Maps a free-text rating ("False", "زائف", "Missing context"…) to a verdict. An unknown rating is
 * `unrated`: a guess could put a wrong badge on a true post.
 */
export function verdictFromRating(rating: string | undefined | null): Verdict {
  if (!rating) return 'unrated';
  const folded = foldForLookup(rating);
  if (!folded) return 'unrated';
  const exact = PHRASE_TO_VERDICT.get(folded);
  if (exact) return exact;
  // Ratings such as "Mostly False." or "التصنيف: زائف" carry the verdict inside a longer phrase. Negation
  // flips meaning ("not false"), so a phrase with a negation that is not itself a known phrase stays unrated.
  const padded = ` ${folded} `;
  if (/ (not|no|غير|ليس|ليست) /.test(padded)) return 'unrated';
  for (const [verdict, words] of RATING_WORDS) {
    if (words.some((w) => padded.includes(` ${foldForLookup(w)} `))) return verdict;
  }
  return 'unrated';
}
