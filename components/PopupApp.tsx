import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { failureReason, onNotice, sendMessage, sendToTab } from '@/lib/messaging/channel';
import type { TabPost, TabResults, WrongMatchListItem } from '@/lib/wire/shapes';
import { SITE_IDS } from '@/lib/sites/platforms';
import { t, tn, uiLocale, type MessageKey } from '@/lib/i18n/t';
import type { ImageCredentials } from '@/lib/media/c2pa-fetched';
import { imageCredentialsLine } from './media-words';
import { groupTabPosts, refOfView, type DebunkGroup, type GroupedPost } from './popup-groups';
import { ErrorBoundary } from './ErrorBoundary';
import { VerdictCard, howMatched } from './VerdictCard';
import { deskOf, WRONG_REASON_KEYS, WrongMatchForm, type WrongMatchChoice } from './WrongMatchForm';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      tabId?: number;
      results: TabResults;
      debunkCount: number;
      hasIntake: boolean;
      reports: WrongMatchListItem[];
    };

/** The tab to explain: `?tab=<id>` (tests, links from other pages) or the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function load(): Promise<State> {
  const [tabId, lists, settings, reports] = await Promise.all([
    targetTabId(),
    sendMessage('listStatus', {}),
    sendMessage('settings', {}),
    sendMessage('wrongMatches', {}),
  ]);
  const debunkCount = lists.reduce((n, l) => n + l.count, 0);
  const results = tabId === undefined ? { posts: [] } : await sendMessage('tabResults', { tabId });
  return { status: 'ready', tabId, results, debunkCount, hasIntake: !!settings.intakeUrl, reports };
}

/** "X (Twitter), YouTube, Facebook, TikTok, Instagram and Telegram Web": every site Sanad reads, in the UI's words. */
export function siteList(locale: string): string {
  const names = SITE_IDS.map((id) => t(`site_${id}` as MessageKey));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

type Report = (choice: WrongMatchChoice) => Promise<void>;

/** What the CAI SDK said of the post's images that carry Content Credentials (images without are not named). */
function CredentialLines({ credentials }: { credentials?: ImageCredentials[] }) {
  const shown = (credentials ?? []).flatMap((c) => {
    const line = imageCredentialsLine(c.verified);
    return line ? [{ ...c, line }] : [];
  });
  if (!shown.length) return null;
  const valid = (c: ImageCredentials) => c.verified.state === 'valid' || c.verified.state === 'trusted';
  return (
    <ul class="post-credentials">
      {shown.map((c) => (
        <li
          key={c.url}
          class={`c2pa c2pa-${c.verified.state}`}
          data-c2pa-state={c.verified.state}
          // What the actions say is only read from valid credentials.
          data-c2pa-source={valid(c) ? c.verified.sourceKind : ''}
        >
          {c.line}
        </li>
      ))}
    </ul>
  );
}

function PostLine({
  entry: { post, match },
  locale,
  onReport,
  desk,
  mediaKind,
}: {
  entry: GroupedPost;
  locale: string;
  onReport?: Report;
  desk?: string;
  /** The debunked media's kind: a footage match on a picture says "picture". */
  mediaKind?: 'image' | 'video';
}) {
  return (
    <li class="post" data-post={post.key}>
      <p class="post-excerpt" dir="auto">
        {post.excerpt}
      </p>
      <p class="post-how" data-how={match.how}>
        {howMatched(match, locale, mediaKind)}
      </p>
      <CredentialLines credentials={post.credentials} />
      <div class="post-actions">
        {post.permalink && (
          <a href={post.permalink} target="_blank" rel="noopener noreferrer">
            {t('openPost')}
          </a>
        )}
        {onReport && <WrongMatchForm label={t('reportWrongName')} onReport={onReport} desk={desk} />}
      </div>
    </li>
  );
}

function Group({
  group,
  locale,
  onReport,
}: {
  group: DebunkGroup;
  locale: string;
  onReport?: (post: TabPost, choice: WrongMatchChoice) => Promise<void>;
}) {
  return (
    <li class="group" data-debunk={group.view.debunk.id}>
      <ErrorBoundary part="verdict card">
        <VerdictCard view={group.view} locale={locale} headingLevel={3} />
      </ErrorBoundary>
      <p class="seen-in">{tn('seenIn', group.posts.length)}</p>
      <ul class="posts">
        {group.posts.map((entry) => (
          <PostLine
            key={entry.post.key}
            entry={entry}
            locale={locale}
            desk={deskOf(group.view)}
            mediaKind={group.view.debunk.mediaKind}
            onReport={onReport && ((choice) => onReport(entry.post, choice))}
          />
        ))}
      </ul>
    </li>
  );
}

/** Posts that matched nothing but show an image with Content Credentials (matched posts show theirs above). */
function PageCredentials({ posts }: { posts: readonly TabPost[] }) {
  const shown = posts.filter((p) => !p.badge && !p.mentions && !p.related.length && p.credentials?.length);
  if (!shown.length) return null;
  return (
    <section class="page-credentials">
      <h2>{t('popupCredentialsHeading')}</h2>
      <p class="hint">{t('popupCredentialsHint')}</p>
      <ul class="posts">
        {shown.map((post) => (
          <li key={post.key} class="post" data-post={post.key}>
            <p class="post-excerpt" dir="auto">
              {post.excerpt}
            </p>
            <CredentialLines credentials={post.credentials} />
            {post.permalink && (
              <div class="post-actions">
                <a href={post.permalink} target="_blank" rel="noopener noreferrer">
                  {t('openPost')}
                </a>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The reader's wrong-match reports, each with "Undo" (the badge comes back; a report sent to a desk is taken
 * back there too) and, when they asked to tell the desk, how that goes.
 */
function MyReports({ reports, onUndo }: { reports: WrongMatchListItem[]; onUndo: (report: WrongMatchListItem) => Promise<void> }) {
  if (!reports.length) return null;
  return (
    <details class="my-reports">
      <summary>
        {t('myReportsHeading')} ({reports.length})
      </summary>
      <ul>
        {reports.map((report) => (
          <li key={report.id} class="my-report" data-report={report.id}>
            <p class="post-excerpt" dir="auto">
              {report.excerpt || report.permalink}
            </p>
            {report.reason && <p class="hint">{t(WRONG_REASON_KEYS[report.reason])}</p>}
            {report.desk && (
              <p class="my-report-desk hint" data-state={report.desk.state} title={report.desk.lastError}>
                <bdi>{t(`deskReport_${report.desk.state}` as MessageKey, report.desk.name)}</bdi>
              </p>
            )}
            <button
              type="button"
              class="link-button my-report-undo"
              aria-label={t('myReportsUndoName')}
              onClick={(e) => e.isTrusted && void onUndo(report)}
            >
              {t('reportUndo')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Sanad cannot read this page", with the structural diagnostic the person may copy and share. */
function UnreadableNotice({ tabId, elements, onNotice }: { tabId?: number; elements: number; onNotice: (text: string) => void }) {
  const copy = async () => {
    try {
      if (tabId === undefined) throw new Error('no tab');
      const summary = await sendToTab(tabId, 'structureSummary', {});
      await navigator.clipboard.writeText(JSON.stringify(summary, null, 2));
      onNotice(t('diagnosticCopied'));
    } catch (error) {
      onNotice(t('diagnosticFailed', failureReason(error)));
    }
  };
  return (
    <section class="unreadable" role="alert">
      <h2>{t('unreadableTitle')}</h2>
      <p>{tn('unreadableBody', elements)}</p>
      <button type="button" onClick={() => void copy()}>
        {t('copyDiagnostic')}
      </button>
      <p class="hint">{t('copyDiagnosticHint')}</p>
    </section>
  );
}

export function PopupApp() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notice, setNotice] = useState('');
  /** The last wrong-match report, while its "Undo" is offered. */
  const [undoable, setUndoable] = useState<{ tabId: number; postKey: string; debunkId: string } | null>(null);
  const locale = uiLocale();
  const refresh = useCallback(() => {
    load().then(setState, (error: unknown) =>
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  // Credentials the SDK finds after the popup opened: the background says so, and the tab is read again.
  // Heard from the start (null: the tab is not known yet, so a notice during the first load reads again too).
  const shownTab = useRef<number | undefined | null>(null);
  shownTab.current = state.status === 'ready' ? state.tabId : state.status === 'loading' ? null : undefined;
  useEffect(
    () =>
      onNotice('tabCredentials', ({ tabId }) => {
        if (shownTab.current === null || shownTab.current === tabId) refresh();
      }),
    [refresh],
  );

  const report = async (tabId: number, post: TabPost, debunkId: string, choice: WrongMatchChoice) => {
    await sendMessage('reportWrongMatch', { tabId, postKey: post.key, debunkId, ...choice });
    setNotice(t('reportedWrong'));
    setUndoable({ tabId, postKey: post.key, debunkId });
    refresh();
  };
  const sendUndo = async (request: { tabId: number; postKey: string; debunkId: string }) => {
    try {
      await sendMessage('undoWrongMatch', request);
      setUndoable(null);
      setNotice(t('reportUndone'));
      refresh();
      // The tab matches its posts again in a moment: ask again while it does.
      for (const ms of [400, 1200, 3000]) setTimeout(refresh, ms);
    } catch (error) {
      setNotice(t('reportFailed', failureReason(error)));
    }
  };
  const undoReport = (target: { postKey: string; debunkId: string }) =>
    sendUndo({ tabId: state.status === 'ready' ? (state.tabId ?? -1) : -1, ...target });
  const undo = async (event: Event) => {
    if (!event.isTrusted || !undoable) return;
    await sendUndo(undoable);
  };

  const groups = state.status === 'ready' ? groupTabPosts(state.results.posts) : { badged: [], mentioned: [], related: [] };
  const badgedPosts = state.status === 'ready' ? state.results.posts.filter((p) => p.badge).length : 0;
  return (
    <main>
      <header class="top">
        <div>
          <h1>{t('popupTitle')}</h1>
          <p class="subtitle">{t('popupSubtitle')}</p>
        </div>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </header>
      <p role="status" class="notice">
        {notice}
        {undoable && (
          <>
            {' '}
            <button type="button" class="link-button undo" aria-label={t('reportUndoName')} onClick={(e) => void undo(e)}>
              {t('reportUndo')}
            </button>
          </>
        )}
      </p>
      {state.status === 'loading' && <p>{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.message)}</p>}
      {state.status === 'ready' && (
        <>
          {!!state.results.checked && (
            <p class="checked" data-checked={state.results.checked}>
              {tn('checkedPosts', state.results.checked, tn('checkedFactChecked', badgedPosts))}
            </p>
          )}
          {state.results.unreadable && (
            <UnreadableNotice tabId={state.tabId} elements={state.results.unreadable.elements} onNotice={setNotice} />
          )}
          {badgedPosts > 0 ? (
            <h2 class="count">{tn('matchedCount', badgedPosts)}</h2>
          ) : (
            <section class="empty">
              <h2>{t('emptyTitle')}</h2>
              <p>{tn('emptyBody', state.debunkCount, siteList(locale))}</p>
            </section>
          )}
          <ul class="groups">
            {groups.badged.map((group) => (
              <Group
                key={refOfView(group.view)}
                group={group}
                locale={locale}
                onReport={
                  state.tabId === undefined ? undefined : (post, choice) => report(state.tabId!, post, group.view.debunk.id, choice)
                }
              />
            ))}
          </ul>
          {groups.mentioned.length > 0 && (
            <details class="mentioned">
              <summary>{tn('mentionsClaim', groups.mentioned.length)}</summary>
              <p class="hint">{t('mentionsClaimHint')}</p>
              <ul class="groups">
                {groups.mentioned.map((group) => (
                  <Group key={refOfView(group.view)} group={group} locale={locale} />
                ))}
              </ul>
            </details>
          )}
          {groups.related.length > 0 && (
            <details class="related">
              <summary>{tn('possiblyRelated', groups.related.length)}</summary>
              <p class="hint">{t('possiblyRelatedHint')}</p>
              <ul class="groups">
                {groups.related.map((group) => (
                  <Group key={refOfView(group.view)} group={group} locale={locale} />
                ))}
              </ul>
            </details>
          )}
          <PageCredentials posts={state.results.posts} />
          <MyReports reports={state.reports} onUndo={({ postKey, debunkId }) => undoReport({ postKey, debunkId })} />
          <footer class="foot">
            <span>{tn('listStatus', state.debunkCount)}</span>
            {state.hasIntake && (
              <button
                type="button"
                class="link-button submit-claim"
                onClick={() =>
                  void browser.tabs.create({
                    url: browser.runtime.getURL(`/submit.html${state.tabId === undefined ? '' : `?tab=${state.tabId}`}` as '/'),
                  })
                }
              >
                {t('popupSubmit')}
              </button>
            )}
          </footer>
          {/* Checked before the form opens: without a desk's address a submission could only wait on this device. */}
          {!state.hasIntake && (
            <p class="needs-intake hint">
              {t('popupNeedsIntake')}{' '}
              <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('popupAddIntake')}
              </button>
            </p>
          )}
        </>
      )}
    </main>
  );
}
