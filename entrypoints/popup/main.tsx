import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import '@/assets/verdict-card.css';
import './popup.css';

document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDirection();
document.title = t('popupTitle');
render(<PopupApp />, document.getElementById('app')!);
