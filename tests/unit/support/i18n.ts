import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { projectFile } from './files';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Makes browser.i18n.getMessage answer from our _locales files, as Chromium does (placeholders included). */
export function useLocale(locale: 'en' | 'ar'): void {
  const messages = JSON.parse(projectFile(`public/_locales/${locale}/messages.json`)) as Messages;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => args[Number(n) - 1] ?? '');
    });
  }) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
}
