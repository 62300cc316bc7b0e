import { browser } from 'wxt/browser';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import { t, tn } from '@/lib/i18n/t';
import { siteOrigins } from '@/lib/harvest/harvest';
import { DIRECTORY, isSubscribed, type DirectoryEntry } from '@/lib/sources/directory';

/** The built-in directory: one click per desk subscribes to it (the permission prompt asks for that site only). */
export function DirectorySection({
  feedUrls,
  onNotice,
  onSubscribed,
  onGoogle,
}: {
  feedUrls: string[];
  onNotice: (text: string) => void;
  onSubscribed: () => Promise<void>;
  onGoogle: () => void;
}) {
  const subscribe = async (entry: DirectoryEntry) => {
    if (entry.kind === 'google') return onGoogle();
    const url = entry.kind === 'sanad' ? entry.feedUrl : entry.site;
    // Straight from the click, as browsers require; the first sync does not wait for the answer.
    void browser.permissions.request({ origins: siteOrigins(url) }).then(
      (granted) => granted || onNotice(t('feedNoPermission')),
      () => onNotice(t('feedNoPermission')),
    );
    try {
      const { feed } = await sendMessage(
        'addFeed',
        entry.kind === 'sanad' ? { url, kind: 'sanad', publicKey: entry.publicKey } : { url, kind: 'site' },
      );
      // A failing first sync is shown beside its feed in the list, not in the "Saved" notice.
      if (!feed.lastError) onNotice(tn('feedAdded', feed.count));
    } catch (error) {
      onNotice(t('feedAddFailed', failureReason(error)));
    }
    await onSubscribed();
  };

  return (
    <section aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t('directoryHeading')}</h2>
      <p class="hint">{t('directoryHint')}</p>
      <ul class="directory">
        {DIRECTORY.map((entry) => {
          const name = entry.name.own === entry.name.en ? entry.name.own : `${entry.name.own} (${entry.name.en})`;
          const subscribed = isSubscribed(entry, feedUrls);
          return (
            <li key={entry.id} data-directory={entry.id}>
              <bdi lang={entry.languages[0]}>{entry.name.own}</bdi>
              {entry.name.own !== entry.name.en && <bdi lang="en"> ({entry.name.en})</bdi>}{' '}
              <span class="tag" dir="ltr">
                {new URL(entry.site).hostname.replace(/^www\./, '')} · {entry.languages.join(', ')}
              </span>{' '}
              {subscribed ? (
                <span class="tag">· {t('directorySubscribed')}</span>
              ) : entry.kind === 'google' ? (
                <>
                  <span class="hint">{t('directoryGoogle')}</span>{' '}
                  <button type="button" class="link-button" onClick={() => void subscribe(entry)}>
                    {t('directoryUseGoogle')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('directorySubscribeName', name)}
                  onClick={() => void subscribe(entry)}
                >
                  {t('directorySubscribe')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
