import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/channel';
import type { TabPost, TabResults } from '@/lib/wire/shapes';
import { formatNumber } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/t';
import { groupTabPosts, refOfView, type DebunkGroup } from './popup-groups';
import { ErrorBoundary } from './ErrorBoundary';
import { VerdictCard } from './VerdictCard';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabId?: number; results: TabResults; debunkCount: number };

/** The tab to explain: `?tab=<id>` (tests, links from other pages) or the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function load(): Promise<State> {
  const [tabId, lists] = await Promise.all([targetTabId(), sendMessage('listStatus', {})]);
  const debunkCount = lists.reduce((n, l) => n + l.count, 0);
  const results = tabId === undefined ? { posts: [] } : await sendMessage('tabResults', { tabId });
  return { status: 'ready', tabId, results, debunkCount };
}

function PostLine({ post, onReport }: { post: TabPost; onReport?: () => void }) {
  return (
    <li class="post" data-post={post.key}>
      <p class="post-excerpt" dir="auto">
        {post.excerpt}
      </p>
      <div class="post-actions">
        {post.permalink && (
          <a href={post.permalink} target="_blank" rel="noopener noreferrer">
            {t('openPost')}
          </a>
        )}
        {onReport && (
          <button type="button" class="link-button" aria-label={t('reportWrongName')} onClick={onReport}>
            {t('reportWrong')}
          </button>
        )}
      </div>
    </li>
  );
}

function Group({ group, locale, onReport }: { group: DebunkGroup; locale: string; onReport?: (post: TabPost) => void }) {
  return (
    <li class="group" data-debunk={group.view.debunk.id}>
      <ErrorBoundary part="verdict card">
        <VerdictCard view={group.view} locale={locale} headingLevel={3} />
      </ErrorBoundary>
      <p class="seen-in">{t('seenIn', formatNumber(group.posts.length, locale))}</p>
      <ul class="posts">
        {group.posts.map((post) => (
          <PostLine key={post.key} post={post} onReport={onReport && (() => onReport(post))} />
        ))}
      </ul>
    </li>
  );
}

export function PopupApp() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notice, setNotice] = useState('');
  const locale = uiLocale();
  const refresh = useCallback(() => {
    load().then(setState, (error: unknown) =>
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const report = async (tabId: number, post: TabPost, debunkId: string) => {
    await sendMessage('reportWrongMatch', { tabId, postKey: post.key, debunkId });
    setNotice(t('reportedWrong'));
    refresh();
  };

  const groups = state.status === 'ready' ? groupTabPosts(state.results.posts) : { badged: [], related: [] };
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
      </p>
      {state.status === 'loading' && <p>{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.message)}</p>}
      {state.status === 'ready' && (
        <>
          {badgedPosts > 0 ? (
            <h2 class="count">{t('matchedCount', formatNumber(badgedPosts, locale))}</h2>
          ) : (
            <section class="empty">
              <h2>{t('emptyTitle')}</h2>
              <p>{t('emptyBody', formatNumber(state.debunkCount, locale))}</p>
            </section>
          )}
          <ul class="groups">
            {groups.badged.map((group) => (
              <Group
                key={refOfView(group.view)}
                group={group}
                locale={locale}
                onReport={state.tabId === undefined ? undefined : (post) => void report(state.tabId!, post, group.view.debunk.id)}
              />
            ))}
          </ul>
          {groups.related.length > 0 && (
            <details class="related">
              <summary>{t('possiblyRelated', formatNumber(groups.related.length, locale))}</summary>
              <p class="hint">{t('possiblyRelatedHint')}</p>
              <ul class="groups">
                {groups.related.map((group) => (
                  <Group key={refOfView(group.view)} group={group} locale={locale} />
                ))}
              </ul>
            </details>
          )}
          <footer class="foot">
            {t('listStatus', formatNumber(state.debunkCount, locale))}{' '}
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
          </footer>
        </>
      )}
    </main>
  );
}
