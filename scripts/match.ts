/**
 * The matcher as a command (the contract in ../shared/eval/README.md):
 *   npm run --silent match -- --debunks FILE --posts FILE [--top 5]
 * Prints one JSON line per post, best match first. Same code as the extension's background.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importClaimReviews, summariseSkipped } from '../lib/debunk/claimreview';
import { buildIndex } from '../lib/match/bm25-index';
import { matchPost } from '../lib/match/match';

const { values } = parseArgs({
  options: { debunks: { type: 'string' }, posts: { type: 'string' }, top: { type: 'string', default: '5' } },
});
if (!values.debunks || !values.posts) {
  console.error('usage: npm run --silent match -- --debunks FILE --posts FILE [--top 5]');
  process.exit(2);
}
const top = Number(values.top);
if (!Number.isInteger(top) || top < 1) {
  console.error(`--top must be a whole number ≥ 1, got ${values.top}`);
  process.exit(2);
}

const report = importClaimReviews(readFileSync(values.debunks, 'utf8'), 'cli');
if (report.skipped.length) console.error(summariseSkipped(report));
const index = buildIndex(report.debunks);

const out: string[] = [];
readFileSync(values.posts, 'utf8')
  .split(/\r?\n/)
  .forEach((line, i) => {
    if (!line.trim()) return;
    let post: { id?: unknown; text?: unknown; url?: unknown };
    try {
      post = JSON.parse(line);
    } catch {
      console.error(`posts line ${i + 1} is not JSON: skipped`);
      return;
    }
    const id = String(post.id ?? `line-${i + 1}`);
    const text = typeof post.text === 'string' ? post.text : '';
    const url = typeof post.url === 'string' ? post.url : undefined;
    const result = matchPost(index, { key: id, text, permalink: url }, { limit: top });
    const matches = result.candidates.slice(0, top).map((c) => ({ debunk: c.debunkId, score: c.score, badge: c.badge }));
    out.push(JSON.stringify({ post: id, matches }));
  });
process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
