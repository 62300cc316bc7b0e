/**
 * The one writer of settings. Page settings (sites, language) go to storage.local, where content scripts
 * read them; privileged ones (the intake address, fact-checker mode, feed schedules) to IndexedDB, which
 * only the background opens: a content script, able to write storage.local, cannot send submissions
 * elsewhere. Extension pages read and change settings through the background's messages.
 */
import {
  DEFAULT_SETTINGS,
  legacyStoredSettings,
  loadPageSettings,
  normaliseSettings,
  savePageSettings,
  splitSettings,
  type Settings,
} from '../settings/settings';
import type { SanadDb } from '../store/db';

const RECORD_ID = 'privileged';

export interface SettingsServiceDeps {
  openDb: () => Promise<SanadDb>;
  /** After a save: the new settings and the ones before (menus, alarms and the outbox follow them). */
  onChange?: (next: Settings, previous: Settings) => void;
}

export class SettingsService {
  constructor(private readonly deps: SettingsServiceDeps) {}

  async load(): Promise<Settings> {
    const [page, record] = await Promise.all([loadPageSettings(), this.deps.openDb().then((db) => db.get('settings', RECORD_ID))]);
    const { id: _id, ...privileged } = record ?? { id: RECORD_ID, ...splitSettings(DEFAULT_SETTINGS).privileged };
    return normaliseSettings({ ...privileged, ...page });
  }

  async save(change: (current: Settings) => Settings): Promise<Settings> {
    const previous = await this.load();
    const next = normaliseSettings(change(previous));
    const { page, privileged } = splitSettings(next);
    await (await this.deps.openDb()).put('settings', { id: RECORD_ID, ...privileged });
    await savePageSettings(page);
    this.deps.onChange?.(next, previous);
    return next;
  }

  /**
   * On update from a release that kept everything in storage.local: its privileged values move here once,
   * and leave storage.local. Never on a fresh install or a wake, when storage.local's privileged keys can
   * only come from a content script.
   */
  async moveLegacy(): Promise<void> {
    const db = await this.deps.openDb();
    if (await db.get('settings', RECORD_ID)) return;
    const legacy = await legacyStoredSettings();
    await db.put('settings', { id: RECORD_ID, ...splitSettings(legacy).privileged });
    await savePageSettings(splitSettings(legacy).page);
  }
}
