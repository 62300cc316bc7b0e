import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, type Messages } from '@/lib/i18n/t';
import { projectFile } from './files';

export const localeMessages = (locale: 'en' | 'ar') => JSON.parse(projectFile(`public/_locales/${locale}/messages.json`)) as Messages;

/** Makes browser.i18n.getMessage answer from our _locales files, as Chromium does (placeholders included). */
export function useLocale(locale: 'en' | 'ar'): void {
  const messages = localeMessages(locale);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    formatMessage(messages, key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
}
