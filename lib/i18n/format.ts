/** Dates and numbers in the UI language through Intl. Pure: the locale is passed in. */

/**
 * Formatters by locale and options: building an Intl formatter costs far more than using one (a tenth of a
 * millisecond and more), and a feed's badges and cards ask for the same few again and again.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

/** "2019-07" → "July 2019"; "2026-01-09" → "9 January 2026"; "2019" → "2019" (in the locale's script). */
export function formatPartialDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m) options.month = 'long';
  if (m && d) options.day = 'numeric';
  return dateFormat(locale, options).format(date);
}

/** A moment (ms since epoch) as a medium date and short time. */
export function formatDateTime(ms: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export function formatNumber(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Picks the best text for the UI language from a by-language map. */
export function pickLocalised(text: Record<string, string> | undefined, locale: string, fallback?: string): string | undefined {
  if (!text) return undefined;
  const lang = locale.split('-')[0]!;
  return text[locale] ?? text[lang] ?? (fallback ? text[fallback] : undefined) ?? Object.values(text)[0];
}
