/**
 * A reviewer's decision as posted by the console's form, checked field by field. Pure: the service turns the
 * result into a stored review, or the error into a 400 that names the field.
 */
import { ARTIFACT_CODES, REASON_KINDS, VERDICTS, type ArtifactCode, type Reason, type ReasonKind, type Verdict } from '../lib/debunk/types';
import { MAX_URL_LENGTH, readHttpUrl, readTrimmed } from '../lib/untrusted/read';
import type { Review } from './store';

export type FormFields = Record<string, string | File | (string | File)[]>;

/** Verdicts a desk publishes (true and unrated claims are not badged, so they are rejected instead). */
export const PUBLISHED_VERDICTS: readonly Verdict[] = VERDICTS.filter((v) => v !== 'true' && v !== 'unrated');
export const DECISION_LANGUAGES = ['ar', 'en', 'fr', 'tr', 'ku'] as const;
const ORIGINAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The review content of a publication: what a verification and a correction both carry. */
export type Publication = Pick<Review, 'verdict' | 'claim' | 'conclusion' | 'factCheckUrl' | 'reason' | 'language'>;

const text = (form: FormFields, name: string, max: number): string | undefined => {
  const value = form[name];
  return typeof value === 'string' ? readTrimmed(value, max) : undefined;
};
const all = (form: FormFields, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

function readReason(form: FormFields, note: string | undefined): { reason: Reason } | { error: string } {
  const kind = text(form, 'reasonKind', 40);
  if (!kind || !REASON_KINDS.includes(kind as ReasonKind)) return { error: `reasonKind: one of ${REASON_KINDS.join(', ')}` };
  const withNote = note ? { note } : {};
  switch (kind as ReasonKind) {
    case 'ai-generated': {
      const codes = all(form, 'artifact');
      const unknown = codes.find((c) => !ARTIFACT_CODES.includes(c as ArtifactCode));
      if (unknown) return { error: `artifact: unknown code ${JSON.stringify(unknown.slice(0, 40))}` };
      const wording = text(form, 'artifactText', 500);
      const artifacts = [...codes.map((code) => ({ code: code as ArtifactCode })), ...(wording ? [{ text: wording }] : [])];
      return { reason: { kind: 'ai-generated', artifacts, ...withNote } };
    }
    case 'old-footage': {
      const originalDate = text(form, 'originalDate', 10);
      if (originalDate && !ORIGINAL_DATE.test(originalDate))
        return { error: 'originalDate: a year, year-month or date (2017, 2017-03, 2017-03-05)' };
      const place = text(form, 'originalPlace', 200);
      const urlField = text(form, 'originalUrl', MAX_URL_LENGTH);
      const originalUrl = readHttpUrl(urlField);
      if (urlField && !originalUrl) return { error: 'originalUrl: an http(s) URL' };
      if (!originalDate && !place && !originalUrl) return { error: 'old footage: give the original date, place or link' };
      const language = text(form, 'language', 10) ?? 'und';
      return {
        reason: {
          kind: 'old-footage',
          ...(originalDate && { originalDate }),
          ...(place && { originalPlace: { [language]: place } }),
          ...(originalUrl && { originalUrl }),
          ...withNote,
        },
      };
    }
    case 'edited': {
      const edited = text(form, 'editedWhat', 500);
      if (!edited) return { error: 'edited: say what was edited' };
      return { reason: { kind: 'edited', note: note ? `${edited} — ${note}` : edited } };
    }
    default:
      return { reason: { kind: kind as Exclude<ReasonKind, 'ai-generated' | 'old-footage' | 'edited'>, ...withNote } };
  }
}

/** A publication's fields (verify or correct): verdict with no default, reason, conclusion, fact-check URL, language. */
export function readPublication(
  form: FormFields,
  deskUrl: string | undefined,
): { ok: true; value: Publication } | { ok: false; error: string } {
  const verdict = text(form, 'verdict', 20);
  if (!verdict || !PUBLISHED_VERDICTS.includes(verdict as Verdict))
    return { ok: false, error: `verdict: choose one of ${PUBLISHED_VERDICTS.join(', ')}` };
  const claim = text(form, 'claim', 2000);
  if (!claim) return { ok: false, error: 'claim: the claim as published is required' };
  const conclusion = text(form, 'conclusion', 300);
  if (conclusion && /[\r\n]/.test(conclusion)) return { ok: false, error: 'conclusion: one line' };
  const urlField = text(form, 'factCheckUrl', MAX_URL_LENGTH);
  const factCheckUrl = readHttpUrl(urlField);
  if (urlField && !factCheckUrl) return { ok: false, error: 'factCheckUrl: the fact-check URL must be http(s)' };
  // Readers follow this link to the evidence: the article, or the desk's own page; never the volunteer's page.
  if (!factCheckUrl && !deskUrl) return { ok: false, error: 'factCheckUrl: required (this desk has no URL of its own to link instead)' };
  const language = text(form, 'language', 10);
  if (language && !(DECISION_LANGUAGES as readonly string[]).includes(language))
    return { ok: false, error: `language: one of ${DECISION_LANGUAGES.join(', ')}` };
  const reason = readReason(form, conclusion);
  if ('error' in reason) return { ok: false, error: reason.error };
  return {
    ok: true,
    value: {
      verdict: verdict as Verdict,
      claim,
      ...(conclusion && { conclusion }),
      ...(factCheckUrl && { factCheckUrl }),
      reason: reason.reason,
      ...(language && { language }),
    },
  };
}
