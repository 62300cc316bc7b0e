import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatPartialDate, formatPercent } from './format';

describe('formatters', () => {
  it('format as a fresh Intl formatter would, per locale and options', () => {
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('2019-07', 'en')).toBe('July 2019');
    expect(formatPartialDate('2026-01-09', 'en')).toBe(
      new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(Date.UTC(2026, 0, 9)),
    );
    expect(formatPartialDate('2019', 'ar')).toBe(
      new Intl.DateTimeFormat('ar', { timeZone: 'UTC', year: 'numeric' }).format(Date.UTC(2019, 0, 1)),
    );
    expect(formatPartialDate('2019-07', 'ar')).not.toBe(formatPartialDate('2019-07', 'en'));
    expect(formatNumber(1240, 'en')).toBe('1,240');
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(formatNumber(0.5, 'en')).toBe('0.5'); // the percent options do not leak into the plain format
    expect(formatDateTime(Date.UTC(2026, 0, 9, 12), 'en')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.UTC(2026, 0, 9, 12)),
    );
  });

  it('build each formatter once: a feed of badges asks for the same date format again and again', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Real>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Real;
    try {
      for (let i = 0; i < 50; i++) formatPartialDate(String(1990 + (i % 30)), 'en-GB');
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(made).toBe(1);
  });
});
