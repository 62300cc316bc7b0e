import type { Verdict } from '../debunk/types';

/** What a content script extracts from one post on the page. */
export interface ExtractedPost {
  /** Unique within the page: the canonical post id where the page shows one. */
  key: string;
  /** The post's own link, when shown. */
  permalink?: string;
  author?: string;
  text: string;
  /** Outbound links, expanded where the page shows the expansion. */
  links: string[];
  media: MediaRef[];
  /** ISO time of the post, when shown. */
  time?: string;
}

export interface MediaRef {
  kind: 'video' | 'image';
  /** Where the media lives or plays (a watch URL, an embedded post's link…). */
  url?: string;
  poster?: string;
}

export type MatchHow = 'same-media' | 'same-link' | 'same-footage' | 'similar-text';

export interface Candidate {
  debunkId: string;
  /** The list the debunk belongs to: together with `debunkId`, what names it (another list may reuse the id). */
  listId: string;
  verdict: Verdict;
  how: MatchHow;
  /** 0…1: 1 for an id or link hit; for footage, the share of the post's frames found; for text, how much
   * of the debunk's claim the post covers. */
  score: number;
  /** For footage: the share of the debunked video's seconds seen in the post. */
  referenceShare?: number;
  /** Whether this match earns a badge on the page (certain, or above the calibrated threshold), and the post
   * spreads the claim. */
  badge: boolean;
  /** The match would badge, but the post only mentions the claim: it denies it, calls it fake, asks about
   * it, or quotes or links a fact-check (stance.ts). Listed as "mentions a fact-checked claim", never badged. */
  mentions?: true;
}

export interface PostMatches {
  key: string;
  /** Best first; at most a handful. */
  candidates: Candidate[];
}
