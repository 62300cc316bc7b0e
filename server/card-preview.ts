/**
 * The reader's verdict card for a decision still being made: the form's fields go through the same steps as a
 * publication (checked, turned into the feed's ClaimReview item, read back the way the extension reads it),
 * and the extension's own VerdictCard renders it. preact-render-to-string escapes every text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { VerdictCard } from '../components/VerdictCard';
import { claimReviewToDebunk } from '../lib/debunk/claimreview';
import { useMessages, type Messages } from '../lib/i18n/t';
import { toDebunkSummary } from '../lib/wire/debunk-summary';
import type { MatchView } from '../lib/wire/shapes';
import { readPublication, type FormFields } from './decision-form';
import { submissionToClaimReview, type Desk } from './desk-feed';
import type { StoredSubmission } from './store';

export type PreviewLanguage = 'en' | 'ar';

const messages = new Map<PreviewLanguage, Messages>();
const messagesOf = (lang: PreviewLanguage): Messages => {
  let found = messages.get(lang);
  if (!found) {
    found = JSON.parse(readFileSync(resolve(import.meta.dirname, `../public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
    messages.set(lang, found);
  }
  return found;
};

/** The card, or why the form cannot be published yet (the same words a Verify click would get). */
export type CardPreview = { ok: true; html: string } | { ok: false; error: string };

export function previewCard(submission: StoredSubmission, form: FormFields, desk: Desk, lang: PreviewLanguage): CardPreview {
  const publication = readPublication(form, desk.url);
  if (!publication.ok) return { ok: false, error: publication.error };
  const now = new Date().toISOString();
  const published: StoredSubmission = {
    ...submission,
    status: 'verified',
    review: {
      ...submission.review,
      reviewer: submission.review?.reviewer ?? '',
      reviewedAt: submission.review?.reviewedAt ?? now,
      ...publication.value,
    },
  };
  const item = submissionToClaimReview(published, desk);
  const read = item && claimReviewToDebunk(item, 'desk');
  if (!read || !read.ok) return { ok: false, error: 'this decision would not make a feed item' };
  // A subscriber pinned this desk's key: its cards say the list is signed by the desk.
  const debunk = toDebunkSummary(read.debunk, { id: 'desk', trust: 'signed', name: desk.name });
  const view: MatchView = {
    debunk,
    candidate: {
      debunkId: debunk.id,
      listId: 'desk',
      verdict: debunk.verdict,
      // The submitted post itself is an appearance: readers meet the card on that post, matched by its link.
      how: submission.post.permalink ? 'same-link' : 'same-media',
      score: 1,
      badge: true,
    },
  };
  // Rendering is synchronous: the chosen language's messages apply to this card only.
  useMessages(messagesOf(lang));
  try {
    return { ok: true, html: renderToString(h(VerdictCard, { view, locale: lang, headingLevel: 3, match: view.candidate })) };
  } finally {
    useMessages(null);
  }
}
