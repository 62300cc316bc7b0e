import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { flagsAsClaimReviewDrafts, flagsAsCsv } from '@/lib/intake/flags-export';
import { formatDateTime } from '@/lib/i18n/format';
import { t, tn, type MessageKey } from '@/lib/i18n/t';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import { normaliseIntakeUrl, type Settings } from '@/lib/settings/settings';
import type { VolunteerStatus } from '@/lib/intake/desk-status';
import type { OutboxRecord } from '@/lib/store/db';
import { downloadText } from './download';

/** The intake service, fact-checker mode, and the outbox with retry and cancel. */
export function SubmissionsSection({
  settings,
  change,
  locale,
  onNotice,
}: {
  settings: Settings;
  change: (next: (s: Settings) => Settings) => Promise<void>;
  locale: string;
  onNotice: (text: string) => void;
}) {
  const [items, setItems] = useState<OutboxRecord[]>([]);
  const [address, setAddress] = useState(settings.intakeUrl);
  const reload = async () => setItems(await sendMessage('outbox', {}).catch(() => []));
  useEffect(() => {
    void reload();
    // Opening the list asks the desk what became of what was sent; the answers show on the next reload.
    void sendMessage('refreshDeskStatus', {}).catch(() => {});
    const timer = setInterval(() => void reload(), 2_000); // delivery happens in the background
    return () => clearInterval(timer);
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const url = normaliseIntakeUrl(address);
    if (!url) return onNotice(t('intakeInvalid'));
    // The permission prompt must come straight from the click; only the service's origin is asked for.
    // Saving does not wait for the answer: a service that allows extension origins (CORS) works either way.
    void browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }).then(
      (granted) => granted || onNotice(t('intakeNoPermission')),
      () => onNotice(t('intakeNoPermission')),
    );
    await change((s) => ({ ...s, intakeUrl: url }));
    onNotice(t('intakeSaved'));
    setTimeout(() => void reload(), 500);
  };

  const act = async (action: 'retryOutbox' | 'cancelOutbox', id: string) => {
    try {
      await sendMessage(action, { id });
    } catch (error) {
      onNotice(failureReason(error));
    }
    await reload();
  };

  return (
    <section aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">{t('outboxHeading')}</h2>
      <form class="intake" onSubmit={save}>
        <label for="intake-url">{t('intakeLabel')}</label>
        <input
          id="intake-url"
          type="url"
          inputMode="url"
          dir="ltr"
          value={address}
          placeholder="https://"
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('intakeSave')}</button>
        <p class="hint">{t('intakeHint')}</p>
      </form>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.factChecker}
          onChange={(e) => void change((s) => ({ ...s, factChecker: (e.target as HTMLInputElement).checked }))}
        />
        {t('factCheckerMode')}
      </label>
      {items.some((i) => i.deskStatus?.stage === 'published') && (
        <p class="hint" role="status">
          {tn('deskPublishedCount', items.filter((i) => i.deskStatus?.stage === 'published').length)}
        </p>
      )}
      {items.length === 0 ? (
        <p class="hint">{t('outboxEmpty')}</p>
      ) : (
        <ul class="outbox">
          {items.map((item) => (
            <li key={item.id} data-outbox-state={item.state}>
              <span class="tag">{t(`outboxKind_${item.submission.kind}` as MessageKey)}</span>{' '}
              <span dir="auto">
                {(item.submission.post.text || item.submission.post.permalink || item.submission.post.pageUrl).slice(0, 120)}
              </span>
              <span class="state"> · {t(`outboxState_${item.state}` as MessageKey)}</span>
              {item.state === 'retrying' && <span class="hint"> · {t('outboxNextTry', formatDateTime(item.nextAttemptAt, locale))}</span>}
              {item.state === 'sent' && item.deskStatus && <DeskStatusLine status={item.deskStatus} />}
              {item.lastError && item.state !== 'sent' && (
                <span class="error" role="note" dir="auto">
                  {' '}
                  · {item.lastError}
                </span>
              )}
              {item.state !== 'sent' && item.state !== 'sending' && (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={() => void act('retryOutbox', item.id)}>
                    {t('outboxRetry')}
                  </button>{' '}
                  <button type="button" class="link-button" onClick={() => void act('cancelOutbox', item.id)}>
                    {t('outboxCancel')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {settings.factChecker && items.some((i) => i.submission.kind === 'flag') && (
        <p>
          <button type="button" onClick={() => downloadText('sanad-flags.jsonld', 'application/ld+json', flagsAsClaimReviewDrafts(items))}>
            {t('exportFlagsJson')}
          </button>{' '}
          <button type="button" onClick={() => downloadText('sanad-flags.csv', 'text/csv', flagsAsCsv(items))}>
            {t('exportFlagsCsv')}
          </button>
        </p>
      )}
    </section>
  );
}

/** What the desk made of a delivered item: its stage, and the fact-check's link or the desk's reason (as text). */
function DeskStatusLine({ status }: { status: VolunteerStatus }) {
  return (
    <span class="desk-status" data-desk-stage={status.stage}>
      {' · '}
      <strong>{t(`deskStage_${status.stage.replace('-', '_')}` as MessageKey)}</strong>
      {status.url && (
        <>
          {' · '}
          <a href={status.url} target="_blank" rel="noopener noreferrer" dir="ltr">
            {t('deskOpenFactCheck')}
          </a>
        </>
      )}
      {status.reason && (
        <span dir="auto">
          {' · '}
          {t('deskReason', status.reason)}
        </span>
      )}
    </span>
  );
}
