import { render } from 'preact';
import { WelcomeApp } from '@/components/WelcomeApp';
import { applyLanguageSetting } from '@/lib/i18n/load';
import { t, uiDirection, uiLocale } from '@/lib/i18n/t';
import '@/assets/page.css';
import '../options/options.css';
import './welcome.css';

async function draw() {
  await applyLanguageSetting().catch(() => {});
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = uiDirection();
  document.title = t('welcomeTitle');
  const root = document.getElementById('app')!;
  render(null, root);
  render(<WelcomeApp onLanguageChange={() => void draw()} />, root);
}
void draw();
