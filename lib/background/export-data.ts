/**
 * Export and import of what Sanad keeps locally and cannot get back from elsewhere: settings and
 * wrong-match reports (debunk lists come from the extension and from feeds). Import validates everything
 * and merges; a bad file changes nothing and says why.
 */
import type { WrongMatchRecord } from '../store/db';
import { normaliseSettings, type Settings } from '../settings/settings';
import { wrongMatchId } from '../store/wrong-matches';

export const EXPORT_FORMAT = 'sanad-export';

export interface SanadExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  settings: Settings;
  wrongMatches: WrongMatchRecord[];
}

export function makeExport(settings: Settings, wrongMatches: WrongMatchRecord[], now = new Date()): SanadExport {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), settings, wrongMatches };
}

export type ParsedImport =
  { ok: true; settings: Settings; wrongMatches: WrongMatchRecord[]; skipped: number } | { ok: false; error: string };

const str = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const d = data as Partial<SanadExport> | null;
  if (!d || typeof d !== 'object' || d.format !== EXPORT_FORMAT) return { ok: false, error: 'not a Sanad export file' };
  if (d.version !== 1) return { ok: false, error: `unsupported export version ${String(d.version)}` };
  const raw = Array.isArray(d.wrongMatches) ? d.wrongMatches : [];
  const wrongMatches: WrongMatchRecord[] = [];
  for (const item of raw.slice(0, 100_000)) {
    const r = (item ?? {}) as Partial<WrongMatchRecord>;
    const postKey = str(r.postKey, 300);
    const debunkId = str(r.debunkId, 300);
    if (!postKey || !debunkId) continue;
    const permalink = str(r.permalink, 2048);
    wrongMatches.push({
      id: wrongMatchId(postKey, debunkId),
      postKey,
      debunkId,
      ...(permalink && { permalink }),
      excerpt: typeof r.excerpt === 'string' ? r.excerpt.slice(0, 280) : '',
      reportedAt: typeof r.reportedAt === 'number' && Number.isFinite(r.reportedAt) ? r.reportedAt : Date.now(),
    });
  }
  return { ok: true, settings: normaliseSettings(d.settings), wrongMatches, skipped: raw.length - wrongMatches.length };
}
