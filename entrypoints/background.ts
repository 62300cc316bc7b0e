import { browser } from 'wxt/browser';
import { BUNDLED_LIST_PATH } from '@/lib/background/bundled-list';
import { createHandlers } from '@/lib/background/handlers';
import { MatcherService } from '@/lib/background/matcher-service';
import { FeedService, SYNC_ALARM } from '@/lib/background/feed-service';
import { PosterHasher } from '@/lib/background/poster-frames';
import { TabResultsStore } from '@/lib/background/tab-results';
import { OUTBOX_ALARM, OutboxService } from '@/lib/background/outbox-service';
import { DraftStore } from '@/lib/background/drafts';
import { createMenus, onMenuClick, showFlagMenu } from '@/lib/background/context-menu';
import { loadSettings, watchSettings } from '@/lib/settings/settings';
import { serveMessages } from '@/lib/messaging/channel';
import type { TabMessage } from '@/lib/messaging/protocol';
import { openSanadDb, type SanadDb } from '@/lib/store/db';

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

export default defineBackground(() => {
  let db: Promise<SanadDb> | null = null;
  const openDb = () => (db ??= openSanadDb());
  const loadBundledList = async () => (await fetch(browser.runtime.getURL(BUNDLED_LIST_PATH as '/'))).text();
  const matcher = new MatcherService({ openDb, loadBundledList, posters: new PosterHasher() });
  const tabs = new TabResultsStore();
  const feeds = new FeedService({ openDb, matcher, fetch: (...args) => fetch(...args), staleAfterMs: async () => (await loadSettings()).feedStaleDays * 24 * 3_600_000 });
  const outbox = new OutboxService({
    openDb,
    fetch: (...args) => fetch(...args),
    intakeUrl: async () => (await loadSettings()).intakeUrl,
    clientId,
    scheduleWake: (when) => {
      if (when === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when });
    },
  });
  const drafts = new DraftStore();
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  serveMessages(
    createHandlers({
      matcher,
      tabs,
      openDb,
      showCount: (tabId, count) => {
        void action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => {});
        void action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => {});
      },
      feeds,
      outbox,
      drafts,
      refreshTab: (tabId) => {
        void browser.tabs.sendMessage(tabId, { sanad: 'refresh' } satisfies TabMessage).catch(() => {});
      },
    }),
  );

  // Install and update import the bundled list and sync the feeds; a woken worker builds its index on the
  // first message. Feeds sync on an alarm (every 6 hours unless the user chose otherwise), which survives the worker being stopped.
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings().then((settings) => createMenus(settings.factChecker));
    void matcher.rebuild().then(() => feeds.syncAll());
    void loadSettings().then((settings) => scheduleSync(settings.feedSyncHours));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void feeds.syncAll();
    if (alarm.name === OUTBOX_ALARM) void outbox.deliverDue();
  });
  // Submissions left waiting (offline, or a send cut off when the browser closed) go out whenever the worker
  // starts (browser start-up, install, any wake: one IndexedDB read when nothing waits), and when the user
  // sets or changes the intake service.
  void outbox.deliverDue();
  let intakeUrl: string | undefined;
  let syncHours: number | undefined;
  watchSettings((settings) => {
    showFlagMenu(settings.factChecker);
    if (syncHours !== undefined && settings.feedSyncHours !== syncHours) scheduleSync(settings.feedSyncHours);
    syncHours = settings.feedSyncHours;
    if (intakeUrl !== undefined && settings.intakeUrl !== intakeUrl) void outbox.deliverDue();
    intakeUrl = settings.intakeUrl;
  });
  void loadSettings().then((settings) => {
    intakeUrl ??= settings.intakeUrl;
    syncHours ??= settings.feedSyncHours;
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, drafts).catch((error: unknown) => console.warn('Sanad: menu', error)));
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
