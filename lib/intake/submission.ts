/**
 * A submission from the extension: a volunteer's claim for checking, or a fact-checker's flag for their desk.
 * Shared by the extension (which builds it) and the intake service (which checks it): pure, no I/O.
 * Every rejection names the field and the rule, so the sender can show it.
 */
import type { FrameHash } from '../media/video';
import { CONTROL_CHARACTERS, isObject, MAX_URL_LENGTH, readHttpUrl, readIsoTime } from '../untrusted/read';

export const SUBMISSION_KINDS = ['claim', 'flag'] as const;
export const SUBMISSION_CATEGORIES = ['ai-generated', 'old-footage', 'false-claim', 'other'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type SubmissionCategory = (typeof SUBMISSION_CATEGORIES)[number];

export interface SubmittedPost {
  pageUrl: string;
  permalink?: string;
  author?: string;
  text: string;
  links: string[];
  media: SubmittedMedia[];
  time?: string;
}

/**
 * A medium of the post, with the perceptual hashes the extension computed of what the page shows (its poster
 * or photo, lib/background/poster-frames.ts) or `npm run media -- hash` computed of a file the desk has: the
 * desk groups submissions of one clip and finds debunks of it by these.
 */
export interface SubmittedMedia {
  kind: 'video' | 'image';
  url?: string;
  poster?: string;
  frames?: SubmittedFrame[];
  /** Set by the desk console only: the name of the desk's own file these frames were hashed from. */
  deskFile?: string;
}

/** One hashed frame as submitted: Sanad's trimmed PDQ hash, its quality, and the plain PDQ when computed. */
export type SubmittedFrame = Pick<FrameHash, 't' | 'hash' | 'quality' | 'regions' | 'pdq' | 'pdqQuality'>;

export interface Submission {
  /** Chosen by the sender once per item; a retry carries the same key and is stored once. */
  idempotencyKey: string;
  kind: SubmissionKind;
  category: SubmissionCategory;
  note?: string;
  post: SubmittedPost;
  /** A PNG or JPEG data URL of the post, cropped by the extension. */
  screenshot?: string;
}

export const SUBMISSION_LIMITS = {
  bodyBytes: 2 * 1024 * 1024,
  text: 20_000,
  note: 2_000,
  links: 20,
  media: 10,
  url: MAX_URL_LENGTH,
  screenshotChars: 1_500_000,
  framesPerMedium: 32,
};

const HEX64 = /^[0-9a-f]{64}$/;
const quality = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;

/** A medium's frames: each a 64-hex-digit hash with a quality 0–100; anything else names the field. */
export function checkFrames(
  raw: unknown,
  field: string,
  errors: string[],
  max: number = SUBMISSION_LIMITS.framesPerMedium,
): SubmittedFrame[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > max) {
    errors.push(`${field}: a list of at most ${max} frames`);
    return undefined;
  }
  const out: SubmittedFrame[] = [];
  raw.forEach((f, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(f) || typeof f.hash !== 'string' || !HEX64.test(f.hash) || !quality(f.quality))
      return void errors.push(`${at}: {hash: 64 lower-case hex digits, quality: 0–100}`);
    const t = f.t === undefined ? 0 : f.t;
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return void errors.push(`${at}.t: seconds, 0 or more`);
    const regions = f.regions;
    if (
      regions !== undefined &&
      !(Array.isArray(regions) && regions.length === 4 && regions.every((r) => r === null || (typeof r === 'string' && HEX64.test(r))))
    )
      return void errors.push(`${at}.regions: four hashes or nulls`);
    const plain = f.pdq === undefined ? undefined : typeof f.pdq === 'string' && HEX64.test(f.pdq) && quality(f.pdqQuality);
    if (plain === false) return void errors.push(`${at}.pdq: 64 hex digits with a pdqQuality 0–100`);
    out.push({
      t,
      hash: f.hash,
      quality: f.quality as number,
      ...(regions !== undefined && { regions: regions as (string | null)[] }),
      ...(plain && { pdq: f.pdq as string, pdqQuality: f.pdqQuality as number }),
    });
  });
  return out;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function httpUrl(value: unknown, field: string, errors: string[]): string | undefined {
  if (typeof value !== 'string' || value.length > SUBMISSION_LIMITS.url) {
    errors.push(`${field}: must be an http(s) URL of at most ${SUBMISSION_LIMITS.url} characters`);
    return undefined;
  }
  const url = readHttpUrl(value, SUBMISSION_LIMITS.url);
  if (!url) errors.push(`${field}: must be an http(s) URL`);
  return url;
}

// Control characters (NUL among them) mean nothing in a note or a post's text, and PostgreSQL refuses NUL in
// text where SQLite keeps it: text() drops them, the same for both stores. Tabs and line breaks stay.

function text(value: unknown, field: string, max: number, errors: string[], optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') errors.push(`${field}: must be text`);
  else if (value.length > max) errors.push(`${field}: longer than ${max} characters`);
  else return value.replace(CONTROL_CHARACTERS, '');
  return undefined;
}

/** Checks an untrusted value against the submission schema. */
export function checkSubmission(raw: unknown): Checked<Submission> {
  const errors: string[] = [];
  if (!isObject(raw)) return { ok: false, errors: ['body: must be a JSON object'] };
  const key = raw.idempotencyKey;
  if (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key)) errors.push('idempotencyKey: 8–64 letters, digits, - or _');
  if (!SUBMISSION_KINDS.includes(raw.kind as SubmissionKind)) errors.push(`kind: one of ${SUBMISSION_KINDS.join(', ')}`);
  if (!SUBMISSION_CATEGORIES.includes(raw.category as SubmissionCategory))
    errors.push(`category: one of ${SUBMISSION_CATEGORIES.join(', ')}`);
  const note = text(raw.note, 'note', SUBMISSION_LIMITS.note, errors, true);

  let post: SubmittedPost | undefined;
  if (!isObject(raw.post)) errors.push('post: must be an object');
  else {
    const p = raw.post;
    const pageUrl = httpUrl(p.pageUrl, 'post.pageUrl', errors);
    const permalink = p.permalink === undefined ? undefined : httpUrl(p.permalink, 'post.permalink', errors);
    const postText = text(p.text ?? '', 'post.text', SUBMISSION_LIMITS.text, errors);
    const author = text(p.author, 'post.author', 200, errors, true);
    const time = p.time === undefined ? undefined : (readIsoTime(p.time) ?? (errors.push('post.time: must be a date'), undefined));
    const linksRaw = p.links ?? [];
    const links: string[] = [];
    if (!Array.isArray(linksRaw) || linksRaw.length > SUBMISSION_LIMITS.links)
      errors.push(`post.links: a list of at most ${SUBMISSION_LIMITS.links} URLs`);
    else
      linksRaw.forEach((l, i) => {
        const url = httpUrl(l, `post.links[${i}]`, errors);
        if (url) links.push(url);
      });
    const mediaRaw = p.media ?? [];
    const media: SubmittedPost['media'] = [];
    if (!Array.isArray(mediaRaw) || mediaRaw.length > SUBMISSION_LIMITS.media)
      errors.push(`post.media: a list of at most ${SUBMISSION_LIMITS.media} items`);
    else
      mediaRaw.forEach((m, i) => {
        if (!isObject(m) || (m.kind !== 'video' && m.kind !== 'image')) return void errors.push(`post.media[${i}].kind: video or image`);
        const url = m.url === undefined ? undefined : httpUrl(m.url, `post.media[${i}].url`, errors);
        const poster = m.poster === undefined ? undefined : httpUrl(m.poster, `post.media[${i}].poster`, errors);
        const hashed = checkFrames(m.frames, `post.media[${i}].frames`, errors);
        media.push({ kind: m.kind, ...(url && { url }), ...(poster && { poster }), ...(hashed?.length && { frames: hashed }) });
      });
    if (pageUrl && postText !== undefined) {
      post = { pageUrl, ...(permalink && { permalink }), ...(author && { author }), text: postText, links, media, ...(time && { time }) };
    }
  }

  let screenshot: string | undefined;
  if (raw.screenshot !== undefined) {
    if (typeof raw.screenshot !== 'string' || !/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(raw.screenshot))
      errors.push('screenshot: a PNG or JPEG data URL');
    else if (raw.screenshot.length > SUBMISSION_LIMITS.screenshotChars)
      errors.push(`screenshot: larger than ${SUBMISSION_LIMITS.screenshotChars} characters`);
    else screenshot = raw.screenshot;
  }
  if (errors.length || !post) return { ok: false, errors: errors.length ? errors : ['post: missing'] };
  return {
    ok: true,
    value: {
      idempotencyKey: key as string,
      kind: raw.kind as SubmissionKind,
      category: raw.category as SubmissionCategory,
      ...(note && { note }),
      post,
      ...(screenshot && { screenshot }),
    },
  };
}
