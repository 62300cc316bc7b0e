/**
 * The shapes that cross the extension's message channels: between content scripts, extension pages and the
 * background. They import only the pure domain types (debunks, matcher candidates, submissions), never the
 * services, the store or page code, so either end can change inside without breaking the other.
 */
import type { Debunk, MediaCredentials, MediaFingerprint } from '../debunk/types';
import type { VolunteerStatus } from '../intake/desk-status';
import type { Submission } from '../intake/submission';
import type { ImageCredentials, InvalidReason } from '../media/c2pa-fetched';
import type { SourceKind } from '../media/c2pa';
import type { Candidate, ExtractedPost } from '../match/types';

export type { ExtractedPost, MediaRef, Candidate, MatchHow } from '../match/types';

/**
 * What a verdict card shows of a debunk: everything but the matching data (fingerprints, appearance links,
 * keywords), which can be large and never leaves the background; of the media only the Content Credentials
 * a desk reported, when the debunked file had some.
 */
export type DebunkSummary = Omit<Debunk, 'media' | 'appearances' | 'keywords'> & {
  list: ListOrigin;
  contentCredentials?: MediaCredentials;
  /** What the debunked media is when every fingerprint is of one kind: a footage match then says "picture"
   * or "video" (absent without fingerprints, or with both kinds). */
  mediaKind?: MediaFingerprint['kind'];
};

/**
 * Which list a debunk came from, as its card says: the bundled list ships with Sanad, a Sanad feed is
 * signed with the key pinned when it was added, anything else (a file, a plain ClaimReview URL, a Google
 * Fact Check Tools search) is unsigned: its publisher's name is whatever the list says.
 */
export interface ListOrigin {
  id: string;
  trust: 'built-in' | 'signed' | 'unsigned';
  /** A file's name, a feed's publisher or host; empty for the bundled list. */
  name: string;
  /** A desk feed whose signed header names where its desk takes wrong-match reports ("Also tell <desk>"). */
  takesReports?: true;
}

/** A candidate with the debunk it points to, ready to show. */
export interface MatchView {
  candidate: Candidate;
  debunk: DebunkSummary;
}

/**
 * The one answer shape for a post, from the matcher to the page and the popup: its badge (if any) and the
 * weaker matches that are only "possibly related". Pages get it without `related` (see PackedPageResults).
 */
export interface PostAnswer {
  key: string;
  badge?: MatchView;
  /** A fact-checked claim the post mentions without spreading it (it denies it, reports its debunk, links a
   * fact-check): never a warning badge, listed in the popup as "mentions a fact-checked claim". */
  mentions?: MatchView;
  related: MatchView[];
  /** The Content Credentials (C2PA) of the post's images fetched for hashing that carry a manifest, as the
   * official SDK verified them (the popup gets them whole; a badged post's page gets PageCredentials). */
  credentials?: ImageCredentials[];
}

/**
 * What the badge panel says of one of the post's images with Content Credentials: the SDK's verdict as plain
 * fields, already reduced (no manifest JSON, no image address). `sourceKind` only for valid credentials,
 * `reason` and `failureCodes` only for invalid ones, `error` only for unreadable ones.
 */
export interface PageCredentials {
  state: 'valid' | 'invalid' | 'unreadable';
  signer?: string;
  signerTrusted: boolean;
  sourceKind?: SourceKind;
  reason?: InvalidReason;
  failureCodes?: string[];
  error?: string;
}

/** A badge as the page gets it: the match, and what its post's images' Content Credentials say (if any). */
export interface PageBadge extends MatchView {
  credentials?: PageCredentials[];
}

/** What a page learns about a post: only its badge (credentials only ride along with a badge). */
export interface PageAnswer {
  key: string;
  badge?: PageBadge;
}

/** A post of a tab as the popup lists it: the answer with what identifies the post to a reader. */
export interface TabPost extends PostAnswer {
  permalink?: string;
  /** The start of the post's text, so the reader recognises it. */
  excerpt: string;
}

export interface TabResults {
  pageUrl?: string;
  posts: TabPost[];
  /** How many posts of this page Sanad has checked, matched or not. */
  checked?: number;
  /** Set when the page has visibly loaded content but its site adapter read no post (the site may have changed). */
  unreadable?: PageReadability;
}

/** How a page read, as the content script reports it: counts only, never text or addresses. */
export interface PageReadability {
  /** A `SiteId` (lib/sites/platforms), checked by the background. */
  site: string;
  readability: 'readable' | 'unreadable';
  postsRead: number;
  elements: number;
  textChars: number;
}

/** Site rules updates, for the options page: the accepted pack and each site's rules version. */
export interface SiteRulesStatus {
  /** Whether this build names a rules address and key (release builds do; a developer's may not). */
  configured: boolean;
  packVersion?: number;
  generated?: string;
  lastAttempt?: number;
  lastSuccess?: number;
  /** Why the last pack was refused or not fetched, in plain words. */
  lastError?: string;
  /** `updated`: read with a signed pack's rules rather than the bundled ones. */
  sites: { site: string; version: number; updated: boolean }[];
}

/** Each site's last reported state, for the options page. */
export type SiteStates = Partial<Record<string, { readability: PageReadability['readability']; postsRead: number; at: number }>>;

/**
 * The page's answers on the wire: each debunk summary travels once per reply, however many posts it badges
 * (on a feed full of one re-shared clip, that is most of the message).
 */
export interface PackedPageResults {
  results: { key: string; badge?: { candidate: Candidate; debunkRef: string; credentials?: PageCredentials[] } }[];
  /** By `debunkRef(list, id)`. */
  debunks: Record<string, DebunkSummary>;
}

/** A frame sampled from a video playing on the page, for the background to hash. */
export interface FrameDto {
  width: number;
  height: number;
  /** Seconds into the video. */
  t: number;
  /** Luma bytes, row by row, base64 (compact over extension messaging). */
  luma: string;
}

/** Metadata of one debunk list held locally (the bundled one, a file, a feed). */
export interface ListDto {
  id: string;
  /** Content hash or feed version of what was imported. */
  version: string;
  count: number;
  skipped: number;
  importedAt: number;
}

/** A Google Fact Check Tools search used as a source. */
export interface GoogleSource {
  apiKey: string;
  /** Words to search for, or… */
  query?: string;
  /** …a fact-checker's site (reviewPublisherSiteFilter), e.g. misbar.com. One of the two is needed. */
  publisherSite?: string;
  languageCode?: string;
  maxAgeDays: number;
}

/** Sanad feeds are signed; plain ClaimReview URLs are not (the UI says so); `google` is a Fact Check Tools search. */
/** `site`: a fact-checker's own website, harvested for the ClaimReview markup in its articles. */
export type FeedKind = 'sanad' | 'claimreview' | 'google' | 'site';

/** One harvest run of a fact-checker's website, counted; a detail is the first failure's own words. */
export interface HarvestCounts {
  /** The listing had not changed: nothing was fetched. */
  nothingNew: boolean;
  articles: number;
  factChecks: number;
  noMarkup: number;
  malformed: number;
  malformedDetail?: string;
  unreachable: number;
  unreachableDetail?: string;
  /** Reviews found but not usable (no claim text). */
  unusable: number;
}

/** A subscribed feed and how its last syncs went. */
export interface FeedDto {
  /** `feed:<url>` */
  id: string;
  url: string;
  kind: FeedKind;
  /** For `google`: the search and the user's own API key. */
  google?: GoogleSource;
  /** Base64 Ed25519 key pinned when the feed was added (Sanad feeds). */
  publicKey?: string;
  publisher?: string;
  etag?: string;
  lastModified?: string;
  /** Where the last sync got to, for feeds that offer incremental updates. */
  cursor?: string;
  /** The last publication taken (signed feeds): an older one is a replay and refused. */
  accepted?: { generated: string; sequence?: number };
  /** Last attempt, last success (ms since epoch), and the last failure's reason (cleared by a success). */
  lastAttempt?: number;
  lastSuccess?: number;
  lastError?: string;
  /** For `site`: where it lists articles and which were fetched (see lib/harvest/harvest.ts). */
  site?: { listing?: string; seen: string[] };
  /** For `site`: what the last sync found, page by page, counted (shown in the reader's language). */
  lastHarvest?: HarvestCounts;
  /** For `sanad`: where its desk takes readers' wrong-match reports, as its last signed header named it (same origin). */
  wrongMatchesUrl?: string;
  count: number;
  addedAt: number;
}

export type SyncOutcome =
  { status: 'updated'; count: number; skipped: number } | { status: 'not-modified' } | { status: 'failed'; reason: string };

export type OutboxState = 'queued' | 'sending' | 'sent' | 'retrying' | 'rejected';

/** How sending an outbox entry goes: the same retry rules for submissions and desk reports. */
export interface DeliveryState {
  state: OutboxState;
  attempts: number;
  createdAt: number;
  /** When the next attempt is due (queued and retrying items). */
  nextAttemptAt: number;
  sentAt?: number;
  /** The last failure, or the service's reason for a rejection, in its own words. */
  lastError?: string;
  /** The service's id for what it stored. */
  remoteId?: number;
}

/** A submission waiting to reach the intake service, or the record of one that did. */
export interface OutboxItemDto extends DeliveryState {
  /** The idempotency key: the service stores a submission once however often it is sent. */
  id: string;
  submission: Submission;
  /** The service's secret for asking what became of it (lib/intake/desk-status.ts). */
  statusSecret?: string;
  /** What the desk last said became of it, once asked. */
  deskStatus?: VolunteerStatus;
  /** Status checks made so far (they back off), and when the next is due; none once the desk has decided. */
  statusChecks?: number;
  nextStatusCheckAt?: number;
  statusCheckedAt?: number;
}

/** A submission as the submit page hands it over: the outbox adds its idempotency key. */
export type OutboxDraft = Omit<Submission, 'idempotencyKey'>;

/** Why a reader says a debunk does not apply to a post (the same words in the badge's panel and the popup). */
export const WRONG_MATCH_REASONS = ['not-repeated', 'refutes', 'other-media', 'other'] as const;
export type WrongMatchReason = (typeof WRONG_MATCH_REASONS)[number];
export const isWrongMatchReason = (value: unknown): value is WrongMatchReason =>
  typeof value === 'string' && (WRONG_MATCH_REASONS as readonly string[]).includes(value);

/** A user's report that a debunk does not apply to a post: that post is never badged for it again. */
export interface WrongMatchDto {
  /** `${postKey}|${debunkId}` */
  id: string;
  postKey: string;
  debunkId: string;
  permalink?: string;
  excerpt: string;
  reportedAt: number;
  /** The reader's reason (reports made before reasons were asked have none). */
  reason?: WrongMatchReason;
  /** The list the debunk came from, when known. */
  listId?: string;
}

/** A wrong-match report as the badge's panel or the popup makes it. */
export interface WrongMatchRequest {
  postKey: string;
  debunkId: string;
  reason: WrongMatchReason;
  /** The reader ticked "Also tell <desk>": the report goes to the desk that published the debunk too. */
  tellDesk?: boolean;
}

/**
 * A wrong-match report on its way to a desk, in the outbox beside submissions (same retries, kept across
 * restarts): first sent (`report`), and after an "Undo" taken back (`withdraw`) with the desk's secret.
 */
export interface DeskReportDto extends DeliveryState {
  /** The report's idempotency key. */
  id: string;
  /** The local report it tells the desk about (WrongMatchDto.id). */
  wrongMatchId: string;
  /** The desk's `…/v1/wrong-matches`. */
  endpoint: string;
  /** The desk's name, as the card names its list. */
  desk: string;
  /** Exactly the body sent (lib/intake/wrong-match-report.ts): nothing else leaves the browser. */
  report: { idempotencyKey: string; debunkId: string; reason: WrongMatchReason; postUrl: string };
  step: 'report' | 'withdraw';
  /** The secret that takes the report back (with `remoteId`, the desk's id for it). */
  withdrawSecret?: string;
  /** The reader undid it while it was being sent: taken back (or dropped) once that attempt ends. */
  undone?: true;
}

/** A wrong-match report as the popup lists it: the local one, and how telling its desk went, if asked. */
export interface WrongMatchListItem extends WrongMatchDto {
  desk?: { name: string; state: OutboxState; lastError?: string };
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

/** A shipped locale's UI strings, in the `_locales` format. */
export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The user's settings as they cross the wire; the settings module checks them (normaliseSettings) at both ends. */
export interface SettingsDto {
  version: 1;
  sites: Record<string, boolean>;
  language: string;
  intakeUrl: string;
  factChecker: boolean;
  feedSyncHours: number;
  feedStaleDays: number;
}

/** Settings and wrong-match reports as one JSON document, for the user to keep or move to another browser. */
export interface ExportDto {
  format: 'sanad-export';
  version: 1;
  exportedAt: string;
  /** The settings as stored (their shape is the settings module's). */
  settings: object;
  wrongMatches: WrongMatchDto[];
}

/** A page's markup shape for "Copy a diagnostic" (computed by lib/page/structure-summary): names and counts only. */
export interface StructureSummary {
  /** `/groups/:num/posts/:id`: the sites' own path words, every other segment by its kind. */
  pathShape: string;
  elements: number;
  tags: Record<string, number>;
  roles: Record<string, number>;
  dataAttributes: Record<string, number>;
}

/** Keyframes the content script sampled from the video a fact-checker opened in the media tools. */
export interface KeyframesDto {
  /** no-video: nothing to sample under the click; waiting: not playing yet; unreadable: cross-origin frames. */
  state: 'no-video' | 'waiting' | 'sampling' | 'unreadable' | 'full';
  /** The video's address, when it has an http(s) one. */
  src?: string;
  keyframes: { t: number; image: string; pdq: string; frame: FrameDto }[];
}
