/** Applies the user's language choice before a UI renders. */
import { browser } from 'wxt/browser';
import { loadSettings, type LanguageChoice } from '../settings/settings';
import { useMessages, type Messages } from './t';

/** Fetches a shipped locale's messages (extension pages and the background can read packaged files). */
export async function fetchLocale(locale: 'ar' | 'en'): Promise<Messages> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
  if (!response.ok) throw new Error(`locale ${locale}: HTTP ${response.status}`);
  return (await response.json()) as Messages;
}

/** Reads the language setting and applies it; `load` fetches messages (content scripts ask the background). */
export async function applyLanguageSetting(load: (locale: 'ar' | 'en') => Promise<Messages> = fetchLocale): Promise<LanguageChoice> {
  const { language } = await loadSettings();
  useMessages(language === 'auto' ? null : await load(language));
  return language;
}
