/**
 * Everything that may be asked of the background, as typed functions, in two protocols. Which protocol a
 * message belongs to decides who may send it: content scripts run inside pages we do not control, so they
 * may send only what `PageProtocol` lists; extension pages (popup, options, submit) may send both. A
 * message in neither is refused. Messages the background sends to a tab are `TabProtocol`.
 */
import type {
  ExportDto,
  ExtractedPost,
  FeedDto,
  FeedKind,
  FrameDto,
  KeyframesDto,
  GoogleSource,
  ListDto,
  LocaleMessages,
  OutboxDraft,
  OutboxItemDto,
  PageReadability,
  PackedPageResults,
  PageAnswer,
  PostAtMenu,
  SettingsDto,
  SiteRulesStatus,
  SiteStates,
  StructureSummary,
  SubmissionDraft,
  SyncOutcome,
  TabResults,
  WrongMatchListItem,
  WrongMatchRequest,
} from './shapes';
import type { SiteRules } from '../site-rules/bundled';

type NoRequest = Record<string, never>;

/** What a content script may ask (and an extension page too). */
export interface PageProtocol {
  /** A batch of posts seen on the page → one result per post, in the same order. */
  matchPosts(req: { pageUrl: string; posts: ExtractedPost[] }): PackedPageResults;
  /** A frame of a video playing in a post: hashed in the background, matched with the post's earlier frames. */
  videoFrame(req: { pageUrl: string; post: ExtractedPost; frame: FrameDto }): PageAnswer;
  /** How many media frame hashes the index holds (content scripts sample videos only when some exist). */
  mediaStatus(req: NoRequest): { fingerprints: number };
  /** The page navigated (or loaded): forget the tab's earlier results. */
  pageChanged(req: { pageUrl: string }): void;
  /** A shipped locale's messages, for content scripts when the user chose a language. */
  localeMessages(req: { locale: 'ar' | 'en' }): LocaleMessages;
  /** Whether the site adapter reads the page's posts (counts only: no text, no address). */
  pageReadability(req: PageReadability): void;
  /** The site rules a content script reads its site with (a checked signed pack's, or the bundled ones). */
  siteRules(req: { site: string }): SiteRules;
  /**
   * The reader reported, in a badge's panel, that its debunk does not apply to the post (the sender's tab;
   * refused unless that tab holds this match). The page keeps the reported badge's "Undo" itself.
   */
  reportWrongMatchInPage(req: WrongMatchRequest): void;
  /** The reader's "Undo" in the page: the report goes (and its message to the desk, if not yet delivered). */
  undoWrongMatchInPage(req: { postKey: string; debunkId: string }): void;
  /** Whether a badge's panel offers "Media tools" (fact-checker mode is on; the mode itself stays private). */
  mediaToolsOffered(req: NoRequest): { offered: boolean };
  /** "Media tools" in a badge's panel: opens them next to the sender's tab for the post's video or image. */
  openMediaTools(req: { kind: 'video' | 'image'; src?: string; pageUrl: string }): void;
}

/** What only the extension's own pages may ask. */
export interface ExtensionPageProtocol {
  /** What was matched in a tab. */
  tabResults(req: { tabId: number }): TabResults;
  /** Each site's last reported readability. */
  siteStates(req: NoRequest): SiteStates;
  /** Site rules updates: the accepted pack, each site's version, the last check's outcome. */
  siteRulesStatus(req: NoRequest): SiteRulesStatus;
  /** "Check for site updates": fetches the signed rules pack now. */
  syncSiteRules(req: NoRequest): SiteRulesStatus;
  /** The settings, privileged ones included (only the background keeps those). */
  settings(req: NoRequest): SettingsDto;
  /** Saves the settings whole; answers what was stored (normalised). */
  saveSettings(req: SettingsDto): SettingsDto;
  /** The debunk lists held locally. */
  listStatus(req: NoRequest): ListDto[];
  /** "This debunk does not apply to this post": kept locally, the badge goes. */
  reportWrongMatch(req: { tabId: number } & WrongMatchRequest): void;
  /** The popup's "Undo": the report goes, the tab's badge comes back. */
  undoWrongMatch(req: { tabId: number; postKey: string; debunkId: string }): void;
  /** The reader's wrong-match reports, newest first, each with how telling its desk goes (when they asked to). */
  wrongMatches(req: NoRequest): WrongMatchListItem[];
  /** Settings and wrong-match reports as one JSON document. */
  exportData(req: NoRequest): ExportDto;
  /** Merges an export file; a bad file changes nothing. */
  importData(req: { text: string }): { wrongMatches: number; skipped: number };
  /** Adds (or replaces) a list from a ClaimReview file the user picked. */
  importList(req: { name: string; text: string }): { id: string; imported: number; summary: string };
  /** Removes a list added from a file (the built-in list stays). */
  removeList(req: { id: string }): void;
  /** How much the lists take: debunks held, and this extension's storage in bytes (null where the browser does not say). */
  listUsage(req: NoRequest): { items: number; bytes: number | null };
  /** Drops the oldest debunks so that at most `keep` stay; answers how many were dropped. */
  dropOldest(req: { keep: number }): { dropped: number };
  /** Subscribed feeds with their state. */
  feeds(req: NoRequest): (FeedDto & { stale: boolean })[];
  /** Subscribes to a feed and syncs it once. */
  addFeed(req: { url: string; kind: FeedKind; publicKey?: string; google?: Partial<GoogleSource> }): {
    feed: FeedDto;
    outcome: SyncOutcome;
  };
  removeFeed(req: { id: string }): void;
  /** "Sync now". */
  syncFeeds(req: NoRequest): Record<string, SyncOutcome>;
  /** Syncs one feed again now (after it failed). */
  retryFeed(req: { id: string }): SyncOutcome;
  /** The draft a context-menu click prepared for the submit page. */
  submissionDraft(req: { id: string }): SubmissionDraft;
  /** Queues a submission for the intake service. */
  submitClaim(req: OutboxDraft): OutboxItemDto;
  /** The outbox, newest first. */
  outbox(req: NoRequest): OutboxItemDto[];
  retryOutbox(req: { id: string }): void;
  cancelOutbox(req: { id: string }): boolean;
  /** The user opened the outbox: ask the desk about undecided items now (each at most every 10 s). */
  refreshDeskStatus(req: NoRequest): void;
  /** The media tools' "Flag for my desk": keeps the draft (keyframe fingerprints, a frame) for the submit page. */
  mediaDraft(req: SubmissionDraft): { id: string };
}

/** What the background may ask a tab's content script. */
export interface TabProtocol {
  /** Match the page's posts again (after a wrong-match report). */
  refresh(req: NoRequest): void;
  /** The post under the user's last right-click, or null. */
  postAtMenu(req: NoRequest): PostAtMenu | null;
  /** The posts Sanad read on the page and that are still on it, for the submit form (asked when it opens). */
  readPosts(req: NoRequest): ExtractedPost[];
  /** The page's markup shape, for the popup's "Copy a diagnostic" (asked only when the person clicks it). */
  structureSummary(req: NoRequest): StructureSummary;
  /** A newly accepted signed rules pack changed these sites' rules: a tab of one of them reads again with them. */
  siteRulesChanged(req: { sites: string[] }): void;
  /** Keyframes of the video under the last right-click, sampled as it plays (the first ask starts it). */
  keyframes(req: NoRequest): KeyframesDto;
}

/**
 * What the background tells the extension's own pages unasked, as `{ sanadNotice, data }` (not a request:
 * no answer, and a page that is not open misses nothing it could not read again).
 */
export interface ExtensionPageNotices {
  /** The tab's results gained Content Credentials lines: an open popup on that tab reads them again. */
  tabCredentials(req: { tabId: number }): void;
}

/** The envelope of a notice. */
export interface NoticeEnvelope<K extends string = string> {
  sanadNotice: K;
  data: unknown;
}

/** Every message the background answers. */
export type BackgroundProtocol = PageProtocol & ExtensionPageProtocol;
export type MessageType = keyof BackgroundProtocol;
export type RequestOf<P, K extends keyof P> = P[K] extends (req: infer R) => unknown ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends (req: never) => infer A ? A : never;

/** The envelope every message travels in, either way. */
export interface Envelope<K extends string = string> {
  sanad: K;
  data: unknown;
}

/** The answer to an envelope: errors travel back as words, never as a silent undefined. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };
