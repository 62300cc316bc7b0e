/**
 * What a badge and a card say first: the kind of finding ("AI-generated", "Old footage: 2019, Hama"), the
 * desk that found it, and how sure the match is, said as what it is (the same post, or a similar claim).
 * Pure wording over the debunk summary: the badge host and the verdict card both ask here, so the badge on
 * the page and the card behind it never disagree.
 */
import type { ReasonKind, Verdict } from '@/lib/debunk/types';
import type { Candidate, MatchView } from '@/lib/wire/shapes';
import { formatPartialDate, pickLocalised } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n/t';

export type FindingKind = ReasonKind | 'altered' | 'fact-checked';

/** The verdict's own kind when the fact-check gives no structured reason. */
const KIND_OF_VERDICT: Record<Verdict, FindingKind> = {
  false: 'false-claim',
  misleading: 'misleading',
  altered: 'altered',
  satire: 'satire',
  unproven: 'unproven',
  true: 'fact-checked',
  unrated: 'fact-checked',
};

const FINDING_KEYS: Record<FindingKind, MessageKey> = {
  'ai-generated': 'finding_ai_generated',
  'old-footage': 'finding_old_footage',
  edited: 'finding_edited',
  staged: 'finding_staged',
  satire: 'finding_satire',
  'false-claim': 'finding_false_claim',
  misleading: 'finding_misleading',
  unproven: 'finding_unproven',
  altered: 'finding_altered',
  'fact-checked': 'finding_fact_checked',
};

/** The first reason says what the fact-check found (desks list the decisive one first); else the verdict. */
export function findingKind(debunk: Pick<MatchView['debunk'], 'verdict' | 'reasons'>): FindingKind {
  return debunk.reasons[0]?.kind ?? KIND_OF_VERDICT[debunk.verdict];
}

/** "AI-generated", "Old footage: 2019, Hama countryside", "False claim"… in the UI language. */
export function findingLabel(debunk: Pick<MatchView['debunk'], 'verdict' | 'reasons' | 'language'>, locale: string): string {
  const kind = findingKind(debunk);
  const reason = debunk.reasons[0];
  if (reason?.kind !== 'old-footage') return t(FINDING_KEYS[kind]);
  const year = reason.originalDate && formatPartialDate(reason.originalDate.slice(0, 4), locale);
  const place = pickLocalised(reason.originalPlace, locale, debunk.language);
  const from = year && place ? t('yearAndPlace', year, place) : year || place;
  return from ? t('finding_old_footage_from', from) : t('finding_old_footage');
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/**
 * The desk's name as a reader knows it: desks often publish a bilingual name ("مسبار (Misbar)"); the badge
 * keeps the half in the UI's script, or the whole name when it is not written that way.
 */
export function deskName(publisher: string, locale: string): string {
  const name = publisher.trim();
  const bilingual = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
  if (!bilingual) return name || t('unknownPublisher');
  const [, first, second] = bilingual as unknown as [string, string, string];
  if (ARABIC.test(first) === ARABIC.test(second)) return name;
  const wantArabic = locale.split('-')[0] === 'ar';
  return ARABIC.test(first) === wantArabic ? first : second;
}

/** A match the page can be sure of: the post, its footage or its link is what the fact-check names. */
export const isCertain = (candidate: Pick<Candidate, 'how'>): boolean => candidate.how !== 'similar-text';

/** How sure the match is, in words: never a percentage, never "weak" on a badge. */
export function certaintyLabel(candidate: Pick<Candidate, 'how' | 'badge'>, mediaKind?: 'image' | 'video'): string {
  if (candidate.how === 'same-media') return t('certainty_same_media');
  if (candidate.how === 'same-footage') return t(mediaKind === 'image' ? 'certainty_same_picture' : 'certainty_same_footage');
  if (candidate.how === 'same-link') return t('certainty_same_link');
  return candidate.badge ? t('certainty_similar_text') : t('certainty_related');
}

/**
 * The badge's words: its visible text is the finding and the desk (the badge host isolates the desk's name
 * in a <bdi>); the accessible name says the same and adds how sure the match is.
 */
export function badgeWords(view: MatchView, locale: string): { finding: string; desk: string; name: string } {
  const finding = findingLabel(view.debunk, locale);
  const desk = deskName(view.debunk.publisher.name, locale);
  return { finding, desk, name: t('badgeName', finding, desk, certaintyLabel(view.candidate, view.debunk.mediaKind)) };
}
