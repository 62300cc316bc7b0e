/** The background's answers to each message of the protocol. */
import { browser } from 'wxt/browser';
import type { Handlers, Sender } from '../messaging/channel';
import { sanitisePosts } from '../messaging/sanitise-posts';
import { listRecords } from '../store/debunk-store';
import type { SanadDb } from '../store/db';
import type { MatcherService } from './matcher-service';
import { badgedCount, type TabResultsStore } from './tab-results';

export interface HandlerDeps {
  matcher: MatcherService;
  tabs: TabResultsStore;
  openDb: () => Promise<SanadDb>;
  /** Shows the number of badged posts on the toolbar icon. */
  showCount?: (tabId: number, count: number) => void;
}

/** Extension pages (popup, options; also when opened in a tab) have an extension URL; content scripts the page's. */
function isExtensionPage(sender: Sender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

export function createHandlers(deps: HandlerDeps): Handlers {
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
  };
}
