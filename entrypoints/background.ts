import { browser } from 'wxt/browser';
import { BUNDLED_LIST_PATH } from '@/lib/background/bundled-list';
import { createHandlers } from '@/lib/background/handlers';
import { MatcherService } from '@/lib/background/matcher-service';
import { FeedService, SYNC_ALARM, SYNC_PERIOD_MINUTES } from '@/lib/background/feed-service';
import { PosterHasher } from '@/lib/background/poster-frames';
import { TabResultsStore } from '@/lib/background/tab-results';
import { serveMessages } from '@/lib/messaging/channel';
import type { TabMessage } from '@/lib/messaging/protocol';
import { openSanadDb, type SanadDb } from '@/lib/store/db';

export default defineBackground(() => {
  let db: Promise<SanadDb> | null = null;
  const openDb = () => (db ??= openSanadDb());
  const loadBundledList = async () => (await fetch(browser.runtime.getURL(BUNDLED_LIST_PATH as '/'))).text();
  const matcher = new MatcherService({ openDb, loadBundledList, posters: new PosterHasher() });
  const tabs = new TabResultsStore();
  const feeds = new FeedService({ openDb, matcher, fetch: (...args) => fetch(...args) });
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
      refreshTab: (tabId) => {
        void browser.tabs.sendMessage(tabId, { sanad: 'refresh' } satisfies TabMessage).catch(() => {});
      },
    }),
  );

  // Install and update import the bundled list and sync the feeds; a woken worker builds its index on the
  // first message. Feeds sync every 6 hours on an alarm, which survives the worker being stopped.
  browser.runtime.onInstalled.addListener(() => {
    void matcher.rebuild().then(() => feeds.syncAll());
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void feeds.syncAll();
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
