import { render } from 'preact';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { SubmitApp } from '@/components/SubmitApp';
import { applyLanguageSetting } from '@/lib/i18n/load';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import '@/assets/page.css';
import '../options/options.css';

async function draw() {
  await applyLanguageSetting().catch(() => {});
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = uiDirection();
  document.title = t('submitTitle');
  const params = new URLSearchParams(location.search);
  render(
    <ErrorBoundary part="submit page">
      <SubmitApp draftId={params.get('draft')} tabId={params.get('tab') ? Number(params.get('tab')) : null} />
    </ErrorBoundary>,
    document.getElementById('app')!,
  );
}
void draw();
