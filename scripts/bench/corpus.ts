/**
 * Benchmark corpora: the CLEF English fact-checks scaled up with perturbed copies (words swapped in from
 * other claims, some dropped), so a 100,000-item list has realistic vocabulary and posting-list lengths.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importClaimReviews } from '../../lib/debunk/claimreview';
import type { Debunk } from '../../lib/debunk/types';

export const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');

/** A small deterministic PRNG (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function baseDebunks(): Debunk[] {
  return importClaimReviews(readFileSync(resolve(EVAL_DIR, 'clef-en/debunks.jsonl'), 'utf8'), 'bench').debunks;
}

export function scaledDebunks(count: number, seed = 1): Debunk[] {
  const base = baseDebunks();
  const rand = random(seed);
  const vocabulary = base.flatMap((d) => d.claim.split(/\s+/));
  const perturb = (text: string) =>
    text
      .split(/\s+/)
      .filter(() => rand() > 0.1)
      .map((w) => (rand() < 0.25 ? vocabulary[Math.floor(rand() * vocabulary.length)]! : w))
      .join(' ');
  const out: Debunk[] = base.slice(0, count);
  for (let i = out.length; i < count; i++) {
    const d = base[i % base.length]!;
    out.push({
      ...d,
      id: `${d.id}~${i}`,
      claim: perturb(d.claim),
      ...(d.headline && { headline: perturb(d.headline) }),
      ...(d.conclusion && { conclusion: perturb(d.conclusion) }),
      appearances: [`https://x.com/bench/status/${1_000_000_000 + i}`],
    });
  }
  return out;
}

export function benchPosts(count: number, file = 'clef-en/dev/posts.jsonl'): { id: string; text: string }[] {
  const lines = readFileSync(resolve(EVAL_DIR, file), 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, count).map((l) => JSON.parse(l) as { id: string; text: string });
}
