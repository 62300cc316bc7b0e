/** The background's answers to each message of the protocol. */
import { browser } from 'wxt/browser';
import type { Handlers, Sender } from '../messaging/channel';
import { sanitisePosts } from '../messaging/sanitise-posts';
import { listRecords, removeList, replaceList } from '../store/debunk-store';
import { importClaimReviews, summariseSkipped } from '../debunk/claimreview';
import { hashText } from '../text/hash';
import { allWrongMatches } from '../store/wrong-matches';
import { fetchLocale } from '../i18n/load';
import { loadSettings, updateSettings } from '../settings/settings';
import { makeExport, parseImport } from './export-data';
import type { SanadDb } from '../store/db';
import type { MatcherService } from './matcher-service';
import type { FeedService } from './feed-service';
import { badgedCount, type TabResultsStore } from './tab-results';

export interface HandlerDeps {
  matcher: MatcherService;
  tabs: TabResultsStore;
  openDb: () => Promise<SanadDb>;
  /** Shows the number of badged posts on the toolbar icon. */
  showCount?: (tabId: number, count: number) => void;
  /** Asks a tab's content script to match its posts again. */
  refreshTab?: (tabId: number) => void;
  feeds?: FeedService;
}

/** Extension pages (popup, options; also when opened in a tab) have an extension URL; content scripts the page's. */
function isExtensionPage(sender: Sender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const needFeeds = () => {
    if (!deps.feeds) throw new Error('feeds are not available');
    return deps.feeds;
  };
  return {
    async matchPosts({ pageUrl, posts }, sender) {
      const clean = sanitisePosts(posts);
      const results = await deps.matcher.match(clean);
      const tabId = sender.tab?.id;
      if (tabId !== undefined && tabId >= 0) {
        const tab = await deps.tabs.record(tabId, String(pageUrl).slice(0, 2048), clean, results);
        deps.showCount?.(tabId, badgedCount(tab));
      }
      return results;
    },
    async videoFrame({ pageUrl, post, frame }, sender) {
      const [clean] = sanitisePosts([post]);
      if (!clean) throw new Error('no post');
      const result = await deps.matcher.matchVideoFrame(clean, frame);
      const tabId = sender.tab?.id;
      if (tabId !== undefined && tabId >= 0 && result.badge) {
        const tab = await deps.tabs.record(tabId, String(pageUrl).slice(0, 2048), [clean], [result]);
        deps.showCount?.(tabId, badgedCount(tab));
      }
      return result;
    },
    async mediaStatus() {
      return { fingerprints: (await deps.matcher.ready()).media.size };
    },
    async pageChanged({ pageUrl }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return;
      await deps.tabs.reset(tabId, String(pageUrl).slice(0, 2048));
      deps.showCount?.(tabId, 0);
    },
    async tabResults({ tabId }, sender) {
      if (!isExtensionPage(sender)) throw new Error('tab results are for extension pages only');
      return deps.tabs.get(Number(tabId));
    },
    async listStatus() {
      return listRecords(await deps.openDb());
    },
    async reportWrongMatch({ tabId, postKey, debunkId }, sender) {
      if (!isExtensionPage(sender)) throw new Error('wrong-match reports come from extension pages only');
      const post = await deps.tabs.dropMatch(Number(tabId), String(postKey), String(debunkId));
      await deps.matcher.reportWrongMatch({
        postKey: String(postKey).slice(0, 300),
        debunkId: String(debunkId).slice(0, 300),
        ...(post?.permalink && { permalink: post.permalink }),
        excerpt: post?.excerpt ?? '',
        reportedAt: Date.now(),
      });
      deps.showCount?.(Number(tabId), badgedCount(await deps.tabs.get(Number(tabId))));
      deps.refreshTab?.(Number(tabId));
    },
    async localeMessages({ locale }) {
      if (locale !== 'ar' && locale !== 'en') throw new Error(`no locale ${String(locale)}`);
      return fetchLocale(locale);
    },
    async importList({ name, text }, sender) {
      if (!isExtensionPage(sender)) throw new Error('lists are added from extension pages only');
      const id = `file:${String(name).slice(0, 100)}`;
      const report = importClaimReviews(String(text), id);
      const summary = summariseSkipped(report);
      // A file with nothing usable never replaces a list that worked.
      if (!report.debunks.length) throw new Error(summary);
      await replaceList(await deps.openDb(), { id, version: hashText(String(text)), skipped: report.skipped.length, importedAt: Date.now() }, report.debunks);
      await deps.matcher.rebuild();
      return { id, imported: report.debunks.length, summary };
    },
    async removeList({ id }, sender) {
      if (!isExtensionPage(sender)) throw new Error('lists are removed from extension pages only');
      if (!String(id).startsWith('file:')) throw new Error('only lists added from a file can be removed');
      await removeList(await deps.openDb(), String(id));
      await deps.matcher.rebuild();
    },
    async feeds(_, sender) {
      if (!isExtensionPage(sender)) throw new Error('feeds are managed from extension pages only');
      return needFeeds().list();
    },
    async addFeed(input, sender) {
      if (!isExtensionPage(sender)) throw new Error('feeds are managed from extension pages only');
      return needFeeds().add(input);
    },
    async removeFeed({ id }, sender) {
      if (!isExtensionPage(sender)) throw new Error('feeds are managed from extension pages only');
      await needFeeds().remove(String(id));
    },
    async syncFeeds(_, sender) {
      if (!isExtensionPage(sender)) throw new Error('feeds are managed from extension pages only');
      return needFeeds().syncAll();
    },
    async exportData(_, sender) {
      if (!isExtensionPage(sender)) throw new Error('export is for extension pages only');
      return makeExport(await loadSettings(), await allWrongMatches(await deps.openDb()));
    },
    async importData({ text }, sender) {
      if (!isExtensionPage(sender)) throw new Error('import is for extension pages only');
      const parsed = parseImport(String(text));
      if (!parsed.ok) throw new Error(parsed.error);
      await updateSettings(() => parsed.settings);
      for (const record of parsed.wrongMatches) await deps.matcher.reportWrongMatch(record);
      return { wrongMatches: parsed.wrongMatches.length, skipped: parsed.skipped };
    },
  };
}
