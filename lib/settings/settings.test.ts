import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadPageSettings, normaliseIntakeUrl, normaliseSettings, savePageSettings, watchPageSettings } from './settings';

describe('settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 'yes', DEFAULT_SETTINGS],
    ['a partial object', { language: 'ar' }, { ...DEFAULT_SETTINGS, language: 'ar' }],
    [
      'wrong types',
      { language: 'fr', sites: { x: 'no', youtube: false, myspace: true } },
      { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, youtube: false } },
    ],
    [
      'schedules and an intake address',
      { feedSyncHours: 12, feedStaleDays: 7, intakeUrl: 'https://desk.example/intake/', factChecker: true },
      { ...DEFAULT_SETTINGS, feedSyncHours: 12, feedStaleDays: 7, intakeUrl: 'https://desk.example/intake', factChecker: true },
    ],
    [
      'schedules outside the choices and a script address',
      { feedSyncHours: 0.01, feedStaleDays: 'never', intakeUrl: 'javascript:alert(1)' },
      DEFAULT_SETTINGS,
    ],
  ])('normalises %s', (_, raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });

  it.each([
    ['https on the internet', 'https://desk.example/intake/', 'https://desk.example/intake'],
    ['plain http on the internet (submissions would travel in clear)', 'http://desk.example/intake', ''],
    ['plain http on a private network', 'http://192.168.1.5:8787', ''],
    ['plain http on this machine', 'http://localhost:8787/', 'http://localhost:8787'],
    ['plain http on the loopback address', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['a script', 'javascript:alert(1)', ''],
  ])('takes an intake address: %s', (_, raw, expected) => {
    expect(normaliseIntakeUrl(raw)).toBe(expected);
  });

  it('stores page settings and tells watchers, and only page settings', async () => {
    const seen = vi.fn();
    const stop = watchPageSettings(seen);
    await savePageSettings({ ...(await loadPageSettings()), sites: { ...DEFAULT_SETTINGS.sites, youtube: false } });
    expect((await loadPageSettings()).sites).toEqual({ ...DEFAULT_SETTINGS.sites, youtube: false });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ sites: { ...DEFAULT_SETTINGS.sites, youtube: false } }));
    await savePageSettings({ ...DEFAULT_SETTINGS, intakeUrl: 'https://elsewhere.example' } as never);
    expect(Object.keys((await fakeBrowser.storage.local.get('settings')).settings as object).sort()).toEqual([
      'language',
      'sites',
      'version',
    ]);
    stop();
  });
});
