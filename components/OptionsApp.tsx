import { useEffect, useState } from 'preact/hooks';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import type { FeedRecord, ListRecord } from '@/lib/store/db';
import { formatDateTime } from '@/lib/i18n/format';
import { t, tn, uiLocale, type MessageKey } from '@/lib/i18n/t';
import { Isolated, tnx, tx } from './message';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageChoices } from './LanguageChoices';
import { FeedsSection } from './FeedsSection';
import { SubmissionsSection } from './SubmissionsSection';
import { downloadText } from './download';
import { ListStorage, type ListUsage } from './ListStorage';
import { listLabel } from './list-label';
import { SITE_IDS, normaliseSettings, type Settings, type SiteId } from '@/lib/settings/settings';
import type { SiteRulesStatus, SiteStates } from '@/lib/wire/shapes';

export function OptionsApp({ onLanguageChange }: { onLanguageChange: () => void }) {
  const locale = uiLocale();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [lists, setLists] = useState<ListRecord[]>([]);
  const [feeds, setFeeds] = useState<FeedRecord[]>([]);
  const [reports, setReports] = useState(0);
  const [notice, setNotice] = useState('');
  const [siteStates, setSiteStates] = useState<SiteStates>({});
  const [usage, setUsage] = useState<ListUsage | null>(null);
  /** Every section has its data: marked on the page so scripts (and tests) know the counts are real. */
  const [ready, setReady] = useState(false);

  const reload = async () => {
    setSettings(normaliseSettings(await sendMessage('settings', {})));
    setLists(await sendMessage('listStatus', {}));
    setUsage(await sendMessage('listUsage', {}));
    setFeeds(await sendMessage('feeds', {}));
    setReports((await sendMessage('exportData', {})).wrongMatches.length);
    setSiteStates(await sendMessage('siteStates', {}));
    setReady(true);
  };
  useEffect(() => void reload(), []);

  const change = async (next: (s: Settings) => Settings) => {
    const saved = normaliseSettings(await sendMessage('saveSettings', next(normaliseSettings(await sendMessage('settings', {})))));
    setSettings(saved);
    setNotice(t('saved'));
    if (saved.language !== settings?.language) onLanguageChange();
  };

  const exportFile = async () => {
    const data = await sendMessage('exportData', {});
    downloadText(`sanad-export-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', JSON.stringify(data, null, 2));
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await sendMessage('importData', { text: await file.text() });
      setNotice(tn('imported', result.wrongMatches));
      await reload();
    } catch (error) {
      setNotice(t('importFailed', failureReason(error)));
    }
  };

  const addListFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await sendMessage('importList', { name: file.name, text: await file.text() });
      setNotice(tn('listAdded', result.imported, result.summary));
      await reload();
    } catch (error) {
      setNotice(t('listFailed', failureReason(error)));
    }
  };

  const dropOldest = async (keep: number) => {
    const { dropped } = await sendMessage('dropOldest', { keep });
    await reload();
    return dropped;
  };

  const removeListFile = async (id: string) => {
    await sendMessage('removeList', { id });
    await reload();
  };

  const listName = (id: string) => listLabel(id, feeds);

  if (!settings)
    return (
      <main>
        <p>{t('loading')}</p>
      </main>
    );
  return (
    <main data-ready={ready ? '' : undefined}>
      <h1>{t('optionsTitle')}</h1>
      <p role="status" class="notice">
        {notice}
      </p>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <p class="hint">{t('sitesHint')}</p>
        {SITE_IDS.map((site) => (
          <div key={site} class="site-row">
            <label class="row">
              <input
                type="checkbox"
                name={`site-${site}`}
                checked={settings.sites[site]}
                onChange={(event) =>
                  void change((s) => ({ ...s, sites: { ...s.sites, [site]: (event.target as HTMLInputElement).checked } }))
                }
              />
              {t(`site_${site}` as MessageKey)}
            </label>
            <SiteState site={site} states={siteStates} locale={locale} />
          </div>
        ))}
        <SiteRulesUpdates locale={locale} />
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('languageHeading')}</h2>
        <LanguageChoices
          headingId="language-heading"
          current={settings.language}
          onChoose={(language) => void change((s) => ({ ...s, language }))}
        />
      </section>

      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('listsHeading')}</h2>
        {lists.length === 0 ? (
          <p>{t('noLists')}</p>
        ) : (
          <ul>
            {lists.map((list) => (
              <li key={list.id} data-list={list.id}>
                {tnx('listLine', list.count, <Isolated text={listName(list.id)} />, formatDateTime(list.importedAt, locale))}{' '}
                {list.id.startsWith('file:') && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('removeListName', listName(list.id))}
                    onClick={() => void removeListFile(list.id)}
                  >
                    {t('removeList')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {usage && <ListStorage usage={usage} locale={locale} onDrop={dropOldest} />}
        <label class="button secondary">
          {t('addListFile')}
          <input
            type="file"
            name="list-file"
            accept="application/json,application/ld+json,.json,.jsonld,.jsonl"
            class="visually-hidden"
            onChange={(event) => void addListFile((event.target as HTMLInputElement).files?.[0])}
          />
        </label>
        <h3>{t('wrongMatchesHeading')}</h3>
        <p data-wrong-matches={reports}>{tn('wrongMatchesCount', reports)}</p>
      </section>

      <ErrorBoundary part="feeds">
        <FeedsSection locale={locale} onNotice={setNotice} settings={settings} change={change} />
      </ErrorBoundary>
      <ErrorBoundary part="submissions">
        <SubmissionsSection settings={settings} change={change} locale={locale} onNotice={setNotice} />
      </ErrorBoundary>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p>{t('privacyBody')}</p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('dataHeading')}</h2>
        <p class="hint">{t('dataHint')}</p>
        <div class="row">
          <button type="button" class="button" onClick={() => void exportFile()}>
            {t('exportData')}
          </button>
          <label class="button secondary">
            {t('importData')}
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              onChange={(event) => void importFile((event.target as HTMLInputElement).files?.[0])}
            />
          </label>
        </div>
      </section>
    </main>
  );
}

/** What Sanad last saw of a site: whether it could read its last page, and when. */
function SiteState({ site, states, locale }: { site: SiteId; states: SiteStates; locale: string }) {
  const state = states[site];
  const text = !state
    ? t('siteStateNone')
    : state.readability === 'unreadable'
      ? t('siteStateUnreadable', formatDateTime(state.at, locale))
      : tn('siteStateReadable', state.postsRead, formatDateTime(state.at, locale));
  return (
    <p class="hint site-state" data-site={site} data-state={state?.readability ?? 'none'}>
      {text}
    </p>
  );
}

/** Which site rules Sanad reads with, the last check's outcome in plain words, and "check for site updates". */
function SiteRulesUpdates({ locale }: { locale: string }) {
  const [status, setStatus] = useState<SiteRulesStatus | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => void sendMessage('siteRulesStatus', {}).then(setStatus), []);
  if (!status) return null;
  const check = async () => {
    setChecking(true);
    try {
      setStatus(await sendMessage('syncSiteRules', {}));
    } finally {
      setChecking(false);
    }
  };
  if (!status.configured)
    return (
      <p class="hint site-rules" data-state="not-set-up">
        {t('siteRulesNotSetUp')}
      </p>
    );
  return (
    <div class="site-rules" data-state={status.lastError ? 'refused' : status.packVersion ? 'updated' : 'shipped'}>
      <p class="hint">
        {status.packVersion && status.generated
          ? t('siteRulesUpdated', String(status.packVersion), formatDateTime(Date.parse(status.generated), locale))
          : t('siteRulesShipped')}{' '}
        {status.lastAttempt !== undefined && t('siteRulesChecked', formatDateTime(status.lastAttempt, locale))}
      </p>
      {status.lastError && (
        <p class="site-rules-error" role="alert">
          {tx('siteRulesRefused', <Isolated text={status.lastError} />)}
        </p>
      )}
      <button type="button" class="secondary" disabled={checking} onClick={() => void check()}>
        {checking ? t('checkingSiteUpdates') : t('checkSiteUpdates')}
      </button>
    </div>
  );
}
