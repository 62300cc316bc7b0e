import type { SourceKind } from '../media/c2pa';
import type { FrameHash } from '../media/video';

/**
 * The debunk: one record of the local list. ClaimReview fields, plus a normalised verdict and structured
 * reasons (MediaReview terms where they fit) so the UI can explain a verdict in the reader's language.
 */

/** Normalised verdicts. `true` and `unrated` are kept so nothing is guessed; they never produce a badge. */
export const VERDICTS = ['false', 'misleading', 'altered', 'satire', 'unproven', 'true', 'unrated'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that say the claim or media is not what it pretends to be: these get a badge on the page. */
export const BADGED_VERDICTS: ReadonlySet<Verdict> = new Set(['false', 'misleading', 'altered', 'satire', 'unproven']);

/** AI-generation artifacts with a code have translated wording; any other observation travels as text. */
export const ARTIFACT_CODES = [
  'lip-sync',
  'blur',
  'distorted-body',
  'repeated-motion',
  'frozen-figures',
  'garbled-text',
  'unnatural-voice',
] as const;
export type ArtifactCode = (typeof ARTIFACT_CODES)[number];
export interface Artifact {
  code?: ArtifactCode;
  /** The fact-checker's own wording, shown as is (in its language). */
  text?: string;
}

/** The same text in several languages, by BCP 47 language code; `und` when the language is unknown. */
export type LocalisedText = Record<string, string>;

export type Reason =
  | { kind: 'ai-generated'; artifacts: Artifact[]; note?: string }
  | {
      kind: 'old-footage';
      /** When it was really filmed or first published: ISO date, year-month or year. */
      originalDate?: string;
      /** Place name by language (`ar`, `en`…); a plain string in a feed is kept under the debunk's language. */
      originalPlace?: LocalisedText;
      originalUrl?: string;
      note?: string;
    }
  | { kind: 'edited'; note?: string }
  | { kind: 'staged'; note?: string }
  | { kind: 'satire'; note?: string }
  | { kind: 'false-claim'; note?: string }
  | { kind: 'misleading'; note?: string }
  | { kind: 'unproven'; note?: string };
export type ReasonKind = Reason['kind'];
export const REASON_KINDS: readonly ReasonKind[] = [
  'ai-generated',
  'old-footage',
  'edited',
  'staged',
  'satire',
  'false-claim',
  'misleading',
  'unproven',
];

/** Perceptual fingerprint of a debunked video or image (see lib/media). */
export interface MediaFingerprint {
  kind: 'video' | 'image';
  frames: FrameHash[];
  /** What the debunked file's C2PA manifest said when the desk read it (`npm run media -- c2pa`); optional. */
  contentCredentials?: MediaCredentials;
}

/**
 * The Content Credentials a desk read from the debunked file, as a feed carries them. Nobody checked the
 * signature (lib/media/c2pa.ts does not): it is what the file claims, shown as such.
 */
export interface MediaCredentials {
  present: boolean;
  claimGenerator?: string;
  sourceKind: SourceKind;
  /** Action names as written (`c2pa.created`, `c2pa.edited`…). */
  actions: string[];
}

export interface Publisher {
  name: string;
  url?: string;
}

export interface Debunk {
  /** Stable id: the ClaimReview `identifier`, else its `url`, else a hash of claim and publisher. */
  id: string;
  /** The claim as the fact-checker stated it (`claimReviewed`). */
  claim: string;
  headline?: string;
  keywords: string[];
  language?: string;
  /** The fact-checker's rating text as published (`reviewRating.alternateName`). */
  rating?: string;
  verdict: Verdict;
  reasons: Reason[];
  /** The fact-check's one-line conclusion (`description` or `reviewBody`). */
  conclusion?: string;
  publisher: Publisher;
  /** Link to the fact-check article. */
  reviewUrl?: string;
  reviewDate?: string;
  /** When the claim itself was published (`itemReviewed.datePublished`). */
  claimDate?: string;
  /** Where the claim or media circulated (`itemReviewed.appearance[].url`, `firstAppearance.url`). */
  appearances: string[];
  /** The fact-check's illustration (`image`), an http(s) link. */
  image?: string;
  /** Fingerprints of the debunked media, so re-uploads under new links still match. */
  media?: MediaFingerprint[];
  /** Which list it came from: `bundled` or a feed id. */
  source: string;
}

/**
 * A debunk is named by its list and its id together: ids are chosen by whoever publishes a list, so an
 * unsigned list may reuse another list's id, and must never stand in for that list's debunk.
 */
export const debunkRef = (list: string, id: string): string => JSON.stringify([list, id]);
