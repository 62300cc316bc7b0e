/**
 * Frame hashes a desk attaches to a submission from a file it holds: the JSON line `npm run media -- hash FILE`
 * prints ({file, kind, frames}), pasted into the console or uploaded as a file. Checked like a submission's
 * frames, with a larger frame count (a desk hashes whole clips, an extension one poster).
 */
import { checkFrames, type Checked, type SubmittedMedia } from '../lib/intake/submission';

export const DESK_MEDIA_LIMITS = {
  /** The form's body: a 1,000-frame fingerprint with every optional hash is about 700 kB. */
  bodyBytes: 1024 * 1024,
  frames: 1_000,
  fileName: 200,
};

/** The desk's fingerprint as a medium of the submission, or what is wrong with it (naming the field). */
export function readDeskMedia(
  text: string,
  uploadedName?: string,
): Checked<SubmittedMedia & { frames: NonNullable<SubmittedMedia['frames']> }> {
  if (!text.trim()) return { ok: false, errors: ['paste the JSON that `npm run media -- hash FILE` printed, or choose that file'] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['not JSON: paste the line `npm run media -- hash FILE` printed'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['expected {"file", "kind", "frames"}'] };
  const o = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (o.kind !== 'video' && o.kind !== 'image') errors.push('kind: video or image');
  const frames = checkFrames(o.frames, 'frames', errors, DESK_MEDIA_LIMITS.frames);
  if (!errors.length && !frames?.length) errors.push('frames: at least one frame');
  if (errors.length) return { ok: false, errors };
  // Only the file's own name is kept: the path on the desk's machine is nobody's business.
  const named = typeof o.file === 'string' && o.file ? o.file : uploadedName;
  const deskFile = named
    ?.split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .slice(0, DESK_MEDIA_LIMITS.fileName);
  return { ok: true, value: { kind: o.kind as 'video' | 'image', frames: frames!, ...(deskFile && { deskFile }) } };
}
