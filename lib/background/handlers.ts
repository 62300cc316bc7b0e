/**
 * The background's answers to each message of the two protocols (lib/wire/protocols.ts). Page messages
 * come from content scripts inside pages we do not control: their input is bounded before use.
 */
import { importClaimReviews, summariseSkipped } from '../debunk/claimreview';
import { fetchLocale } from '../i18n/load';
import { checkSubmission } from '../intake/submission';
import type { BackgroundHandlers, HandlersOf, Sender } from '../messaging/channel';
import { sanitisePosts } from '../messaging/sanitise-posts';
import { normaliseSettings } from '../settings/settings';
import { allWrongMatches, wrongMatchId } from '../store/wrong-matches';
import { deskReportFor } from '../intake/wrong-match-delivery';
import { describeList } from './list-origin';
import type { SanadDb } from '../store/db';
import { hashText } from '../text/hash';
import { packPageResults } from '../wire/packed-results';
import { pageCredentials } from '../wire/page-credentials';
import { learnedCredentials } from '../wire/tab-credentials';
import type { ExtensionPageProtocol, PageProtocol } from '../wire/protocols';
import {
  isWrongMatchReason,
  type PageAnswer,
  type PostAnswer,
  type SubmissionDraft,
  type TabPost,
  type WrongMatchListItem,
  type WrongMatchReason,
  type WrongMatchRequest,
} from '../wire/shapes';
import { mediaToolsPath } from './context-menu';
import { makeExport, parseImport } from './export-data';
import type { FeedService } from './feed-service';
import type { ListRegistry } from './list-registry';
import type { MatcherService } from './matcher-service';
import type { OutboxService } from './outbox-service';
import type { PosterHasher } from './poster-frames';
import type { SettingsService } from './settings-service';
import type { SiteRulesService } from './site-rules-service';
import { SITE_IDS, type SiteId } from '../sites/platforms';
import { checkReadability, loadSiteStates, recordSiteState } from './site-states';
import { badgedCount, type TabResultsStore } from './tab-results';

export interface HandlerDeps {
  openDb: () => Promise<SanadDb>;
  lists: ListRegistry;
  matcher: MatcherService;
  tabs: TabResultsStore;
  feeds: FeedService;
  outbox: OutboxService;
  settings: SettingsService;
  siteRules: SiteRulesService;
  /** Drafts prepared by context-menu clicks, by id. */
  drafts: { take(id: string): Promise<SubmissionDraft | undefined>; put(draft: SubmissionDraft): Promise<string> };
  /** Hashes what a submitted post's media show (its poster or photo). */
  posters: Pick<PosterHasher, 'withFrames'>;
  /** The icon's count of badged posts, and its tooltip's "Checked N posts on this page, M fact-checked". */
  showCount: (tabId: number, count: number, checked: number) => void;
  /** The tab's results gained Content Credentials lines (an open popup reads them again). */
  tabCredentialsLearned?: (tabId: number) => void;
  /** Asks a tab's content script to match its posts again. */
  refreshTab: (tabId: number) => void;
  /** Opens an extension page (a path like `/media.html?…`) in a new tab, next to `besideTab` when given. */
  openTab: (path: string, besideTab?: number) => Promise<void>;
}

const MAX_PAGE_URL = 2048;

/** The sending tab, when the message came from a content script in a tab. */
const senderTab = (sender: Sender): number | undefined => {
  const id = sender.tab?.id;
  return id !== undefined && id >= 0 ? id : undefined;
};

/**
 * A wrong-match report, from the badge's panel or the popup: the tab forgets the match, the report is kept
 * on this device, and when the reader ticked "Also tell <desk>" it is queued for the desk that published the
 * debunk (its id, the reason and the post's address only). Refused unless the tab holds this match, so a
 * content script cannot file reports for posts the reader never saw badged.
 */
async function reportWrongMatch(deps: HandlerDeps, tabId: number, req: WrongMatchRequest): Promise<void> {
  const postKey = String(req.postKey).slice(0, 300);
  const debunkId = String(req.debunkId).slice(0, 300);
  if (!isWrongMatchReason(req.reason)) throw new Error('choose why the match is wrong');
  const before = await deps.tabs.get(tabId);
  const held = before.posts.find((p) => p.key === postKey);
  const heldView = [held?.badge, held?.mentions, ...(held?.related ?? [])].find((v) => v?.debunk.id === debunkId);
  if (!held || !heldView) throw new Error('this post is not matched with that fact-check here');
  // Checked before anything changes: a report the desk cannot take is refused whole, not half made.
  const toDesk =
    req.tellDesk === true ? await deskReportOf(deps, heldView.debunk.list.id, debunkId, req.reason, held, before.pageUrl) : undefined;
  const post = await deps.tabs.dropMatch(tabId, postKey, debunkId);
  const view = [post?.badge, post?.mentions, ...(post?.related ?? [])].find((v) => v?.debunk.id === debunkId);
  if (!post || !view) throw new Error('this post is not matched with that fact-check here');
  // A report made again after an "Undo" replaces the one taken back.
  await deps.outbox.withdrawReport(wrongMatchId(postKey, debunkId));
  await deps.matcher.reportWrongMatch({
    postKey,
    debunkId,
    ...(post.permalink && { permalink: post.permalink }),
    excerpt: post.excerpt ?? '',
    reportedAt: Date.now(),
    reason: req.reason,
    listId: view.debunk.list.id,
  });
  if (toDesk) await deps.outbox.enqueueReport({ wrongMatchId: wrongMatchId(postKey, debunkId), ...toDesk });
  const after = await deps.tabs.get(tabId);
  deps.showCount(tabId, badgedCount(after), after.checked ?? 0);
}

/** What goes to the desk for a ticked report: its endpoint (from the signed feed), its name, and the report. */
async function deskReportOf(
  deps: HandlerDeps,
  listId: string,
  debunkId: string,
  reason: WrongMatchReason,
  post: TabPost,
  pageUrl: string | undefined,
): Promise<Omit<Parameters<OutboxService['enqueueReport']>[0], 'wrongMatchId'>> {
  const feed = await (await deps.openDb()).get('feeds', listId);
  if (feed?.kind !== 'sanad' || !feed.wrongMatchesUrl) throw new Error('this fact-check’s list does not take reports');
  // The key is the outbox's to choose; this one only proves the rest is what the desk accepts.
  const report = deskReportFor({ idempotencyKey: 'checked-locally', debunkId, reason, permalink: post.permalink, pageUrl });
  if (!report) throw new Error('this post has no address to tell the desk');
  const { idempotencyKey: _key, ...body } = report;
  return { endpoint: feed.wrongMatchesUrl, desk: describeList(listId, feed).name, report: body };
}

/** "Undo": the report goes, and so does its message to the desk (dropped if not yet sent, else taken back). */
async function undoWrongMatch(deps: HandlerDeps, postKey: unknown, debunkId: unknown): Promise<void> {
  const key = String(postKey).slice(0, 300);
  const id = String(debunkId).slice(0, 300);
  await deps.matcher.undoWrongMatch(key, id);
  await deps.outbox.withdrawReport(wrongMatchId(key, id));
}

/** The reader's reports for the popup, each with how telling its desk goes. */
async function listWrongMatches(deps: HandlerDeps): Promise<WrongMatchListItem[]> {
  const [reports, toDesks] = await Promise.all([allWrongMatches(await deps.openDb()), deps.outbox.deskReports()]);
  const desk = new Map(toDesks.filter((r) => r.step === 'report').map((r) => [r.wrongMatchId, r]));
  return reports
    .sort((a, b) => b.reportedAt - a.reportedAt)
    .map((report) => {
      const told = desk.get(report.id);
      return told
        ? { ...report, desk: { name: told.desk, state: told.state, ...(told.lastError && { lastError: told.lastError }) } }
        : report;
    });
}

function pageHandlers(deps: HandlerDeps): HandlersOf<PageProtocol> {
  const remember = async (
    sender: Sender,
    pageUrl: unknown,
    posts: Parameters<TabResultsStore['record']>[2],
    answers: readonly PostAnswer[],
  ) => {
    const tabId = senderTab(sender);
    if (tabId === undefined) return;
    // Only answers that carry credentials can bring new lines: the tab is read before only for those.
    const before = answers.some((a) => a.credentials?.length) ? await deps.tabs.get(tabId) : undefined;
    const tab = await deps.tabs.record(tabId, String(pageUrl).slice(0, MAX_PAGE_URL), posts, answers);
    deps.showCount(tabId, badgedCount(tab), tab.checked ?? 0);
    if (before && learnedCredentials(before, tab)) deps.tabCredentialsLearned?.(tabId);
  };
  return {
    async matchPosts({ pageUrl, posts }, sender) {
      const clean = sanitisePosts(posts);
      const answers = await deps.matcher.match(clean);
      await remember(sender, pageUrl, clean, answers);
      return packPageResults(answers.map(forPage)); // the page gets badges only; related matches stay for the popup
    },
    async videoFrame({ pageUrl, post, frame }, sender) {
      const [clean] = sanitisePosts([post]);
      if (!clean) throw new Error('no post');
      const answer = await deps.matcher.matchVideoFrame(clean, frame);
      if (answer.badge) await remember(sender, pageUrl, [clean], [answer]);
      return forPage(answer);
    },
    async mediaStatus() {
      return { fingerprints: (await deps.matcher.ready()).media.size };
    },
    async pageChanged({ pageUrl }, sender) {
      const tabId = senderTab(sender);
      if (tabId === undefined) return;
      await deps.tabs.reset(tabId, String(pageUrl).slice(0, MAX_PAGE_URL));
      deps.showCount(tabId, 0, 0);
    },
    async localeMessages({ locale }) {
      if (locale !== 'ar' && locale !== 'en') throw new Error(`no locale ${String(locale)}`);
      return fetchLocale(locale);
    },
    async reportWrongMatchInPage(req, sender) {
      const tabId = senderTab(sender);
      if (tabId === undefined) throw new Error('not from a tab');
      await reportWrongMatch(deps, tabId, req);
    },
    async undoWrongMatchInPage({ postKey, debunkId }, sender) {
      if (senderTab(sender) === undefined) throw new Error('not from a tab');
      await undoWrongMatch(deps, postKey, debunkId);
    },
    async mediaToolsOffered() {
      return { offered: (await deps.settings.load()).factChecker };
    },
    async openMediaTools({ kind, src, pageUrl }, sender) {
      const tabId = senderTab(sender);
      if (tabId === undefined) throw new Error('not from a tab');
      if (!(await deps.settings.load()).factChecker) throw new Error('the media tools are for fact-checker mode');
      // The same address the context menu opens; mediaToolsPath keeps only http(s) addresses.
      const path = mediaToolsPath(
        { mediaType: kind === 'video' ? 'video' : 'image', srcUrl: typeof src === 'string' ? src : undefined, pageUrl: String(pageUrl) },
        tabId,
      );
      await deps.openTab(path, tabId);
    },
    async pageReadability(report, sender) {
      const checked = checkReadability(report);
      await recordSiteState(checked, Date.now());
      const tabId = senderTab(sender);
      if (tabId !== undefined) await deps.tabs.noteReadability(tabId, checked);
    },
    async siteRules({ site }) {
      if (!SITE_IDS.includes(site as SiteId)) throw new Error(`no site ${String(site).slice(0, 40)}`);
      return deps.siteRules.rulesFor(site as SiteId);
    },
  };
}

function extensionPageHandlers(deps: HandlerDeps): HandlersOf<ExtensionPageProtocol> {
  return {
    async mediaDraft(draft) {
      const settings = await deps.settings.load();
      if (!settings.factChecker) throw new Error('the media tools are for fact-checker mode');
      const media = Array.isArray(draft.post?.media) ? draft.post.media.slice(0, 10) : [];
      const screenshot = typeof draft.screenshot === 'string' && draft.screenshot.startsWith('data:image/') ? draft.screenshot : undefined;
      const post = { pageUrl: String(draft.post?.pageUrl ?? '').slice(0, MAX_PAGE_URL), text: '', links: [], media };
      return { id: await deps.drafts.put({ kind: 'flag', post, ...(screenshot && { screenshot }) }) };
    },
    async submissionDraft({ id }) {
      const draft = await deps.drafts.take(String(id));
      if (!draft) throw new Error('this submission form has expired; right-click the post again');
      return draft;
    },
    async submitClaim(draft) {
      // The same checks the service makes, so a bad draft is refused here with the same words.
      const checked = checkSubmission({ ...draft, idempotencyKey: 'checked-locally' });
      if (!checked.ok) throw new Error(checked.errors.join('; '));
      const { idempotencyKey: _key, ...clean } = checked.value;
      // A post picked in the popup's form comes with its media's addresses only: hash what they show here, as
      // the context menu does, or the desk cannot group submissions of one clip by its frames.
      const unhashed = clean.post.media.filter((m) => !m.frames?.length);
      if (unhashed.length) {
        const hashed = await deps.posters.withFrames(unhashed).catch(() => unhashed);
        let next = 0;
        clean.post = { ...clean.post, media: clean.post.media.map((m) => (m.frames?.length ? m : hashed[next++]!)) };
      }
      return deps.outbox.enqueue(clean);
    },
    outbox: () => deps.outbox.list(),
    retryOutbox: ({ id }) => deps.outbox.retry(String(id)),
    cancelOutbox: ({ id }) => deps.outbox.cancel(String(id)),
    refreshDeskStatus: () => deps.outbox.refreshDeskStatus(),
    tabResults: ({ tabId }) => deps.tabs.get(Number(tabId)),
    siteStates: () => loadSiteStates(),
    siteRulesStatus: () => deps.siteRules.status(),
    syncSiteRules: () => deps.siteRules.sync(),
    settings: () => deps.settings.load(),
    saveSettings: (next) => deps.settings.save(() => normaliseSettings(next)),
    async listStatus() {
      return (await deps.lists.records()).map(({ gen: _gen, ...list }) => list);
    },
    async reportWrongMatch({ tabId, ...req }) {
      await reportWrongMatch(deps, Number(tabId), req);
      deps.refreshTab(Number(tabId));
    },
    async undoWrongMatch({ tabId, postKey, debunkId }) {
      await undoWrongMatch(deps, postKey, debunkId);
      // The popup's list may undo with no tab of its own (-1): then no tab is asked to look again.
      if (Number.isInteger(tabId) && tabId >= 0) deps.refreshTab(Number(tabId));
    },
    wrongMatches: () => listWrongMatches(deps),
    async importList({ name, text }) {
      const id = `file:${String(name).slice(0, 100)}`;
      const report = importClaimReviews(String(text), id);
      const summary = summariseSkipped(report);
      // A file with nothing usable never replaces a list that worked.
      if (!report.debunks.length) throw new Error(summary);
      const list = { id, version: hashText(String(text)), skipped: report.skipped.length, importedAt: Date.now() };
      await deps.lists.replace(list, report.debunks);
      return { id, imported: report.debunks.length, summary };
    },
    async removeList({ id }) {
      if (!String(id).startsWith('file:')) throw new Error('only lists added from a file can be removed');
      await deps.lists.remove(String(id));
    },
    async listUsage() {
      const items = (await deps.lists.records()).reduce((sum, list) => sum + list.count, 0);
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
      return { items, bytes: estimate?.usage ?? null };
    },
    async dropOldest({ keep }) {
      const wanted = Number(keep);
      if (!Number.isInteger(wanted) || wanted < 0) throw new Error('keep must be a whole number of debunks');
      return { dropped: await deps.lists.dropOldest(wanted) };
    },
    feeds: () => deps.feeds.list(),
    addFeed: (input) => deps.feeds.add(input),
    removeFeed: ({ id }) => deps.feeds.remove(String(id)),
    syncFeeds: () => deps.feeds.syncAll(),
    retryFeed: ({ id }) => deps.feeds.retry(String(id)),
    async exportData() {
      return makeExport(await deps.settings.load(), await allWrongMatches(await deps.openDb()));
    },
    async importData({ text }) {
      const parsed = parseImport(String(text));
      if (!parsed.ok) throw new Error(parsed.error);
      await deps.settings.save(() => parsed.settings);
      for (const record of parsed.wrongMatches) await deps.matcher.reportWrongMatch(record);
      return { wrongMatches: parsed.wrongMatches.length, skipped: parsed.skipped };
    },
  };
}

export function createHandlers(deps: HandlerDeps): BackgroundHandlers {
  return { page: pageHandlers(deps), extensionPages: extensionPageHandlers(deps) };
}

/**
 * A post's answer as the page gets it: the badge only (related matches are for the popup), with what its
 * images' Content Credentials say as plain fields; a post without a badge gets no credentials on the page.
 */
function forPage({ key, badge, credentials }: PostAnswer): PageAnswer {
  if (!badge) return { key };
  const shown = pageCredentials(credentials);
  return { key, badge: shown.length ? { ...badge, credentials: shown } : badge };
}
