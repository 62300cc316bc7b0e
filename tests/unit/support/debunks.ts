import { importClaimReviews } from '@/lib/debunk/claimreview';
import type { Debunk } from '@/lib/debunk/types';
import type { DebunkSummary, ListOrigin } from '@/lib/wire/shapes';
import { toDebunkSummary } from '@/lib/wire/debunk-summary';
import { projectFile, sharedFile } from './files';

export const BUNDLED_BODY = projectFile('public/default-debunks.json');
export const bundledDebunks = (): Debunk[] => importClaimReviews(BUNDLED_BODY, 'bundled').debunks;

export const AI_VIDEO_ID = 'sanad-misbar-2026-01-aleppo-captured-soldiers-ai';
export const OLD_HAMA_ID = 'sanad-misbar-2024-11-aleppo-mass-escape-old-hama-video';

export function makeDebunk(overrides: Partial<Debunk> = {}): Debunk {
  return {
    id: 'd-1',
    claim: 'A video shows soldiers captured in Aleppo',
    keywords: [],
    verdict: 'false',
    reasons: [{ kind: 'false-claim' }],
    publisher: { name: 'Test Desk' },
    appearances: [],
    source: 'test',
    ...overrides,
  };
}

/** Lines of the Arabic seed articles (realistic text for true news posts). */
export function seedText(file: string): string {
  return sharedFile(`seeds/${file}`);
}

/** A debunk as a card gets it; from the bundled list unless said otherwise. */
export function summaryOf(debunk: Debunk, list: Partial<ListOrigin> = {}): DebunkSummary {
  return toDebunkSummary(debunk, { id: debunk.source, trust: debunk.source === 'bundled' ? 'built-in' : 'unsigned', name: '', ...list });
}
