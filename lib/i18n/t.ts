/**
 * UI strings come from `_locales`. By default the browser picks Arabic or English from its own UI language
 * (and falls back to English); when the user chooses a language in the options, that locale's messages are
 * loaded once and used instead.
 */
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');
/** A counted message: its `<key>__<category>` forms are generated for every plural category. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}__other` ? Base : never) : never;
export type Locale = 'ar' | 'en';
export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

let chosen: Messages | null = null;

/** Use these messages instead of the browser's choice (null: back to the browser's). */
export function useMessages(messages: Messages | null): void {
  chosen = messages;
}

/** Chrome's placeholder rules: $NAME$ → the placeholder's content, where $1…$9 are the substitutions. */
export function formatMessage(messages: Messages, key: string, substitutions: string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content === undefined ? whole : content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  if (chosen) return formatMessage(chosen, key, subs) || key;
  return browser.i18n.getMessage(key, subs) || key;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A counted message in the UI language: Intl.PluralRules picks the form (Arabic has six: 0, 1, 2, 3–10,
 * 11–99, 100…), the count is written in the locale's digits and passed as the first substitution.
 */
export function tn(key: PluralKey, count: number, ...substitutions: Array<string | number>): string {
  const locale = uiLocale();
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count) as 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
  return t(`${key}__${category}` as MessageKey, new Intl.NumberFormat(locale).format(count), ...substitutions);
}

/** The language the UI is shown in: one of the locales we ship, not the browser's wider choice. */
export function uiLocale(): Locale {
  return t('uiLocale') === 'ar' ? 'ar' : 'en';
}

export function uiDirection(): 'rtl' | 'ltr' {
  return uiLocale() === 'ar' ? 'rtl' : 'ltr';
}
