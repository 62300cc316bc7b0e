/**
 * The background in the browser: composes the services with the browser's own APIs and wires the events
 * they answer (messages, install and update, alarms, the context menu, closed tabs).
 */
import { browser } from 'wxt/browser';
import { notifyExtensionPages, sendToTab, serveMessages } from '../messaging/channel';
import { t, tn } from '../i18n/t';
import { openSanadDb, type SanadDb } from '../store/db';
import { BUNDLED_LIST_PATH } from './bundled-list';
import { createMenus, onMenuClick, showFlagMenu } from './context-menu';
import { DraftStore } from './drafts';
import { SYNC_ALARM } from './feed-service';
import { OUTBOX_ALARM } from './outbox-service';
import { verifyInBackgroundPage, verifyInOffscreenDocument } from './credential-verifier';
import { loadImageInBrowser, PosterHasher } from './poster-frames';
import { composeServices } from './services';
import { PINNED_SITE_RULES } from '../site-rules/pinned';

/** A random id for this installation: the intake service rate-limits by it without learning who anyone is. */
async function clientId(): Promise<string> {
  const { clientId: saved } = (await browser.storage.local.get('clientId')) as { clientId?: string };
  if (saved) return saved;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ clientId: id });
  return id;
}

/** Feeds sync every `hours` (the user's setting) on an alarm, which outlives the service worker. */
function scheduleSync(hours: number): void {
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: hours * 60, delayInMinutes: hours * 60 });
}

const logFailure = (what: string) => (error: unknown) => console.warn(`Sanad: ${what}:`, error);

export function startBackground(): void {
  let db: Promise<SanadDb> | null = null;
  const drafts = new DraftStore();
  // The CAI SDK cannot run in Chromium's service worker: there it runs in an offscreen document.
  const posters = new PosterHasher(loadImageInBrowser, import.meta.env.FIREFOX ? verifyInBackgroundPage : verifyInOffscreenDocument);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const { lists, feeds, outbox, tabs, settings, siteRules, handlers } = composeServices({
    openDb: () => (db ??= openSanadDb()),
    fetch: (...args) => fetch(...args),
    readBundledList: async () => (await fetch(browser.runtime.getURL(BUNDLED_LIST_PATH as '/'))).text(),
    posters,
    drafts,
    settingsChanged: (next, previous) => {
      showFlagMenu(next.factChecker);
      if (next.feedSyncHours !== previous.feedSyncHours) scheduleSync(next.feedSyncHours);
      if (next.intakeUrl !== previous.intakeUrl) void outbox.deliverDue().catch(logFailure('outbox'));
    },
    clientId,
    scheduleOutboxWake: (when) => {
      if (when === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when });
    },
    showCount: (tabId, count, checked) => {
      void action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {});
      // The tooltip says Sanad is working even when nothing matched (an empty title restores the default).
      const title = checked ? `${t('popupTitle')}: ${tn('checkedPosts', checked, tn('checkedFactChecked', count))}` : '';
      void action.setTitle({ tabId, title }).catch(() => {});
      void action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => {});
    },
    tabCredentialsLearned: (tabId) => notifyExtensionPages('tabCredentials', { tabId }),
    refreshTab: (tabId) => void sendToTab(tabId, 'refresh', {}).catch(() => {}),
    openTab: async (path, besideTab) => {
      const beside = besideTab === undefined ? undefined : await browser.tabs.get(besideTab).catch(() => undefined);
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/'), ...(beside && { index: beside.index + 1 }) });
    },
    siteRulesSource: PINNED_SITE_RULES,
    // Every tab is told; a tab of another site, or with no content script, ignores it or cannot hear it.
    siteRulesChanged: (sites) =>
      void browser.tabs
        .query({})
        .then((all) => {
          for (const tab of all) if (tab.id !== undefined) void sendToTab(tab.id, 'siteRulesChanged', { sites }).catch(() => {});
        })
        .catch(logFailure('site rules push')),
  });
  serveMessages(handlers);

  // Install and update check the bundled list (the only time its file is read and hashed) and sync the
  // feeds; a woken worker loads its index on the first message. Feeds sync on an alarm, which survives
  // the worker being stopped.
  browser.runtime.onInstalled.addListener((details) => {
    // A fresh install opens the welcome page (sources to choose, a live badge); updates do not.
    if (details.reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(logFailure('welcome page'));
    const moved = details.reason === 'update' ? settings.moveLegacy().catch(logFailure('settings not moved')) : Promise.resolve();
    void lists
      .ensureBundled({ checkVersion: true })
      .catch(logFailure('bundled list not imported'))
      .then(() => feeds.syncAll())
      .catch(logFailure('feed sync'));
    void siteRules.sync().catch(logFailure('site rules'));
    void moved
      .then(() => settings.load())
      .then((current) => {
        createMenus(current.factChecker);
        scheduleSync(current.feedSyncHours);
      });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) {
      void feeds.syncAll().catch(logFailure('feed sync'));
      // Site rules ride on the feeds' alarm: one schedule for everything Sanad fetches.
      void siteRules.sync().catch(logFailure('site rules'));
    }
    if (alarm.name === OUTBOX_ALARM) void outbox.deliverDue().catch(logFailure('outbox'));
  });
  // Submissions left waiting (offline, or a send cut off when the browser closed) go out whenever the worker
  // starts (browser start-up, install, any wake: one IndexedDB read when nothing waits), and when the user
  // sets or changes the intake service.
  void outbox.deliverDue().catch(logFailure('outbox'));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, drafts, posters).catch(logFailure('menu')));
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
}
