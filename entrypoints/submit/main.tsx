import { render } from 'preact';
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
    <SubmitApp draftId={params.get('draft')} tabId={params.get('tab') ? Number(params.get('tab')) : null} />,
    document.getElementById('app')!,
  );
}
void draw();
