import { render } from 'preact';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PopupApp } from '@/components/PopupApp';
import { applyLanguageSetting } from '@/lib/i18n/load';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import '@/assets/verdict-card.css';
import '@/assets/page.css';
import './popup.css';

void applyLanguageSetting()
  .catch(() => {})
  .finally(() => {
    document.documentElement.lang = uiLocale();
    document.documentElement.dir = uiDirection();
    document.title = t('popupTitle');
    render(
      <ErrorBoundary part="popup">
        <PopupApp />
      </ErrorBoundary>,
      document.getElementById('app')!,
    );
  });
