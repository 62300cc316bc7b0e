import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SUBMISSION_CATEGORIES, type SubmissionCategory } from '@/lib/intake/submission';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/t';
import { failureReason, sendMessage, sendToTab } from '@/lib/messaging/channel';
import type { SubmissionDraft } from '@/lib/wire/shapes';
import { Isolated, Quote, tx } from './message';
import { linkedPost, postChoices, submittedFrom, type PostChoice } from './submit-choices';

type Status = { kind: 'editing' } | { kind: 'queued'; noIntake: boolean } | { kind: 'failed'; reason: string };

/** The radio value of "Another post: paste its link". */
const PASTED = 'pasted-link';

interface Loaded {
  draft: SubmissionDraft;
  /** The posts read on the popup's tab, to pick from; empty for a right-clicked post or a page Sanad does not read. */
  choices: PostChoice[];
  hasIntake: boolean;
}

/**
 * Where the draft comes from: a context-menu click (prepared in the background) or the popup's tab, whose
 * read posts are offered. The intake address is known before the form shows (said at the top, not after Send).
 */
async function load(draftId: string | null, tabId: number | null): Promise<Loaded> {
  const settings = sendMessage('settings', {}).then(
    (s) => !!s.intakeUrl,
    () => true,
  );
  if (draftId) return { draft: await sendMessage('submissionDraft', { id: draftId }), choices: [], hasIntake: await settings };
  const tab = tabId !== null ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  const pageUrl = tab?.url && /^https?:/.test(tab.url) ? tab.url : '';
  const [read, results] =
    tabId !== null && pageUrl
      ? await Promise.all([sendToTab(tabId, 'readPosts', {}).catch(() => []), sendMessage('tabResults', { tabId }).catch(() => undefined)])
      : [[], undefined];
  return {
    draft: { kind: 'claim', post: { pageUrl, text: '', links: [], media: [] } },
    choices: postChoices(read, results, uiLocale()),
    hasIntake: await settings,
  };
}

/** One post to pick, and the fact-check it already matches. */
function ChoiceLabel({ choice }: { choice: PostChoice }) {
  return (
    <>
      <span class="choice-excerpt" dir="auto">
        {choice.post.author && (
          <>
            <bdi class="choice-author">{choice.post.author}</bdi>
            {': '}
          </>
        )}
        {choice.excerpt}
      </span>
      {choice.factCheck && <span class="choice-checked">{t('submitChoiceChecked')}</span>}
    </>
  );
}

function AlreadyChecked({ factCheck }: { factCheck: NonNullable<PostChoice['factCheck']> }) {
  return (
    <p class="already-checked" role="note">
      {tx('submitAlreadyChecked', <Isolated text={factCheck.desk} />, factCheck.finding, <Quote text={factCheck.claim} />)}{' '}
      {factCheck.url && (
        <a href={factCheck.url} target="_blank" rel="noopener noreferrer">
          {t('readFactCheck')}
        </a>
      )}
    </p>
  );
}

/** The form a volunteer (or a fact-checker flagging) fills in: prefilled from the post, sent through the outbox. */
/** The address of the post being submitted, typed or pasted (http(s) only, checked on submit). */
function PageUrlField({ value, onInput, readOnly = false }: { value: string; onInput: (url: string) => void; readOnly?: boolean }) {
  return (
    <p>
      <label for="page-url">{t('submitPageUrl')}</label>
      <input
        id="page-url"
        type="url"
        dir="ltr"
        required
        value={value}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        readOnly={readOnly}
      />
    </p>
  );
}

export function SubmitApp({ draftId, tabId }: { draftId: string | null; tabId: number | null }) {
  const [draft, setDraft] = useState<SubmissionDraft | null>(null);
  const [choices, setChoices] = useState<PostChoice[]>([]);
  // Nothing is picked for the person: they say which post they mean.
  const [picked, setPicked] = useState<string | null>(null);
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
    load(draftId, tabId).then(
      (loaded) => {
        setChoices(loaded.choices);
        // Said before the form is filled in, not after sending: without an address it waits in the outbox.
        setHasIntake(loaded.hasIntake);
        setText(loaded.draft.post.text);
        setPageUrl(loaded.draft.post.pageUrl);
        setDraft(loaded.draft);
      },
      () => setProblem(t('submitExpired')),
    );
  }, []);

  const chosen = choices.find((c) => c.post.key === picked);
  const pick = (value: string) => {
    setPicked(value);
    const choice = choices.find((c) => c.post.key === value);
    setText(choice ? choice.post.text : '');
    if (value === PASTED) setPageUrl('');
  };

  const send = async (event: Event) => {
    event.preventDefault();
    if (!draft || !category) return;
    let post: SubmissionDraft['post'] | null = { ...draft.post, text, pageUrl: draft.post.pageUrl || pageUrl };
    if (choices.length) {
      if (chosen) post = submittedFrom(chosen.post, draft.post.pageUrl, text);
      else if (picked === PASTED) post = linkedPost(pageUrl, text);
      else return;
      if (!post) return setStatus({ kind: 'failed', reason: t('submitBadLink') });
    }
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
        {choices.length > 0 && (
          <fieldset class="post-choices">
            <legend>{t('submitWhichPost')}</legend>
            <p class="hint">{t('submitWhichPostHint')}</p>
            {choices.map((choice) => (
              <label class="check choice" key={choice.post.key} data-post={choice.post.key}>
                <input
                  type="radio"
                  name="post"
                  value={choice.post.key}
                  required
                  checked={picked === choice.post.key}
                  onChange={() => pick(choice.post.key)}
                />
                <ChoiceLabel choice={choice} />
              </label>
            ))}
            <label class="check choice">
              <input type="radio" name="post" value={PASTED} required checked={picked === PASTED} onChange={() => pick(PASTED)} />
              {t('submitOtherPost')}
            </label>
            {picked === PASTED && <PageUrlField value={pageUrl} onInput={setPageUrl} />}
            {chosen?.factCheck && <AlreadyChecked factCheck={chosen.factCheck} />}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('submitPost')}</legend>
          {choices.length > 0 ? null : draft.post.permalink ? (
            <p dir="ltr">
              <a href={draft.post.permalink} target="_blank" rel="noreferrer noopener">
                {draft.post.permalink}
              </a>
            </p>
          ) : (
            // A right-clicked post's page is what it is; a page Sanad does not read may be any post's link.
            <PageUrlField value={pageUrl} onInput={setPageUrl} readOnly={!!draftId && !!draft.post.pageUrl} />
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
