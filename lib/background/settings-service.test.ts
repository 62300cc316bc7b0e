import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromPopup, fromTab, testBackground } from '@/tests/unit/support/background';
import { DEFAULT_SETTINGS } from '../settings/settings';

/** What a content script can do: write storage.local directly. */
const writeAsContentScript = (settings: object) => fakeBrowser.storage.local.set({ settings });

describe('Background: privileged settings', () => {
  it('keeps the intake address out of reach of content scripts: their storage.local write changes nothing', async () => {
    const { ask, settings } = testBackground();
    await ask('saveSettings', { ...DEFAULT_SETTINGS, intakeUrl: 'https://desk.example/intake', factChecker: true }, fromPopup());
    // Page settings stay where content scripts read them, and only they do.
    expect(Object.keys((await fakeBrowser.storage.local.get('settings')).settings as object)).not.toContain('intakeUrl');
    await writeAsContentScript({ ...DEFAULT_SETTINGS, intakeUrl: 'https://attacker.example', factChecker: false, feedSyncHours: 1 });
    expect(await settings.load()).toMatchObject({ intakeUrl: 'https://desk.example/intake', factChecker: true, feedSyncHours: 6 });
  });

  it('refuses to read or change settings for a content script', async () => {
    const { ask } = testBackground();
    await expect(ask('settings', {}, fromTab(3))).rejects.toThrow();
    await expect(ask('saveSettings', { ...DEFAULT_SETTINGS, intakeUrl: 'https://attacker.example' }, fromTab(3))).rejects.toThrow();
    expect((await ask('settings', {}, fromPopup())).intakeUrl).toBe('');
  });

  it('sends the outbox to the address the user saved, whatever storage.local says', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 503 }));
    const { ask } = testBackground({ fetch: fetch as unknown as typeof globalThis.fetch });
    await writeAsContentScript({ ...DEFAULT_SETTINGS, intakeUrl: 'https://attacker.example' });
    await ask('saveSettings', { ...(await ask('settings', {}, fromPopup())), intakeUrl: 'https://desk.example' }, fromPopup());
    await writeAsContentScript({ ...DEFAULT_SETTINGS, intakeUrl: 'https://attacker.example' });
    const post = { pageUrl: 'https://x.com/home', text: 'Captured soldiers video', links: [], media: [] };
    await ask('submitClaim', { kind: 'claim', category: 'ai-generated', post }, fromPopup());
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const urls = fetch.mock.calls.map((call) => String((call as unknown[])[0]));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/desk\.example\//);
  });

  it('moves an earlier release’s settings out of storage.local once, on update', async () => {
    const { settings } = testBackground();
    await writeAsContentScript({ ...DEFAULT_SETTINGS, language: 'ar', intakeUrl: 'https://desk.example', feedStaleDays: 7 });
    await settings.moveLegacy();
    expect(await settings.load()).toMatchObject({ language: 'ar', intakeUrl: 'https://desk.example', feedStaleDays: 7 });
    expect(Object.keys((await fakeBrowser.storage.local.get('settings')).settings as object)).not.toContain('intakeUrl');
    await writeAsContentScript({ ...DEFAULT_SETTINGS, intakeUrl: 'https://attacker.example' });
    await settings.moveLegacy(); // a second update takes nothing from storage.local
    expect((await settings.load()).intakeUrl).toBe('https://desk.example');
  });
});
