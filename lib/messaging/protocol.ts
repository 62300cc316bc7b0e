/**
 * Everything content scripts and extension pages may ask the background, as typed functions. The
 * background owns IndexedDB and the matcher; nothing else touches them.
 */
import type { Debunk } from '../debunk/types';
import type { Candidate, ExtractedPost } from '../match/types';
import type { ListRecord } from '../store/db';

/** A candidate with the debunk it points to, ready to show. */
export interface MatchView {
  candidate: Candidate;
  debunk: Debunk;
}

/** The answer for one post: its badge (if any) and what is only possibly related. */
export interface PostResult {
  key: string;
  badge?: MatchView;
  related: MatchView[];
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
  matchPosts(req: { pageUrl: string; posts: ExtractedPost[] }): PostResult[];
  /** The page navigated (or loaded): forget the tab's earlier results. */
  pageChanged(req: { pageUrl: string }): void;
  /** What was matched in a tab (extension pages only). */
  tabResults(req: { tabId: number }): TabResults;
  /** The debunk lists held locally. */
  listStatus(req: Record<string, never>): ListRecord[];
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<Protocol[K]>;
