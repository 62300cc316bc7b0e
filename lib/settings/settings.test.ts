import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, normaliseSettings, updateSettings, watchSettings } from './settings';

describe('settings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 'yes', DEFAULT_SETTINGS],
    ['a partial object', { language: 'ar' }, { ...DEFAULT_SETTINGS, language: 'ar' }],
    ['wrong types', { language: 'fr', sites: { x: 'no', youtube: false, myspace: true } }, { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, youtube: false } }],
  ])('normalises %s', (_, raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });

  it('stores changes and tells watchers', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await updateSettings((s) => ({ ...s, sites: { ...s.sites, youtube: false } }));
    expect((await loadSettings()).sites).toEqual({ ...DEFAULT_SETTINGS.sites, youtube: false });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ sites: { ...DEFAULT_SETTINGS.sites, youtube: false } }));
    stop();
  });
});
