/**
 * Everything content scripts and extension pages may ask the background, as typed functions. The
 * background owns IndexedDB and the matcher; nothing else touches them.
 */
import type { Debunk } from '../debunk/types';
import type { Candidate, ExtractedPost } from '../match/types';
import type { FeedRecord, ListRecord } from '../store/db';
import type { SyncOutcome } from '../feeds/sync';
import type { CapturedFrame } from '../page/video-sampler';
import type { SanadExport } from '../background/export-data';
import type { Messages } from '../i18n/t';
import type { OutboxDraft } from '../background/outbox-service';
import type { OutboxRecord } from '../store/db';
import type { GoogleSource } from '../feeds/google-fact-check';

/**
 * What a verdict card shows of a debunk: everything but the matching data (fingerprints, appearance links,
 * keywords), which can be large and never leaves the background.
 */
export type DebunkSummary = Omit<Debunk, 'media' | 'appearances' | 'keywords'>;

/** A candidate with the debunk it points to, ready to show. */
export interface MatchView {
  candidate: Candidate;
  debunk: DebunkSummary;
}

/** The answer for one post: its badge (if any) and what is only possibly related. */
export interface PostResult {
  key: string;
  badge?: MatchView;
  related: MatchView[];
}

/**
 * What a page gets back for a post: only its badge. The "possibly related" matches stay in the background
 * for the popup, so a long feed does not carry them all into the page.
 */
export type PageResult = Pick<PostResult, 'key' | 'badge'>;

/** A page's answers on the wire, each debunk summary once (lib/messaging/page-results.ts packs them). */
export interface PackedPageResults {
  results: { key: string; badge?: { candidate: Candidate; debunkId: string } }[];
  debunks: Record<string, DebunkSummary>;
}

/** One post of a tab with what matched it, for the popup. */
export interface TabPost {
  key: string;
  permalink?: string;
  /** The start of the post's text, so the reader recognises it. */
  excerpt: string;
  badge?: MatchView;
  related: MatchView[];
}

export interface TabResults {
  pageUrl?: string;
  posts: TabPost[];
}

export interface Protocol {
  /** A batch of posts seen on the page → one result per post, in the same order. */
  matchPosts(req: { pageUrl: string; posts: ExtractedPost[] }): PackedPageResults;
  /** A frame of a video playing in a post: hashed in the background, matched with the post's earlier frames. */
  videoFrame(req: { pageUrl: string; post: ExtractedPost; frame: CapturedFrame }): PageResult;
  /** How many media frame hashes the index holds (content scripts sample videos only when some exist). */
  mediaStatus(req: Record<string, never>): { fingerprints: number };
  /** The page navigated (or loaded): forget the tab's earlier results. */
  pageChanged(req: { pageUrl: string }): void;
  /** What was matched in a tab (extension pages only). */
  tabResults(req: { tabId: number }): TabResults;
  /** The debunk lists held locally. */
  listStatus(req: Record<string, never>): ListRecord[];
  /** "This debunk does not apply to this post" (extension pages only): kept locally, the badge goes. */
  reportWrongMatch(req: { tabId: number; postKey: string; debunkId: string }): void;
  /** A shipped locale's messages, for content scripts when the user chose a language. */
  localeMessages(req: { locale: 'ar' | 'en' }): Messages;
  /** Settings and wrong-match reports as one JSON document (extension pages only). */
  exportData(req: Record<string, never>): SanadExport;
  /** Adds (or replaces) a list from a ClaimReview file the user picked (extension pages only). */
  importList(req: { name: string; text: string }): { id: string; imported: number; summary: string };
  /** Removes a list added from a file (extension pages only; the built-in list stays). */
  removeList(req: { id: string }): void;
  /** Subscribed feeds with their state (extension pages only). */
  feeds(req: Record<string, never>): (FeedRecord & { stale: boolean })[];
  /** Subscribes to a feed and syncs it once (extension pages only). */
  addFeed(req: { url: string; kind: FeedRecord['kind']; publicKey?: string; google?: Partial<GoogleSource> }): { feed: FeedRecord; outcome: SyncOutcome };
  removeFeed(req: { id: string }): void;
  /** "Sync now" (extension pages only). */
  syncFeeds(req: Record<string, never>): Record<string, SyncOutcome>;
  /** Merges an export file; a bad file changes nothing (extension pages only). */
  importData(req: { text: string }): { wrongMatches: number; skipped: number };
  /** The draft a context-menu click prepared for the submit page (extension pages only). */
  submissionDraft(req: { id: string }): SubmissionDraft;
  /** Queues a submission for the intake service (extension pages only). */
  submitClaim(req: OutboxDraft): OutboxRecord;
  /** The outbox, newest first (extension pages only). */
  outbox(req: Record<string, never>): OutboxRecord[];
  retryOutbox(req: { id: string }): void;
  cancelOutbox(req: { id: string }): boolean;
}

/** What the submit form starts from: the post as extracted (or what the click gave), and a screenshot. */
export interface SubmissionDraft {
  kind: OutboxDraft['kind'];
  post: OutboxDraft['post'];
  /** A JPEG data URL of the post, cropped from the visible tab, when it could be captured. */
  screenshot?: string;
  /** Why there is no screenshot, when there is none. */
  screenshotProblem?: string;
}

/** The post under the user's last right-click, as the content script read it, with its box on screen. */
export interface PostAtMenu {
  post: ExtractedPost;
  /** CSS pixels in the viewport, and the page's device pixel ratio, for cropping a tab capture. */
  rect: { x: number; y: number; width: number; height: number };
  devicePixelRatio: number;
}

/** Messages the background sends to a tab's content script. */
export type TabMessage = { sanad: 'refresh' } | { sanad: 'postAtMenu' };

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<Protocol[K]>;
