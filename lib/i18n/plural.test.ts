import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { MESSAGES, PLURAL_CATEGORIES } from '../../scripts/locales-source.mjs';
import { useLocale } from '@/tests/unit/support/i18n';
import { tn } from './t';

type Source = Record<string, string[] | { plural: true; en: Record<string, string>; ar: Record<string, string>; placeholders: string[] }>;
const source = MESSAGES as Source;
const categoriesOf = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];

describe('counted messages', () => {
  it('every message with a count is plural, with every form its language has (Arabic six, English two)', () => {
    expect(categoriesOf('ar').sort()).toEqual([...PLURAL_CATEGORIES].sort());
    let plurals = 0;
    for (const [key, entry] of Object.entries(source)) {
      if (Array.isArray(entry)) {
        expect(entry.slice(0, 2).join(' '), `${key} has a count: make it plural(...)`).not.toContain('$COUNT$');
        continue;
      }
      plurals += 1;
      for (const locale of ['en', 'ar'] as const)
        for (const category of categoriesOf(locale)) expect(entry[locale][category], `${key} ${locale} ${category}`).toBeTruthy();
    }
    expect(plurals).toBeGreaterThanOrEqual(13);
  });

  it.each([
    [0, 'لا تحققات على هذا الجهاز'],
    [1, 'تحقق واحد على هذا الجهاز'],
    [2, 'تحققان على هذا الجهاز'],
    [3, '3 تحققات على هذا الجهاز'],
    [11, '11 تحققًا على هذا الجهاز'],
    [100, '100 تحقق على هذا الجهاز'],
    [1240, '1,240 تحققًا على هذا الجهاز'], // the last two digits decide: 40 takes the 11–99 form
    [1200, '1,200 تحقق على هذا الجهاز'],
  ])('Arabic: %i fact-checks → %s', (count, text) => {
    useLocale('ar');
    // CLDR's Arabic writes digits as Latin or Arabic-Indic depending on the ICU version.
    const latin = tn('listStatus', count)
      .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/٬/g, ',');
    expect(latin).toBe(text);
  });

  it.each([
    [1, '1 hour'],
    [6, '6 hours'],
    [0, '0 hours'],
  ])('English: %i → %s', (count, text) => {
    useLocale('en');
    expect(tn('feedSyncHours', count)).toBe(text);
  });

  it('Arabic hours and days take their plural forms ("6 ساعات", not "6 ساعة"; "3 أيام", not "3 يوم")', () => {
    useLocale('ar');
    const latin = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    expect(latin(tn('feedSyncHours', 6))).toBe('6 ساعات');
    expect(latin(tn('feedSyncHours', 12))).toBe('12 ساعة');
    expect(latin(tn('feedSyncHours', 2))).toBe('ساعتين');
    expect(latin(tn('feedStaleDays', 3))).toBe('3 أيام');
    expect(latin(tn('feedStaleDays', 14))).toBe('14 يومًا');
  });
});
