import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { failureReason, sendMessage } from '@/lib/messaging/channel';
import { t, tn, uiLocale } from '@/lib/i18n/t';
import { siteOrigins } from '@/lib/harvest/harvest';
import { mountBadge, type BadgeHandle } from '@/lib/page/badge-host';
import { DIRECTORY, preselectedFor } from '@/lib/sources/directory';
import { loadPageSettings, savePageSettings, type PageSettings } from '@/lib/settings/settings';
import { LanguageChoices } from './LanguageChoices';
import { unpackPageResults } from '@/lib/wire/packed-results';

/** The sample post: it repeats the built-in list's first fact-check and links the post that fact-check names. */
const SAMPLE_POST = {
  key: 'sanad-welcome-sample',
  permalink: 'https://x.com/halab_alaan/status/2009512270941053184',
  author: 'حلب الآن',
  text: 'عاجل | فيديو يُظهر أسرى من عناصر الجيش السوري على أيدي قوات سوريا الديمقراطية "قسد" في مدينة حلب بعد اشتباكات اليوم',
  links: [],
  media: [],
};

const SITE_ENTRIES = DIRECTORY.filter((e) => e.kind === 'site');

/** The first-run page: what Sanad does and never does, the language, sources to choose, a live badge. */
export function WelcomeApp({ onLanguageChange }: { onLanguageChange: () => void }) {
  const locale = uiLocale();
  const [settings, setSettings] = useState<PageSettings | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(preselectedFor(locale)));
  const [subscribed, setSubscribed] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [noBadge, setNoBadge] = useState(false);
  const badgeSlot = useRef<HTMLSpanElement>(null);

  useEffect(() => void loadPageSettings().then(setSettings), []);

  // The live example: the sample post is matched by the background like any post on a page.
  useEffect(() => {
    let badge: BadgeHandle | undefined;
    void sendMessage('matchPosts', { pageUrl: location.href, posts: [SAMPLE_POST] }).then((packed) => {
      const view = unpackPageResults(packed)[0]?.badge;
      if (!view || !badgeSlot.current) return setNoBadge(true);
      badge = mountBadge({ parent: badgeSlot.current, before: null }, view);
    });
    return () => badge?.remove();
  }, []);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const subscribe = async () => {
    const entries = SITE_ENTRIES.filter((e) => chosen.has(e.id) && !subscribed.has(e.id));
    // One prompt, straight from the click, for exactly the chosen sites.
    void browser.permissions.request({ origins: entries.flatMap((e) => siteOrigins(e.site)) }).then(
      (granted) => granted || setNotice(t('feedNoPermission')),
      () => setNotice(t('feedNoPermission')),
    );
    const done = new Set(subscribed);
    const problems: string[] = [];
    for (const entry of entries) {
      try {
        const { feed } = await sendMessage('addFeed', { url: entry.site, kind: 'site' });
        done.add(entry.id);
        if (feed.lastError) problems.push(`${entry.name.own}: ${feed.lastError}`);
      } catch (error) {
        problems.push(`${entry.name.own}: ${failureReason(error)}`);
      }
      setSubscribed(new Set(done));
    }
    setNotice([tn('welcomeSubscribed', done.size), ...problems].join(' '));
  };

  const changeLanguage = async (language: PageSettings['language']) => {
    const next = { ...(await loadPageSettings()), language };
    await savePageSettings(next);
    setSettings(next);
    onLanguageChange();
  };

  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <section>
        <p>{t('welcomeWhat')}</p>
        <p>{t('welcomeNever')}</p>
      </section>

      <section aria-labelledby="welcome-example">
        <h2 id="welcome-example">{t('welcomeExampleHeading')}</h2>
        <p class="hint">{t('welcomeExampleHint')}</p>
        <article class="sample-post" lang="ar" dir="rtl" data-sample-post>
          <header>
            <span>{SAMPLE_POST.author}</span>
            <span ref={badgeSlot} />
          </header>
          <p>{SAMPLE_POST.text}</p>
        </article>
        {noBadge && <p class="warning">{t('welcomeExampleNoBadge')}</p>}
      </section>

      <section aria-labelledby="welcome-sources">
        <h2 id="welcome-sources">{t('welcomeSourcesHeading')}</h2>
        <p class="hint">{t('welcomeSourcesHint')}</p>
        <div class="sources">
          {SITE_ENTRIES.map((entry) => (
            <label key={entry.id} data-directory={entry.id}>
              <input
                type="checkbox"
                name={`source-${entry.id}`}
                checked={chosen.has(entry.id) || subscribed.has(entry.id)}
                disabled={subscribed.has(entry.id)}
                onChange={(e) => toggle(entry.id, (e.target as HTMLInputElement).checked)}
              />
              <span>
                <bdi lang={entry.languages[0]}>{entry.name.own}</bdi>
                {entry.name.own !== entry.name.en && <bdi lang="en"> ({entry.name.en})</bdi>}{' '}
                <span class="tag" dir="ltr">
                  {new URL(entry.site).hostname.replace(/^www\./, '')}
                </span>
                {subscribed.has(entry.id) && <span class="tag"> · {t('directorySubscribed')}</span>}
              </span>
            </label>
          ))}
        </div>
        <div class="row">
          <button type="button" class="button" disabled={![...chosen].some((id) => !subscribed.has(id))} onClick={() => void subscribe()}>
            {t('welcomeSubscribe')}
          </button>
        </div>
        <p role="status" class="notice">
          {notice}
        </p>
      </section>

      {settings && (
        <section aria-labelledby="welcome-language">
          <h2 id="welcome-language">{t('languageHeading')}</h2>
          <LanguageChoices
            headingId="welcome-language"
            current={settings.language}
            onChoose={(language) => void changeLanguage(language)}
          />
        </section>
      )}
      <p class="hint">{t('welcomeDone')}</p>
    </main>
  );
}
