import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/channel';
import type { TabPost, TabResults } from '@/lib/messaging/protocol';
import { formatNumber } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/t';
import { VerdictCard } from './VerdictCard';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; results: TabResults; debunkCount: number };

/** The tab to explain: `?tab=<id>` (tests, links from the options page) or the active tab. */
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
  return { status: 'ready', results, debunkCount };
}

function PostEntry({ post, locale }: { post: TabPost; locale: string }) {
  const related = post.related;
  return (
    <li class="post" data-post={post.key}>
      <p class="post-excerpt" dir="auto">
        <span class="visually-hidden">{t('postHeading')}: </span>
        {post.excerpt}
      </p>
      {post.permalink && (
        <a class="post-link" href={post.permalink} target="_blank" rel="noopener noreferrer">
          {t('openPost')}
        </a>
      )}
      {post.badge && <VerdictCard view={post.badge} locale={locale} headingLevel={3} />}
      {related.length > 0 && (
        <details class="related">
          <summary>{t('possiblyRelated', formatNumber(related.length, locale))}</summary>
          <p class="hint">{t('possiblyRelatedHint')}</p>
          {related.map((view) => (
            <VerdictCard key={view.debunk.id} view={view} locale={locale} headingLevel={3} />
          ))}
        </details>
      )}
    </li>
  );
}

export function PopupApp() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const locale = uiLocale();
  useEffect(() => {
    load().then(setState, (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
  }, []);

  const badged = state.status === 'ready' ? state.results.posts.filter((p) => p.badge) : [];
  const onlyRelated = state.status === 'ready' ? state.results.posts.filter((p) => !p.badge) : [];
  return (
    <main>
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <p class="subtitle">{t('popupSubtitle')}</p>
      </header>
      {state.status === 'loading' && <p role="status">{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('loadError', state.message)}</p>}
      {state.status === 'ready' && (
        <>
          <p role="status" class="count">
            {badged.length ? t('matchedCount', formatNumber(badged.length, locale)) : ''}
          </p>
          {badged.length === 0 && (
            <section class="empty">
              <h2>{t('emptyTitle')}</h2>
              <p>{t('emptyBody', formatNumber(state.debunkCount, locale))}</p>
            </section>
          )}
          <ul class="posts">
            {[...badged, ...onlyRelated].map((post) => (
              <PostEntry key={post.key} post={post} locale={locale} />
            ))}
          </ul>
          <footer class="foot">{t('listStatus', formatNumber(state.debunkCount, locale))}</footer>
        </>
      )}
    </main>
  );
}
