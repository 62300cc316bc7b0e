/** The background's answers to each message of the protocol. */
import { browser } from 'wxt/browser';
import type { Handlers, Sender } from '../messaging/channel';
import type { MessageType, PageResult, PostResult, SubmissionDraft } from '../messaging/protocol';
import { packPageResults } from '../messaging/page-results';
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
import type { OutboxService } from './outbox-service';
import { checkSubmission } from '../intake/submission';
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
  outbox?: OutboxService;
  /** Drafts prepared by context-menu clicks, by id. */
  drafts?: { take(id: string): Promise<SubmissionDraft | undefined> };
}

/** Extension pages (popup, options; also when opened in a tab) have an extension URL; content scripts the page's. */
function isExtensionPage(sender: Sender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

/** Messages only the extension's own pages may send: content scripts run inside pages we do not control. */
const EXTENSION_PAGES_ONLY: readonly MessageType[] = [
  'submissionDraft',
  'submitClaim',
  'outbox',
  'retryOutbox',
  'cancelOutbox',
  'tabResults',
  'reportWrongMatch',
  'importList',
  'removeList',
  'feeds',
  'addFeed',
  'removeFeed',
  'syncFeeds',
  'exportData',
  'importData',
];

function restrictToExtensionPages(handlers: Handlers): Handlers {
  const guarded = { ...handlers } as Record<MessageType, (data: unknown, sender: Sender) => unknown>;
  for (const type of EXTENSION_PAGES_ONLY) {
    const handler = guarded[type];
    guarded[type] = async (data, sender) => {
      if (!isExtensionPage(sender)) throw new Error(`"${type}" is for extension pages only`);
      return handler(data, sender);
    };
  }
  return guarded as Handlers;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const needFeeds = () => {
    if (!deps.feeds) throw new Error('feeds are not available');
    return deps.feeds;
  };
  const needOutbox = () => {
    if (!deps.outbox) throw new Error('submissions are not available');
    return deps.outbox;
  };
  return restrictToExtensionPages({
    async submissionDraft({ id }) {
      const draft = await deps.drafts?.take(String(id));
      if (!draft) throw new Error('this submission form has expired; right-click the post again');
      return draft;
    },
    async submitClaim(draft) {
      // The same checks the service makes, so a bad draft is refused here with the same words.
      const checked = checkSubmission({ ...draft, idempotencyKey: 'checked-locally' });
      if (!checked.ok) throw new Error(checked.errors.join('; '));
      const { idempotencyKey: _key, ...clean } = checked.value;
      return needOutbox().enqueue(clean);
    },
    async outbox() {
      return needOutbox().list();
    },
    async retryOutbox({ id }) {
      await needOutbox().retry(String(id));
    },
    async cancelOutbox({ id }) {
      return needOutbox().cancel(String(id));
    },
    async matchPosts({ pageUrl, posts }, sender) {
      const clean = sanitisePosts(posts);
      const results = await deps.matcher.match(clean);
      const tabId = sender.tab?.id;
      if (tabId !== undefined && tabId >= 0) {
        const tab = await deps.tabs.record(tabId, String(pageUrl).slice(0, 2048), clean, results);
        deps.showCount?.(tabId, badgedCount(tab));
      }
      return packPageResults(results); // the page gets badges only; related matches stay for the popup
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
      return forPage(result);
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
    async tabResults({ tabId }) {
      return deps.tabs.get(Number(tabId));
    },
    async listStatus() {
      return listRecords(await deps.openDb());
    },
    async reportWrongMatch({ tabId, postKey, debunkId }) {
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
    async importList({ name, text }) {
      const id = `file:${String(name).slice(0, 100)}`;
      const report = importClaimReviews(String(text), id);
      const summary = summariseSkipped(report);
      // A file with nothing usable never replaces a list that worked.
      if (!report.debunks.length) throw new Error(summary);
      await replaceList(await deps.openDb(), { id, version: hashText(String(text)), skipped: report.skipped.length, importedAt: Date.now() }, report.debunks);
      await deps.matcher.rebuild();
      return { id, imported: report.debunks.length, summary };
    },
    async removeList({ id }) {
      if (!String(id).startsWith('file:')) throw new Error('only lists added from a file can be removed');
      await removeList(await deps.openDb(), String(id));
      await deps.matcher.rebuild();
    },
    async feeds() {
      return needFeeds().list();
    },
    async addFeed(input) {
      return needFeeds().add(input);
    },
    async removeFeed({ id }) {
      await needFeeds().remove(String(id));
    },
    async syncFeeds() {
      return needFeeds().syncAll();
    },
    async exportData() {
      return makeExport(await loadSettings(), await allWrongMatches(await deps.openDb()));
    },
    async importData({ text }) {
      const parsed = parseImport(String(text));
      if (!parsed.ok) throw new Error(parsed.error);
      await updateSettings(() => parsed.settings);
      for (const record of parsed.wrongMatches) await deps.matcher.reportWrongMatch(record);
      return { wrongMatches: parsed.wrongMatches.length, skipped: parsed.skipped };
    },
  });
}

/** A post's answer as the page gets it: the badge only (related matches are for the popup). */
function forPage({ key, badge }: PostResult): PageResult {
  return { key, ...(badge && { badge }) };
}
