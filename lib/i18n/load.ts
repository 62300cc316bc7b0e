/** Applies the user's language choice before a UI renders. */
import { browser } from 'wxt/browser';
import { loadPageSettings, type LanguageChoice } from '../settings/settings';
import { useMessages, type Messages } from './t';

/** Fetches a shipped locale's messages (extension pages and the background can read packaged files). */
export async function fetchLocale(locale: 'ar' | 'en'): Promise<Messages> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'));
  if (!response.ok) throw new Error(`locale ${locale}: HTTP ${response.status}`);
  return (await response.json()) as Messages;
}

/**
 * Reads the language setting and applies it; `load` fetches messages (content scripts ask the background).
 * With `auto`, `autoLocale` wins over the browser's language: on a page, badges speak the site's language.
 */
export async function applyLanguageSetting(
  load: (locale: 'ar' | 'en') => Promise<Messages> = fetchLocale,
  autoLocale?: 'ar' | 'en',
): Promise<LanguageChoice> {
  const { language } = await loadPageSettings();
  const locale = language === 'auto' ? autoLocale : language;
  useMessages(locale ? await load(locale) : null);
  return language;
}

/** The page's own UI language when Sanad speaks it (`<html lang="ar-EG">` → ar), else undefined. */
export function pageLocale(doc: Document): 'ar' | 'en' | undefined {
  const lang = doc.documentElement.lang.toLowerCase().split('-')[0];
  return lang === 'ar' || lang === 'en' ? lang : undefined;
}
