import { render } from 'preact';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { OptionsApp } from '@/components/OptionsApp';
import { applyLanguageSetting } from '@/lib/i18n/load';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import '@/assets/page.css';
import './options.css';

async function draw() {
  await applyLanguageSetting().catch(() => {});
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = uiDirection();
  document.title = t('optionsTitle');
  const root = document.getElementById('app')!;
  render(null, root);
  render(
    <ErrorBoundary part="options">
      <OptionsApp onLanguageChange={() => void draw()} />
    </ErrorBoundary>,
    root,
  );
}
void draw();
