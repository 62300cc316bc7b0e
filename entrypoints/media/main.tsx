import { render } from 'preact';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { MediaToolsApp } from '@/components/MediaToolsApp';
import { verifyCredentials } from '@/lib/media/c2pa-sdk';
import { applyLanguageSetting } from '@/lib/i18n/load';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import { readHttpUrl } from '@/lib/untrusted/read';
import '@/assets/page.css';
import '../options/options.css';
import './media.css';

async function draw() {
  await applyLanguageSetting().catch(() => {});
  // The page in the reader's language and direction (RTL in Arabic), as the other extension pages.
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = uiDirection();
  document.title = t('media_pageTitle');
  const q = new URLSearchParams(location.search);
  const tab = Number(q.get('tab'));
  render(
    <ErrorBoundary part="media tools">
      <MediaToolsApp
        tabId={Number.isInteger(tab) && q.get('tab') ? tab : null}
        kind={q.get('kind') === 'video' ? 'video' : 'image'}
        src={readHttpUrl(q.get('src'))}
        pageUrl={readHttpUrl(q.get('page'))}
        verify={verifyCredentials}
      />
    </ErrorBoundary>,
    document.getElementById('app')!,
  );
}
void draw();
