/**
 * UI strings come from `_locales` through the browser's i18n API: the browser picks Arabic or English
 * from its own UI language and falls back to English for others.
 */
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The language the UI is shown in: one of the locales we ship, not the browser's wider choice. */
export function uiLocale(): 'ar' | 'en' {
  return t('uiLocale') === 'ar' ? 'ar' : 'en';
}

export function uiDirection(): 'rtl' | 'ltr' {
  return uiLocale() === 'ar' ? 'rtl' : 'ltr';
}
