import type { ListOrigin, MatchView } from '@/lib/wire/shapes';
import { readHttpUrl } from '@/lib/untrusted/read';
import { formatPartialDate, formatPercent } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { Candidate } from '@/lib/match/types';
import { ReasonList, shownReasons } from './ReasonList';
import { VerdictIcon } from './VerdictIcon';

export const verdictKey = (verdict: string) => `verdict_${verdict}` as MessageKey;

/** Plain words for a text match: a badged match is never called weak, a "possibly related" one never strong. */
function strength({ score, badge }: Candidate): MessageKey {
  if (badge) return score >= 0.7 ? 'strength_strong' : 'strength_moderate';
  return score >= 0.5 ? 'strength_moderate' : 'strength_weak';
}

export function howMatched(candidate: Candidate, locale: string): string {
  if (candidate.how === 'same-media') return t('how_same_media');
  if (candidate.how === 'same-link') return t('how_same_link');
  if (candidate.how === 'same-footage')
    return t('how_same_footage', formatPercent(candidate.score, locale), formatPercent(candidate.referenceShare ?? 0, locale));
  return t('how_similar_text', t(strength(candidate)), formatPercent(candidate.score, locale));
}

/** Which list the card comes from: the publisher named above is that list's word, verified only when signed. */
function listLine(list: ListOrigin | undefined): string {
  if (!list) return '';
  if (list.trust === 'built-in') return t('list_builtIn');
  return t(list.trust === 'signed' ? 'list_signed' : 'list_unsigned', list.name);
}

/** One debunk explained: verdict, the claim as stated, the reasons, who says so, and how it matched. */
export function VerdictCard({ view, locale, headingLevel = 2 }: { view: MatchView; locale: string; headingLevel?: 2 | 3 }) {
  const { debunk, candidate } = view;
  const Heading = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const reviewUrl = readHttpUrl(debunk.reviewUrl);
  return (
    <article class="sanad-card" data-verdict={debunk.verdict} data-debunk={debunk.id}>
      <Heading class="sanad-verdict">
        <VerdictIcon verdict={debunk.verdict} />
        <span>{t(verdictKey(debunk.verdict))}</span>
        {debunk.rating && debunk.rating !== t(verdictKey(debunk.verdict)) && (
          <span class="sanad-rating" lang={debunk.language} dir="auto">
            {debunk.rating}
          </span>
        )}
      </Heading>
      <Sub class="sanad-label">{t('claimHeading')}</Sub>
      <p class="sanad-claim" lang={debunk.language} dir="auto">
        {debunk.claim}
      </p>
      {shownReasons(debunk.reasons).length > 0 && (
        <>
          <Sub class="sanad-label">{t('reasonsHeading')}</Sub>
          <ReasonList debunk={debunk} locale={locale} />
        </>
      )}
      {debunk.conclusion && !shownReasons(debunk.reasons).some((r) => r.note === debunk.conclusion) && (
        <p class="sanad-conclusion" lang={debunk.language} dir="auto">
          {debunk.conclusion}
        </p>
      )}
      <p class="sanad-source">
        <span>{t('factCheckBy', debunk.publisher.name || t('unknownPublisher'))}</span>
        {debunk.reviewDate && <span> · {t('publishedOn', formatPartialDate(debunk.reviewDate, locale))}</span>}
      </p>
      {reviewUrl && (
        <p>
          <a class="sanad-link" href={reviewUrl} target="_blank" rel="noopener noreferrer">
            {t('readFactCheck')}
          </a>
        </p>
      )}
      <p class="sanad-list" data-trust={debunk.list.trust} dir="auto">
        {listLine(debunk.list)}
      </p>
      <p class="sanad-how" data-how={candidate.how}>
        {howMatched(candidate, locale)}
      </p>
    </article>
  );
}
