/**
 * The default debunk list shipped inside the extension. Imported on install, on update and whenever the
 * store lacks it; keyed by content hash so an unchanged list is not rewritten and a changed one replaces
 * the old one whole (no duplicates).
 */
import { importClaimReviews, summariseSkipped, type ImportReport } from '../debunk/claimreview';
import { replaceList, listRecord } from '../store/debunk-store';
import type { SanadDb } from '../store/db';
import { hashText } from '../text/hash';

export const BUNDLED_LIST_ID = 'bundled';
export const BUNDLED_LIST_PATH = '/default-debunks.json';

export async function ensureBundledList(db: SanadDb, body: string): Promise<ImportReport | null> {
  const version = hashText(body);
  const current = await listRecord(db, BUNDLED_LIST_ID);
  if (current?.version === version) return null;
  const report = importClaimReviews(body, BUNDLED_LIST_ID);
  // An empty or broken list must never replace a good one.
  if (!report.debunks.length) throw new Error(`bundled list unusable: ${summariseSkipped(report)}`);
  if (report.skipped.length) console.warn(`Sanad bundled list: ${summariseSkipped(report)}`);
  await replaceList(db, { id: BUNDLED_LIST_ID, version, skipped: report.skipped.length, importedAt: Date.now() }, report.debunks);
  return report;
}
