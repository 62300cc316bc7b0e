import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SUBMISSION_CATEGORIES, type SubmissionCategory } from '@/lib/intake/submission';
import { t, type MessageKey } from '@/lib/i18n/t';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import type { SubmissionDraft } from '@/lib/wire/shapes';

type Status = { kind: 'editing' } | { kind: 'queued'; noIntake: boolean } | { kind: 'failed'; reason: string };

/** Where the draft comes from: a context-menu click (prepared in the background) or the popup's tab. */
async function loadDraft(draftId: string | null, tabId: number | null): Promise<SubmissionDraft> {
  if (draftId) return sendMessage('submissionDraft', { id: draftId });
  const tab = tabId !== null ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  return { kind: 'claim', post: { pageUrl: tab?.url ?? '', text: '', links: [], media: [] } };
}

/** The form a volunteer (or a fact-checker flagging) fills in: prefilled from the post, sent through the outbox. */
export function SubmitApp({ draftId, tabId }: { draftId: string | null; tabId: number | null }) {
  const [draft, setDraft] = useState<SubmissionDraft | null>(null);
  const [problem, setProblem] = useState('');
  const [text, setText] = useState('');
  const [pageUrl, setPageUrl] = useState('');
  // No category is chosen for the reader: a preselected guess would be sent as the reader's own.
  const [category, setCategory] = useState<SubmissionCategory | null>(null);
  const [hasIntake, setHasIntake] = useState(true);
  const [note, setNote] = useState('');
  const [withScreenshot, setWithScreenshot] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'editing' });

  useEffect(() => {
    loadDraft(draftId, tabId).then(
      (d) => {
        setDraft(d);
        setText(d.post.text);
        setPageUrl(d.post.pageUrl);
      },
      () => setProblem(t('submitExpired')),
    );
    // Said before the form is filled in, not after sending: without an address it waits in the outbox.
    void sendMessage('settings', {}).then((s) => setHasIntake(!!s.intakeUrl));
  }, []);

  const send = async (event: Event) => {
    event.preventDefault();
    if (!draft || !category) return;
    const post = { ...draft.post, text, pageUrl: draft.post.pageUrl || pageUrl };
    try {
      await sendMessage('submitClaim', {
        kind: draft.kind,
        category,
        ...(note.trim() && { note: note.trim() }),
        post,
        ...(withScreenshot && draft.screenshot && { screenshot: draft.screenshot }),
      });
      setStatus({ kind: 'queued', noIntake: !(await sendMessage('settings', {})).intakeUrl });
    } catch (error) {
      setStatus({ kind: 'failed', reason: failureReason(error) });
    }
  };

  const title = draft?.kind === 'flag' ? t('flagTitle') : t('submitTitle');
  if (problem)
    return (
      <main class="submit">
        <h1>{t('submitTitle')}</h1>
        <p role="alert">{problem}</p>
      </main>
    );
  if (!draft)
    return (
      <main class="submit">
        <p>{t('loading')}</p>
      </main>
    );
  if (status.kind === 'queued') {
    return (
      <main class="submit">
        <h1>{title}</h1>
        <p role="status" class="queued">
          {t('submitQueued')}
        </p>
        {status.noIntake && <p class="warning">{t('submitNoIntake')}</p>}
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t('openOptions')}</a>
        </p>
      </main>
    );
  }
  return (
    <main class="submit">
      <h1>{title}</h1>
      {!hasIntake && (
        <p class="warning" role="note">
          {t('submitNoIntakeYet')} <a href={browser.runtime.getURL('/options.html')}>{t('openOptions')}</a>
        </p>
      )}
      <form onSubmit={send}>
        <fieldset>
          <legend>{t('submitPost')}</legend>
          {draft.post.permalink ? (
            <p dir="ltr">
              <a href={draft.post.permalink} target="_blank" rel="noreferrer noopener">
                {draft.post.permalink}
              </a>
            </p>
          ) : (
            <p>
              <label for="page-url">{t('submitPageUrl')}</label>
              <input
                id="page-url"
                type="url"
                dir="ltr"
                required
                value={pageUrl}
                onInput={(e) => setPageUrl((e.target as HTMLInputElement).value)}
                readOnly={!!draft.post.pageUrl}
              />
            </p>
          )}
          <label for="claim-text">{t('submitText')}</label>
          <textarea
            id="claim-text"
            dir="auto"
            rows={5}
            maxLength={20_000}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          {draft.screenshot ? (
            <label class="check screenshot">
              <input type="checkbox" checked={withScreenshot} onChange={(e) => setWithScreenshot((e.target as HTMLInputElement).checked)} />
              {t('submitScreenshot')}
              <img src={draft.screenshot} alt="" />
            </label>
          ) : (
            draft.screenshotProblem && <p class="hint">{t('submitNoScreenshot', draft.screenshotProblem)}</p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('submitCategory')}</legend>
          {SUBMISSION_CATEGORIES.map((c) => (
            <label class="check" key={c}>
              <input type="radio" name="category" value={c} required checked={category === c} onChange={() => setCategory(c)} />
              {t(`category_${c.replace(/-/g, '_')}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <label for="note">{t('submitNote')}</label>
        <textarea
          id="note"
          dir="auto"
          rows={3}
          maxLength={2_000}
          value={note}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
        {status.kind === 'failed' && (
          <p role="alert" class="error">
            {t('submitFailed', status.reason)}
          </p>
        )}
        <button type="submit" class="button">
          {t('submitSend')}
        </button>
      </form>
    </main>
  );
}
