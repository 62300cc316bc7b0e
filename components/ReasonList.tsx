import type { ArtifactCode, Debunk, Reason } from '@/lib/debunk/types';
import { readHttpUrl } from '@/lib/untrusted/read';
import { formatPartialDate, pickLocalised } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n/t';
import { Quote } from './message';

const ARTIFACT_KEYS: Record<ArtifactCode, MessageKey> = {
  'lip-sync': 'artifact_lip_sync',
  blur: 'artifact_blur',
  'distorted-body': 'artifact_distorted_body',
  'repeated-motion': 'artifact_repeated_motion',
  'frozen-figures': 'artifact_frozen_figures',
  'garbled-text': 'artifact_garbled_text',
  'unnatural-voice': 'artifact_unnatural_voice',
};

const REASON_KEYS: Record<Reason['kind'], MessageKey> = {
  'ai-generated': 'reason_ai_generated',
  'old-footage': 'reason_old_footage',
  edited: 'reason_edited',
  staged: 'reason_staged',
  satire: 'reason_satire',
  'false-claim': 'reason_false_claim',
  misleading: 'reason_misleading',
  unproven: 'reason_unproven',
};

/** The fact-checker's own words, marked with their language so screen readers and bidi get them right. */
function DeskQuote({ text, lang }: { text?: string; lang?: string }) {
  return text ? <Quote class="sanad-quote" text={text} lang={lang} /> : null;
}

function OldFootageLine({ reason, locale, lang }: { reason: Extract<Reason, { kind: 'old-footage' }>; locale: string; lang?: string }) {
  const date = reason.originalDate && formatPartialDate(reason.originalDate, locale);
  const place = pickLocalised(reason.originalPlace, locale, lang);
  const line =
    date && place
      ? t('oldFootageFirst', date, place)
      : date
        ? t('oldFootageFirstDate', date)
        : place
          ? t('oldFootageFirstPlace', place)
          : undefined;
  const original = readHttpUrl(reason.originalUrl);
  return (
    <>
      {line && <li class="sanad-fact">{line}</li>}
      {original && (
        <li>
          <a href={original} target="_blank" rel="noopener noreferrer">
            {t('originalLink')}
          </a>
        </li>
      )}
    </>
  );
}

/**
 * The reasons a card can explain: lists stored by earlier releases may hold a `null` or an unknown kind
 * (a feed's `toString`), which is left out rather than breaking the card.
 */
export function shownReasons(reasons: unknown): Reason[] {
  return Array.isArray(reasons)
    ? reasons.filter((r): r is Reason => !!r && typeof r === 'object' && typeof r.kind === 'string' && Object.hasOwn(REASON_KEYS, r.kind))
    : [];
}

const shownArtifacts = (artifacts: unknown) =>
  Array.isArray(artifacts)
    ? artifacts.filter(
        (a): a is { code?: ArtifactCode; text?: string } =>
          !!a && typeof a === 'object' && (a.code === undefined || Object.hasOwn(ARTIFACT_KEYS, a.code)),
      )
    : [];

/** Each reason on its own line, in plain words; the fact-checker's wording under it. */
export function ReasonList({ debunk, locale }: { debunk: Pick<Debunk, 'reasons' | 'language'>; locale: string }) {
  const lang = debunk.language;
  return (
    <ul class="sanad-reasons">
      {shownReasons(debunk.reasons).map((reason, i) => (
        <li key={i} class="sanad-reason" data-reason={reason.kind}>
          <span class="sanad-reason-title">{t(REASON_KEYS[reason.kind])}</span>
          {reason.kind === 'ai-generated' && shownArtifacts(reason.artifacts).length > 0 && (
            <ul class="sanad-artifacts">
              {shownArtifacts(reason.artifacts).map((artifact, j) => (
                <li key={j}>
                  {artifact.code ? <span>{t(ARTIFACT_KEYS[artifact.code])}</span> : null}
                  {artifact.code && artifact.text ? ' ' : null}
                  <DeskQuote text={artifact.text} lang={lang} />
                </li>
              ))}
            </ul>
          )}
          {reason.kind === 'old-footage' && (
            <ul class="sanad-artifacts">
              <OldFootageLine reason={reason} locale={locale} lang={lang} />
            </ul>
          )}
          {reason.note && (
            <p class="sanad-note">
              <DeskQuote text={reason.note} lang={lang} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
