/**
 * ClaimReview (schema.org) → Debunk. Feeds are written by many hands: every field may be missing, of the
 * wrong type or hostile. Unusable items are skipped with a reason; nothing here throws.
 */
import { SOURCE_KINDS } from '../media/c2pa';
import type { FrameHash } from '../media/video';
import { hashText } from '../text/hash';
import { splitFeed } from './parse-feed';
import {
  ARTIFACT_CODES,
  REASON_KINDS,
  type Artifact,
  type ArtifactCode,
  type Debunk,
  type LocalisedText,
  type MediaCredentials,
  type MediaFingerprint,
  type Reason,
  type ReasonKind,
  type Verdict,
} from './types';
import { verdictFromRating } from './verdict';
import { asList, isObject, readCleanText, readFiniteNumber, readHttpUrl } from '../untrusted/read';

export interface ImportReport {
  debunks: Debunk[];
  /** Items in the feed, usable or not. */
  total: number;
  skipped: { item: number; reason: string }[];
}

const MAX_TEXT = 2_000;
const MAX_LIST = 50;

type Obj = Record<string, unknown>;

/** A trimmed single string without control characters, or undefined; numbers (ids, ratings) as text. */
const text = (v: unknown, max = MAX_TEXT): string | undefined => readCleanText(typeof v === 'number' ? String(v) : v, max);

/**
 * Only http(s) links survive: a `javascript:` URL in a feed must never become a clickable link. Takes a URL
 * or a schema.org object with `url` or `@id`.
 */
export function safeHttpUrl(v: unknown): string | undefined {
  return readHttpUrl(text(isObject(v) ? (v.url ?? v['@id']) : v));
}

/** ISO-like dates (2026-01-24, 2019-07, 2019, with or without time) are kept as their date part. */
function date(v: unknown): string | undefined {
  const raw = text(v, 40);
  // Desks also write a space for the T ("2020-06-24 00:03") and one-digit offsets ("+5:30").
  const m = raw?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+ ?(?:Z|[+-]\d{1,2}:?\d{2})?)?$/);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (+mo < 1 || +mo > 12)) return undefined;
  if (d && (+d < 1 || +d > 31)) return undefined;
  return [y, mo, d].filter(Boolean).join('-');
}

function nameOf(v: unknown): string | undefined {
  for (const item of asList(v)) {
    const name = isObject(item) ? text(item.name, 200) : text(item, 200);
    if (name) return name;
  }
  return undefined;
}

function keywords(v: unknown): string[] {
  const list = typeof v === 'string' ? v.split(/[,،;]/) : asList(v);
  return list
    .map((k) => text(k, 100))
    .filter((k): k is string => !!k)
    .slice(0, MAX_LIST);
}

function appearances(itemReviewed: Obj): string[] {
  const urls = [
    ...asList(itemReviewed.appearance),
    ...asList(itemReviewed.firstAppearance),
    ...asList(itemReviewed.sameAs),
    ...(isObject(itemReviewed.itemReviewed) ? asList(itemReviewed.itemReviewed.contentUrl) : []),
    ...asList(itemReviewed.contentUrl),
    // MediaReview: where the reviewed media was seen.
    ...asList(itemReviewed.mediaItemAppearance).flatMap((a) => (isObject(a) ? [a.contentUrl, a.url] : [a])),
  ]
    .map(safeHttpUrl)
    .filter((u): u is string => !!u);
  return [...new Set(urls)].slice(0, MAX_LIST);
}

const ARTIFACT_SET: ReadonlySet<string> = new Set(ARTIFACT_CODES);
const REASON_SET: ReadonlySet<string> = new Set(REASON_KINDS);

function artifact(v: unknown): Artifact | undefined {
  if (typeof v === 'string') return ARTIFACT_SET.has(v) ? { code: v as ArtifactCode } : text(v) ? { text: text(v) } : undefined;
  if (!isObject(v)) return undefined;
  const code = typeof v.code === 'string' && ARTIFACT_SET.has(v.code) ? (v.code as ArtifactCode) : undefined;
  const note = text(v.text);
  return code || note ? { ...(code && { code }), ...(note && { text: note }) } : undefined;
}

// MediaReview's authenticity categories, as the reason kind they stand for.
const MEDIA_REVIEW_KINDS: Record<string, ReasonKind> = {
  TransformedContent: 'ai-generated',
  DecontextualizedContent: 'old-footage',
  EditedOrCroppedContent: 'edited',
  StagedContent: 'staged',
  SatireOrParodyContent: 'satire',
};

/** Own properties only: `constructor` or `toString` in a feed must not find Object.prototype's. */
const mediaReviewKind = (category: unknown): ReasonKind | undefined =>
  typeof category === 'string' && Object.hasOwn(MEDIA_REVIEW_KINDS, category) ? MEDIA_REVIEW_KINDS[category] : undefined;

function localised(v: unknown, language: string): LocalisedText | undefined {
  const plain = text(v, 200);
  if (plain) return { [language]: plain };
  if (!isObject(v)) return undefined;
  const entries = Object.entries(v)
    .filter(([lang]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
    .map(([lang, value]) => [lang, text(value, 200)] as const)
    .filter((e): e is readonly [string, string] => !!e[1]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Sanad's `reasons` extension to ClaimReview; unknown kinds are dropped, never guessed. */
function reason(v: unknown, language = 'und'): Reason | undefined {
  if (!isObject(v) || typeof v.kind !== 'string') return undefined;
  const kind = REASON_SET.has(v.kind) ? (v.kind as ReasonKind) : mediaReviewKind(v.kind);
  if (!kind) return undefined;
  const note = text(v.note);
  const withNote = <T extends object>(r: T) => (note ? { ...r, note } : r);
  switch (kind) {
    case 'ai-generated':
      return withNote({
        kind,
        artifacts: asList(v.artifacts)
          .map(artifact)
          .filter((a): a is Artifact => !!a)
          .slice(0, MAX_LIST),
      });
    case 'old-footage': {
      const originalDate = date(v.originalDate);
      const originalPlace = localised(v.originalPlace, language);
      const originalUrl = safeHttpUrl(v.originalUrl);
      return withNote({
        kind,
        ...(originalDate && { originalDate }),
        ...(originalPlace && { originalPlace }),
        ...(originalUrl && { originalUrl }),
      });
    }
    default:
      return withNote({ kind });
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_FRAMES = 3_000;

/** Sanad's `fingerprints` extension: [{kind, frames: [{t, hash, quality, regions, pdq, pdqQuality, upright, centre}]}]; bad frames are dropped. */
function fingerprints(v: unknown): MediaFingerprint[] {
  return asList(v)
    .slice(0, 10)
    .flatMap((fp): MediaFingerprint[] => {
      if (!isObject(fp) || (fp.kind !== 'video' && fp.kind !== 'image')) return [];
      const frames = asList(fp.frames)
        .slice(0, MAX_FRAMES)
        .flatMap((f): FrameHash[] => {
          if (!isObject(f) || typeof f.hash !== 'string') return [];
          const hash = f.hash.toLowerCase();
          const quality = Math.round(readFiniteNumber(f.quality) ?? NaN);
          const t = readFiniteNumber(f.t, { min: 0 }) ?? 0;
          if (!HEX64.test(hash) || !(quality >= 0 && quality <= 100)) return [];
          const regions = Array.isArray(f.regions)
            ? f.regions.slice(0, 4).map((r) => (typeof r === 'string' && HEX64.test(r.toLowerCase()) ? r.toLowerCase() : null))
            : undefined;
          // Plain PDQ (added with issue 22): optional, so feeds written before it stay readable.
          const pdq = typeof f.pdq === 'string' && HEX64.test(f.pdq.toLowerCase()) ? f.pdq.toLowerCase() : undefined;
          const pdqQuality = Math.round(readFiniteNumber(f.pdqQuality) ?? NaN);
          const plain = pdq && pdqQuality >= 0 && pdqQuality <= 100 ? { pdq, pdqQuality } : undefined;
          // Upright hash (mirror-proof lookup): optional too; without it the frame is matched through the query's turns.
          const upright = typeof f.upright === 'string' && HEX64.test(f.upright.toLowerCase()) ? f.upright.toLowerCase() : undefined;
          const centre = Array.isArray(f.centre)
            ? f.centre
                .slice(0, 4)
                .filter((c): c is string => typeof c === 'string' && HEX64.test(c.toLowerCase()))
                .map((c) => c.toLowerCase())
            : [];
          return [
            {
              t,
              hash,
              quality,
              ...(regions && regions.length === 4 && { regions }),
              ...plain,
              ...(upright && { upright }),
              ...(upright && centre.length && { centre }),
            },
          ];
        });
      if (!frames.length) return [];
      const credentials = mediaCredentials(fp.contentCredentials);
      return [{ kind: fp.kind, frames, ...(credentials && { contentCredentials: credentials }) }];
    });
}

/** A fingerprint's optional `contentCredentials` (added with issue 22); anything malformed is left out, not guessed. */
function mediaCredentials(v: unknown): MediaCredentials | undefined {
  if (!isObject(v) || typeof v.present !== 'boolean') return undefined;
  if (!v.present) return { present: false, sourceKind: 'none', actions: [] };
  const sourceKind = SOURCE_KINDS.find((k) => k === v.sourceKind) ?? 'none';
  const actions = asList(v.actions)
    .slice(0, 20)
    .flatMap((a) => {
      const raw = isObject(a) ? a.action : a;
      const name = typeof raw === 'string' ? text(raw, 100) : undefined;
      return name ? [name] : [];
    });
  const claimGenerator = text(v.claimGenerator, 200);
  return { present: true, sourceKind, actions, ...(claimGenerator && { claimGenerator }) };
}

const DEFAULT_REASON: Partial<Record<Verdict, ReasonKind>> = {
  false: 'false-claim',
  misleading: 'misleading',
  unproven: 'unproven',
  satire: 'satire',
  altered: 'edited',
};

/**
 * A numeric rating on its scale (`ratingValue` between `worstRating` and `bestRating`, schema.org's defaults
 * 1 and 5), for ratings whose words are not known. Only the ends of a scale are read: desks use the middle
 * for different things (AFP's 3 of 5 is "misleading", Lupa's 4 of 6 is "false"), and a guess could badge a
 * true post.
 */
export function verdictFromScale(rating: unknown): Verdict {
  if (!isObject(rating)) return 'unrated';
  const num = (v: unknown, fallback: number) => {
    const n = typeof v === 'string' && v.trim() ? Number(v) : v === undefined || v === '' ? fallback : v;
    return readFiniteNumber(n) ?? NaN;
  };
  const value = num(rating.ratingValue, NaN);
  const best = num(rating.bestRating, 5);
  const worst = num(rating.worstRating, 1);
  if (!(best > worst) || !(value >= worst && value <= best)) return 'unrated';
  return value === worst ? 'false' : value === best ? 'true' : 'unrated';
}

/** The claim a review is about: ClaimReview's `claimReviewed`, or MediaReview's interpreted claim. */
function claimText(item: Obj, itemReviewed: Obj): string | undefined {
  const interpreted = asList(itemReviewed.interpretedAsClaim).find(isObject);
  return (
    text(item.claimReviewed) ??
    text(itemReviewed.text) ??
    text(itemReviewed.name) ??
    (interpreted && (text(interpreted.text) ?? text(interpreted.description) ?? text(interpreted.name)))
  );
}

/** An image link: a URL, an ImageObject, or the first of a list of either. */
function imageUrl(v: unknown): string | undefined {
  for (const image of asList(v).slice(0, 10)) {
    const url = safeHttpUrl(isObject(image) ? (image.url ?? image.contentUrl ?? image['@id']) : image);
    if (url) return url;
  }
  return undefined;
}

export type ItemResult = { ok: true; debunk: Debunk } | { ok: false; reason: string };

/**
 * One item → a debunk, or the reason it is skipped. Never throws: a reader missed by the checks below
 * costs that item only (skipped as unreadable), never the list.
 */
export function claimReviewToDebunk(item: unknown, source: string): ItemResult {
  try {
    return readClaimReview(item, source);
  } catch (error) {
    return { ok: false, reason: `unreadable item (${error instanceof Error ? error.name : 'error'})` };
  }
}

function readClaimReview(item: unknown, source: string): ItemResult {
  if (!isObject(item)) return { ok: false, reason: 'not an object' };
  // Types are strings; an object here (`{"toString": 1}`) is no type at all, and must not be turned into one.
  const rawType = asList(item['@type']);
  const type = rawType.filter((t): t is string => typeof t === 'string');
  if (rawType.length && !type.length) return { ok: false, reason: '@type is not a string' };
  if (type.length && !type.some((t) => /(^|[:/#])(ClaimReview|MediaReview)$/.test(t.trim()))) {
    return { ok: false, reason: `not a ClaimReview (@type ${type.join(', ').slice(0, 60)})` };
  }
  const itemReviewed = isObject(item.itemReviewed) ? item.itemReviewed : {};
  const claim = claimText(item, itemReviewed);
  if (!claim) return { ok: false, reason: 'no claimReviewed text' };

  const rating = isObject(item.reviewRating)
    ? (text(item.reviewRating.alternateName, 200) ?? text(item.reviewRating.name, 200))
    : text(item.reviewRating, 200);
  const wordVerdict = verdictFromRating(rating);
  const verdict = wordVerdict === 'unrated' ? verdictFromScale(item.reviewRating) : wordVerdict;
  const reviewUrl = safeHttpUrl(item.url);
  const publisherName = nameOf(item.author) ?? nameOf(item.publisher) ?? '';
  const publisherObj = asList(item.author).find(isObject) ?? asList(item.publisher).find(isObject);
  const publisherUrl = safeHttpUrl(publisherObj?.url);
  const conclusion = text(item.description) ?? text(item.reviewBody);

  const language = text(isObject(item.inLanguage) ? (item.inLanguage.alternateName ?? item.inLanguage.name) : item.inLanguage, 20)
    ?.toLowerCase()
    .replace(/_/g, '-');
  let reasons = asList(item.reasons)
    .map((r) => reason(r, language))
    .filter((r): r is Reason => !!r)
    .slice(0, MAX_LIST);
  const fallbackKind = mediaReviewKind(item.mediaAuthenticityCategory) ?? DEFAULT_REASON[verdict];
  const fallback = reasons.length || !fallbackKind ? undefined : reason({ kind: fallbackKind, note: conclusion });
  if (fallback) reasons = [fallback];

  const identifier = text(item.identifier, 300) ?? reviewUrl;
  const debunk: Debunk = {
    id: identifier ?? `h:${hashText(claim, publisherName)}`,
    claim,
    keywords: keywords(item.keywords),
    verdict,
    reasons,
    publisher: { name: publisherName, ...(publisherUrl && { url: publisherUrl }) },
    appearances: appearances(itemReviewed),
    source,
  };
  const media = fingerprints(item.fingerprints);
  if (media.length) debunk.media = media;
  const optional = {
    headline: text(item.headline, 500),
    language,
    rating,
    conclusion,
    reviewUrl,
    reviewDate: date(item.datePublished),
    claimDate: date(itemReviewed.datePublished),
    image: imageUrl(item.image),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (debunk as unknown as Obj)[key] = value;
  return { ok: true, debunk };
}

/** Imports a feed body. Later items with an id already seen replace earlier ones (a feed's own correction). */
export function importClaimReviews(body: string, source: string): ImportReport {
  const { items, errors } = splitFeed(body);
  const byId = new Map<string, Debunk>();
  const skipped = [...errors];
  items.forEach((item, index) => {
    const result = claimReviewToDebunk(item, source);
    if (result.ok) byId.set(result.debunk.id, result.debunk);
    else skipped.push({ item: index, reason: result.reason });
  });
  return { debunks: [...byId.values()], total: items.length + errors.length, skipped };
}

/** "3 of 10 items skipped: 2 × no claimReviewed text, 1 × not an object". */
export function summariseSkipped(report: ImportReport): string {
  if (!report.skipped.length) return `${report.debunks.length} of ${report.total} items imported`;
  const counts = new Map<string, number>();
  for (const { reason: r } of report.skipped) {
    const key = r.replace(/^line \d+ /, 'a line ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].map(([r, n]) => `${n} × ${r}`).join('; ');
  return `${report.skipped.length} of ${report.total} items skipped: ${parts}`;
}
