/**
 * The ordinary posts of ../shared/eval/ordinary (real posts that repeat no listed claim), per fact-check
 * list, split in two halves by a hash of each post's id: the decision fit learns from the "fit" half
 * (as posts no badge may land on) and `npm run eval` reports the "held" half, so no figure is read off the
 * posts it was fitted on. Research data: read here, never shipped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVAL_DIR } from './stance-data';

export interface OrdinaryPost {
  id: string;
  text: string;
}

export const ORDINARY_FILES: Record<'clef-en' | 'clef-ar', readonly string[]> = {
  'clef-en': ['tweeteval-sentiment-en.jsonl', 'tweeteval-stance-en.jsonl'],
  'clef-ar': ['arsarcasm-v2-ar.jsonl', 'mawqif-ar.jsonl'],
};

/** FNV-1a of the id: the same half on every run and machine, whatever the file order. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export type OrdinaryHalf = 'fit' | 'held';
export const halfOf = (id: string): OrdinaryHalf => (idHash(id) % 2 === 0 ? 'fit' : 'held');

export function readOrdinary(file: string, half?: OrdinaryHalf): OrdinaryPost[] {
  return readFileSync(resolve(EVAL_DIR, 'ordinary', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OrdinaryPost)
    .filter((post) => !half || halfOf(post.id) === half);
}
