/**
 * Reading values that come from outside: feeds, ClaimReview files, the Google Fact Check API, submissions,
 * posts from content scripts, forms. Each reader takes `unknown` and gives a value of the asked-for type
 * within the asked-for bounds, or undefined; nothing here throws. Pure, no browser imports.
 */

/** Links longer than this are refused everywhere (browsers and servers commonly stop at about 2 KB). */
export const MAX_URL_LENGTH = 2_048;

/** A plain object, as JSON objects arrive (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** One-or-many, as JSON-LD writes it: an array as it is, a single value as a list of one, null or missing as none. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A non-empty string, cut to `maxLength` (the start of an oversized value is still worth having). */
export function readString(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value ? value.slice(0, maxLength) : undefined;
}

/** A string with something besides whitespace in it, trimmed and cut to `maxLength`. */
export function readTrimmed(value: unknown, maxLength = Infinity): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed ? trimmed.slice(0, maxLength) : undefined;
}

/** Control characters but tab and line breaks (which readCleanText makes spaces). */
// eslint-disable-next-line no-control-regex -- on its own line, so that formatting cannot move it off the regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text for one line of a card: control characters dropped, runs of whitespace (newlines too) made one space,
 * trimmed, cut to `maxLength`; undefined when nothing is left.
 */
export function readCleanText(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, maxLength) : undefined;
}

/**
 * An absolute http(s) URL of at most `maxLength` characters, as the URL parser writes it (`href`). Anything
 * else (`javascript:`, `data:`, relative or unparseable addresses, overlong ones) is undefined: a link
 * from outside never becomes a clickable script.
 */
export function readHttpUrl(value: unknown, maxLength = MAX_URL_LENGTH): string | undefined {
  if (typeof value !== 'string' || !value || value.length > maxLength) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** A finite number within [min, max] (both included), or undefined; strings are not numbers. */
export function readFiniteNumber(
  value: unknown,
  { min = -Infinity, max = Infinity }: { min?: number; max?: number } = {},
): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** A string the date parser reads, as an ISO time (UTC), or undefined. */
export function readIsoTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
