import type { ComponentChildren } from 'preact';
import type { MediaCredentials } from '@/lib/debunk/types';
import type { ListOrigin, MatchView } from '@/lib/wire/shapes';
import { readHttpUrl } from '@/lib/untrusted/read';
import { formatPartialDate, formatPercent } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/t';
import { Isolated, Quote, tx } from './message';
import type { Candidate } from '@/lib/match/types';
import { certaintyLabel, deskName, findingKind, findingLabel } from './finding';
import { ReasonList, shownReasons } from './ReasonList';
import { VerdictIcon } from './VerdictIcon';

/**
 * How one post matched, in plain words: certain matches say what is the same (a picture when the debunked
 * media is pictures, whose "share seen" is a single frame's, so it is not quoted); text matches carry no score.
 */
export function howMatched(candidate: Candidate, locale: string, mediaKind?: 'image' | 'video'): string {
  if (candidate.how === 'same-media') return t('how_same_media');
  if (candidate.how === 'same-link') return t('how_same_link');
  if (candidate.how === 'same-footage' && mediaKind === 'image') return t('how_same_picture', formatPercent(candidate.score, locale));
  if (candidate.how === 'same-footage')
    return t('how_same_footage', formatPercent(candidate.score, locale), formatPercent(candidate.referenceShare ?? 0, locale));
  return candidate.badge ? t('how_similar_text') : t('how_related');
}

/** Which list the card comes from: the publisher named above is that list's word, verified only when signed. */
function listLine(list: ListOrigin | undefined): string {
  if (!list) return '';
  if (list.trust === 'built-in') return t('list_builtIn');
  return t(list.trust === 'signed' ? 'list_signed' : 'list_unsigned', list.name);
}

/** What the debunked file's Content Credentials claim, always as a claim: nobody checked the signature. */
function credentialsLine(c: MediaCredentials) {
  const what =
    c.sourceKind === 'ai-generated'
      ? t('credentials_aiGenerated')
      : c.sourceKind === 'ai-composite'
        ? t('credentials_aiComposite')
        : c.sourceKind === 'algorithmic'
          ? t('credentials_algorithmic')
          : c.sourceKind === 'composite'
            ? t('credentials_composite')
            : c.actions.some((a) => a !== 'c2pa.created')
              ? t('credentials_edited')
              : t('credentials_noAi');
  // The tool's name is the file's own text, in any script: isolated so it cannot reorder the sentence.
  return tx('credentials_says', what, <Isolated text={c.claimGenerator ?? t('credentials_unnamedTool')} />);
}

/**
 * One debunk explained, most telling first: what was found, who says so (desk, date, link), the claim and
 * the reasons; which list it came from; then, when the card is about one post (`match`), how that post matched;
 * then `children` (the badge panel's "Report a wrong match"), inside the card's border and padding.
 */
export function VerdictCard({
  view,
  locale,
  headingLevel = 2,
  match,
  children,
}: {
  view: MatchView;
  locale: string;
  headingLevel?: 2 | 3;
  match?: Candidate;
  children?: ComponentChildren;
}) {
  const { debunk } = view;
  const Heading = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const reviewUrl = readHttpUrl(debunk.reviewUrl);
  const desk = debunk.publisher.name ? deskName(debunk.publisher.name, locale) : t('unknownPublisher');
  // The desk's own rating word only when it is in another language than the UI: else it repeats the heading.
  const foreignRating = debunk.rating && debunk.language && debunk.language.split('-')[0] !== locale.split('-')[0];
  return (
    <article class="sanad-card" data-verdict={debunk.verdict} data-debunk={debunk.id} data-certainty={match && certainty(match)}>
      <Heading class="sanad-verdict">
        <VerdictIcon kind={findingKind(debunk)} />
        <span>{findingLabel(debunk, locale)}</span>
      </Heading>
      {match && <p class="sanad-certainty">{certaintyLabel(match, debunk.mediaKind)}</p>}
      <p class="sanad-source">
        <span>{tx('factCheckBy', <Isolated text={desk} />)}</span>
        {debunk.reviewDate && <span> · {t('publishedOn', formatPartialDate(debunk.reviewDate, locale))}</span>}
        {reviewUrl && (
          <>
            {' · '}
            <a class="sanad-link" href={reviewUrl} target="_blank" rel="noopener noreferrer">
              {t('readFactCheck')}
            </a>
          </>
        )}
      </p>
      {foreignRating && (
        <p class="sanad-rating">{tx('deskRating', <Isolated text={desk} />, <Quote text={debunk.rating!} lang={debunk.language} />)}</p>
      )}
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
      {debunk.contentCredentials && (
        <p class="sanad-credentials" data-source-kind={debunk.contentCredentials.sourceKind} dir="auto">
          {credentialsLine(debunk.contentCredentials)}
        </p>
      )}
      <p class="sanad-list" data-trust={debunk.list.trust} dir="auto">
        {listLine(debunk.list)}
      </p>
      {match && (
        <p class="sanad-how" data-how={match.how}>
          {howMatched(match, locale, debunk.mediaKind)}
        </p>
      )}
      {children}
    </article>
  );
}

const certainty = (match: Candidate) => (match.how === 'similar-text' ? (match.badge ? 'similar' : 'related') : 'certain');
