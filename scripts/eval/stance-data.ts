/**
 * The stance sets of ../shared/eval/stance (real claim–post pairs labelled assert / deny / discuss /
 * unrelated), read for the stance fit and the eval. Research data: read here, never shipped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');

export type StanceLabel = 'assert' | 'deny' | 'discuss' | 'unrelated';

export interface StancePair {
  id: string;
  claim: string;
  post: string;
  stance: StanceLabel;
  lang: 'ar' | 'en';
  split: 'train' | 'dev' | 'test';
}

/** Each stance file with the fact-check list its claims are placed among and the script its model serves. */
export const STANCE_SETS = [
  { file: 'ans-ar.jsonl', list: 'clef-ar', script: 'arabic' },
  { file: 'rumoureval2017-en.jsonl', list: 'clef-en', script: 'latin' },
] as const;

export function readStancePairs(file: string): StancePair[] {
  const lines = readFileSync(resolve(EVAL_DIR, 'stance', file), 'utf8').split('\n');
  return lines
    .filter((l) => l.trim())
    .map((l, i) => {
      const pair = JSON.parse(l) as Partial<StancePair>;
      if (typeof pair.claim !== 'string' || typeof pair.post !== 'string' || !pair.stance || !pair.split)
        throw new Error(`${file} line ${i + 1}: not a stance pair (claim, post, stance, split)`);
      return pair as StancePair;
    });
}

/**
 * CLEF dev tweets paired with their gold fact-check's claim, as assert pairs: they spread the claim. The
 * claim is followed by the headline, as the matcher reads a debunk against a post (match.ts claimWordsOf):
 * the edit cues see the same words in the fit as in the extension.
 */
export function readClefSpreading(list: string): StancePair[] {
  const dir = resolve(EVAL_DIR, list);
  const claims = new Map<string, string>();
  for (const line of readFileSync(resolve(dir, 'debunks.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { identifier?: string; claimReviewed?: string; headline?: string };
    if (item.identifier && item.claimReviewed)
      claims.set(item.identifier, item.headline ? `${item.claimReviewed} ${item.headline}` : item.claimReviewed);
  }
  const posts = new Map<string, string>();
  for (const line of readFileSync(resolve(dir, 'dev/posts.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const post = JSON.parse(line) as { id: string; text: string };
    posts.set(post.id, post.text);
  }
  const pairs: StancePair[] = [];
  for (const line of readFileSync(resolve(dir, 'dev/qrels.tsv'), 'utf8').split('\n')) {
    const [postId, debunkId] = line.split('\t').map((s) => s.trim());
    const post = postId && posts.get(postId);
    const claim = debunkId && claims.get(debunkId);
    if (post && claim)
      pairs.push({ id: `${list}:${postId}`, claim, post, stance: 'assert', lang: list.endsWith('ar') ? 'ar' : 'en', split: 'train' });
  }
  return pairs;
}
