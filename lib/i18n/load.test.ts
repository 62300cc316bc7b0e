// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { loadPageSettings, savePageSettings } from '../settings/settings';
import { applyLanguageSetting, pageLocale } from './load';
import { t, useMessages } from './t';

const AR = { uiLocale: { message: 'ar' } };
const EN = { uiLocale: { message: 'en' } };

describe('language on a page', () => {
  it('reads the site’s own UI language from <html lang>', () => {
    document.documentElement.lang = 'ar-EG';
    expect(pageLocale(document)).toBe('ar');
    document.documentElement.lang = 'EN';
    expect(pageLocale(document)).toBe('en');
    document.documentElement.lang = 'fr';
    expect(pageLocale(document)).toBeUndefined();
  });

  it('follows the page with "auto", and the user’s choice otherwise', async () => {
    const load = vi.fn(async (locale: 'ar' | 'en') => (locale === 'ar' ? AR : EN));
    await applyLanguageSetting(load, 'ar');
    expect(t('uiLocale')).toBe('ar');
    await savePageSettings({ ...(await loadPageSettings()), language: 'en' });
    await applyLanguageSetting(load, 'ar');
    expect(t('uiLocale')).toBe('en');
    await savePageSettings({ ...(await loadPageSettings()), language: 'auto' });
    await applyLanguageSetting(load, undefined); // no page language: the browser's
    expect(load).toHaveBeenCalledTimes(2);
    useMessages(null);
  });
});
