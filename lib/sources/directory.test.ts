import { describe, expect, it } from 'vitest';
import { DIRECTORY, isSubscribed, preselectedFor } from './directory';

describe('the source directory', () => {
  it('is well formed: unique ids and sites, https home pages, language codes, no keys on unsigned entries', () => {
    expect(new Set(DIRECTORY.map((e) => e.id)).size).toBe(DIRECTORY.length);
    expect(new Set(DIRECTORY.map((e) => e.site)).size).toBe(DIRECTORY.length);
    for (const entry of DIRECTORY) {
      expect(new URL(entry.site).protocol).toBe('https:');
      expect(new URL(entry.site).href).toBe(entry.site);
      expect(entry.name.own.trim() && entry.name.en.trim()).toBeTruthy();
      for (const language of entry.languages) expect(language).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      expect(entry.country).toMatch(/^([A-Z]{2}|international)$/);
      if (entry.kind !== 'sanad') expect(entry).not.toHaveProperty('publicKey');
    }
    expect(DIRECTORY.filter((e) => e.kind === 'google')).toHaveLength(1);
  });

  it('lists Arabic desks first, then English and others', () => {
    const mainLanguages = DIRECTORY.filter((e) => e.kind === 'site').map((e) => e.languages[0]);
    const firstNonArabic = mainLanguages.findIndex((l) => l !== 'ar');
    expect(firstNonArabic).toBeGreaterThanOrEqual(3);
    expect(mainLanguages.slice(firstNonArabic)).not.toContain('ar');
  });

  it('knows which entries are subscribed, with or without www. and a trailing slash', () => {
    const misbar = DIRECTORY.find((e) => e.id === 'misbar')!;
    expect(isSubscribed(misbar, ['https://www.misbar.com'])).toBe(true);
    expect(isSubscribed(misbar, ['https://misbar.com.evil.example/'])).toBe(false);
    const google = DIRECTORY.find((e) => e.kind === 'google')!;
    expect(isSubscribed(google, ['https://factchecktools.googleapis.com/v1alpha1/claims:search?query=x'])).toBe(true);
    expect(isSubscribed(google, [])).toBe(false);
  });

  it('preselects the desks of the reader’s language for the welcome page, websites only', () => {
    expect(preselectedFor('ar')).toEqual(['misbar', 'fatabyyano', 'verify-sy', 'akeed', 'matsda2sh']);
    expect(preselectedFor('en-US')).toContain('full-fact');
    expect(preselectedFor('en-US')).not.toContain('google-fact-check');
    expect(preselectedFor('xx')).toEqual([]);
  });
});
