import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import type { FeedRecord } from '@/lib/store/db';
import type { HarvestCounts } from '@/lib/wire/shapes';
import { formatDateTime } from '@/lib/i18n/format';
import { t, tn } from '@/lib/i18n/t';
import { Isolated, tnx, tx } from './message';
import { FEED_PROBLEM_KEYS, feedProblem } from './feed-problem';
import { FEED_STALE_DAYS, FEED_SYNC_HOURS, type Settings } from '@/lib/settings/settings';
import { GOOGLE_API } from '@/lib/feeds/google-fact-check';
import { siteOrigins } from '@/lib/harvest/harvest';
import { DirectorySection } from './DirectorySection';

/** A feed's last failure, beside it: what went wrong in plain words, what Sanad keeps, the technical reason. */
function FeedFailure({ feed, onRetry }: { feed: FeedRecord; onRetry: () => Promise<void> }) {
  const problem = t(FEED_PROBLEM_KEYS[feedProblem(feed.lastError ?? '')]);
  const [busy, setBusy] = useState(false);
  return (
    <div class="feed-error" role="note">
      <p>{feed.lastSuccess ? tn('feedFailedKeeping', feed.count, problem) : t('feedFailedNever', problem)}</p>
      <p class="technical" dir="auto">
        {tx('feedTechnical', <Isolated text={feed.lastError ?? ''} />)}
      </p>
      <button
        type="button"
        class="button feed-retry"
        aria-label={t('feedRetryName', feed.publisher ?? hostOf(feed.url))}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onRetry().finally(() => setBusy(false));
        }}
      >
        {t('feedRetry')}
      </button>
    </div>
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

type FeedView = FeedRecord & { stale: boolean };

/** A website source's last sync in the reader's language: what was read, and every kind of failure counted. */
function harvestWords(c: HarvestCounts): string {
  if (c.nothingNew) return t('harvestNothingNew');
  return [
    tn('harvestRead', c.articles, tn('harvestFactChecks', c.factChecks)),
    c.noMarkup && tn('harvestNoMarkup', c.noMarkup),
    c.malformed && tn('harvestMalformed', c.malformed, c.malformedDetail ?? ''),
    c.unreachable && tn('harvestUnreachable', c.unreachable, c.unreachableDetail ?? ''),
    c.unusable && tn('harvestUnusable', c.unusable),
  ]
    .filter(Boolean)
    .join('; ');
}

export function FeedsSection({
  locale,
  onNotice,
  settings,
  change,
}: {
  locale: string;
  onNotice: (text: string) => void;
  settings: Settings;
  change: (next: (s: Settings) => Settings) => Promise<void>;
}) {
  const [feeds, setFeeds] = useState<FeedView[]>([]);
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<FeedRecord['kind']>('sanad');
  const [publicKey, setPublicKey] = useState('');
  const [google, setGoogle] = useState({ apiKey: '', query: '', publisherSite: '', languageCode: 'ar', maxAgeDays: 30 });
  const googleField = (field: keyof typeof google) => (e: Event) => setGoogle({ ...google, [field]: (e.target as HTMLInputElement).value });
  const reload = async () => setFeeds(await sendMessage('feeds', {}));
  useEffect(() => void reload(), []);

  const add = async (event: Event) => {
    event.preventDefault();
    // The permission prompt must come straight from the click; the feed's host is the only one asked for.
    // The first sync does not wait for the answer: hosts that allow cross-origin reads work either way.
    try {
      // A fact-checker's site: its host with and without `www.`, nothing else.
      const origins = kind === 'site' ? siteOrigins(url) : [`${new URL(kind === 'google' ? GOOGLE_API : url).origin}/*`];
      void browser.permissions.request({ origins }).then(
        (granted) => granted || onNotice(t('feedNoPermission')),
        () => onNotice(t('feedNoPermission')),
      );
    } catch {
      /* not a URL: addFeed below says so */
    }
    try {
      const { feed } = await sendMessage('addFeed', {
        url,
        kind,
        ...(kind === 'sanad' && { publicKey }),
        ...(kind === 'google' && { google: { ...google, maxAgeDays: Number(google.maxAgeDays) } }),
      });
      // A failing first sync is shown beside its feed in the list, not in the "Saved" notice.
      if (!feed.lastError) onNotice(tn('feedAdded', feed.count));
      setUrl('');
      setPublicKey('');
    } catch (error) {
      onNotice(t('feedAddFailed', failureReason(error)));
    }
    await reload();
  };

  const date = (ms?: number) => (ms ? formatDateTime(ms, locale) : t('feedNever'));

  return (
    <>
      <DirectorySection
        feedUrls={feeds.map((f) => f.url)}
        onNotice={onNotice}
        onSubscribed={reload}
        onGoogle={() => {
          setKind('google');
          document.querySelector<HTMLSelectElement>('select[name="feed-kind"]')?.focus();
        }}
      />
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <p class="hint">{t('feedsHint')}</p>
        <ul class="feeds">
          {feeds.map((feed) => (
            <li key={feed.id} data-feed={feed.url}>
              <span dir="auto">{tnx('feedLine', feed.count, <Isolated text={feed.publisher ?? feed.url} />, date(feed.lastSuccess))}</span>
              {feed.kind === 'claimreview' && <span class="tag"> · {t('feedUnsigned')}</span>}
              {feed.kind === 'site' && <span class="tag"> · {t('feedSiteUnsigned', new URL(feed.url).hostname)}</span>}
              {feed.kind === 'site' && feed.lastHarvest && (
                <span class="report" role="note">
                  {' '}
                  · {harvestWords(feed.lastHarvest)}
                </span>
              )}
              {feed.stale && <span class="warning"> · {tn('feedStale', settings.feedStaleDays)}</span>}{' '}
              <button
                type="button"
                class="link-button"
                aria-label={t('removeListName', feed.publisher ?? feed.url)}
                onClick={async () => {
                  await sendMessage('removeFeed', { id: feed.id });
                  await reload();
                }}
              >
                {t('removeList')}
              </button>
              {feed.lastError && (
                <FeedFailure
                  feed={feed}
                  onRetry={async () => {
                    try {
                      const outcome = await sendMessage('retryFeed', { id: feed.id });
                      if (outcome.status === 'updated') onNotice(tn('feedAdded', outcome.count));
                    } catch (error) {
                      onNotice(t('feedAddFailed', failureReason(error)));
                    }
                    await reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
        <form class="feed-form" onSubmit={(event) => void add(event)}>
          {kind !== 'google' && (
            <label>
              {t('feedUrl')}
              <input
                type="url"
                name="feed-url"
                required
                value={url}
                onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
                placeholder="https://"
                dir="ltr"
              />
            </label>
          )}
          <label>
            {t('feedKind')}
            <select name="feed-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as FeedRecord['kind'])}>
              <option value="sanad">{t('feedKind_sanad')}</option>
              <option value="claimreview">{t('feedKind_claimreview')}</option>
              <option value="site">{t('feedKind_site')}</option>
              <option value="google">{t('feedKind_google')}</option>
            </select>
          </label>
          {kind === 'google' && (
            <fieldset class="google">
              <p class="hint">{t('googleHint')}</p>
              <label>
                {t('googleKey')}
                <input
                  type="password"
                  name="google-key"
                  required
                  autocomplete="off"
                  value={google.apiKey}
                  onInput={googleField('apiKey')}
                  dir="ltr"
                />
              </label>
              <label>
                {t('googleQuery')}
                <input type="text" name="google-query" value={google.query} onInput={googleField('query')} dir="auto" />
              </label>
              <label>
                {t('googleSite')}
                <input type="text" name="google-site" value={google.publisherSite} onInput={googleField('publisherSite')} dir="ltr" />
              </label>
              <label>
                {t('googleLanguage')}
                <input
                  type="text"
                  name="google-language"
                  value={google.languageCode}
                  onInput={googleField('languageCode')}
                  dir="ltr"
                  size={6}
                />
              </label>
              <label>
                {t('googleMaxAge')}
                <input
                  type="number"
                  name="google-max-age"
                  min={1}
                  max={3650}
                  value={google.maxAgeDays}
                  onInput={googleField('maxAgeDays')}
                />
              </label>
            </fieldset>
          )}
          {kind === 'sanad' && (
            <label>
              {t('feedKey')}
              <input
                type="text"
                name="feed-key"
                required
                value={publicKey}
                onInput={(e) => setPublicKey((e.target as HTMLInputElement).value)}
                dir="ltr"
                spellcheck={false}
              />
            </label>
          )}
          <div class="row">
            <button type="submit" class="button">
              {t('addFeed')}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={async () => {
                await sendMessage('syncFeeds', {});
                onNotice(t('synced'));
                await reload();
              }}
            >
              {t('syncNow')}
            </button>
          </div>
        </form>
        <p class="schedule">
          <label>
            {t('feedSyncEvery')}{' '}
            <select
              name="feed-sync-hours"
              value={String(settings.feedSyncHours)}
              onChange={(e) =>
                void change((s) => ({ ...s, feedSyncHours: Number((e.target as HTMLSelectElement).value) as Settings['feedSyncHours'] }))
              }
            >
              {FEED_SYNC_HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {tn('feedSyncHours', h)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('feedStaleAfter')}{' '}
            <select
              name="feed-stale-days"
              value={String(settings.feedStaleDays)}
              onChange={(e) =>
                void change((s) => ({ ...s, feedStaleDays: Number((e.target as HTMLSelectElement).value) as Settings['feedStaleDays'] }))
              }
            >
              {FEED_STALE_DAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {tn('feedStaleDays', d)}
                </option>
              ))}
            </select>
          </label>
        </p>
      </section>
    </>
  );
}
