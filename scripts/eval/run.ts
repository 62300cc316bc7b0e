/**
 * `npm run eval`: claim-matching quality on ../shared/eval (CLEF CheckThat!, English and Arabic), with the same
 * matcher the extension runs. Prints MAP@1, MAP@5, Recall@5, badge precision and recall, and the false-badge
 * rate with each post's gold debunks removed; cross-checks the figures with ../shared/eval/score.py.
 * `--stability-only` prints just the list-stability figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importClaimReviews } from '../../lib/debunk/claimreview';
import { buildIndex } from '../../lib/match/bm25-index';
import { matchPost } from '../../lib/match/match';
import { falseBadgeRate, score, type RankedMatch, type Scores } from './metrics';
import { readStancePairs, STANCE_SETS, type StanceLabel } from './stance-data';
import { seededShuffle } from './logistic';
import { halfOf, ORDINARY_FILES, readOrdinary, type OrdinaryHalf } from './ordinary-data';
import type { Debunk } from '../../lib/debunk/types';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    split: { type: 'string', default: 'dev' },
    'no-scorer': { type: 'boolean', default: false },
    /** Only the list-stability figures (a minute or two instead of several). */
    'stability-only': { type: 'boolean', default: false },
  },
});
const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');
const OUT_DIR = resolve(import.meta.dirname, '../../eval-output');
const sets = values.set ?? ['clef-en', 'clef-ar'];

function readPosts(path: string): { id: string; text: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });
}

function readQrels(path: string): Map<string, Set<string>> {
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [post, debunk] = line.split('\t');
    if (!post || !debunk) continue;
    if (!gold.has(post)) gold.set(post, new Set());
    gold.get(post)!.add(debunk);
  }
  return gold;
}

const pct = (x: number) => x.toFixed(3);

function evaluate(set: string): { scores: Scores; falseBadge: number } {
  const dir = resolve(EVAL_DIR, set);
  const report = importClaimReviews(readFileSync(resolve(dir, 'debunks.jsonl'), 'utf8'), set);
  const posts = readPosts(resolve(dir, values.split!, 'posts.jsonl'));
  const gold = readQrels(resolve(dir, values.split!, 'qrels.tsv'));
  const started = performance.now();
  const index = buildIndex(report.debunks);
  const buildMs = performance.now() - started;

  const results = new Map<string, RankedMatch[]>();
  const withoutGold = new Map<string, RankedMatch[]>();
  const lines: string[] = [];
  const matchStarted = performance.now();
  for (const post of posts) {
    const candidates = matchPost(index, { key: post.id, text: post.text }, { limit: 5 }).candidates;
    const matches = candidates.map((c) => ({ debunk: c.debunkId, badge: c.badge, score: c.score }));
    results.set(post.id, matches);
    lines.push(JSON.stringify({ post: post.id, matches }));
    const exclude = gold.get(post.id) ?? new Set<string>();
    withoutGold.set(
      post.id,
      matchPost(index, { key: post.id, text: post.text }, { limit: 5, exclude }).candidates.map((c) => ({
        debunk: c.debunkId,
        badge: c.badge,
      })),
    );
  }
  const perPostMs = (performance.now() - matchStarted) / (2 * posts.length);

  const scores = score(gold, results);
  const falseBadge = falseBadgeRate(withoutGold);
  mkdirSync(OUT_DIR, { recursive: true });
  const resultsPath = resolve(OUT_DIR, `${set}-${values.split}.jsonl`);
  writeFileSync(resultsPath, `${lines.join('\n')}\n`);

  console.log(
    `\n${set}/${values.split}: ${posts.length} posts, ${report.debunks.length} debunks (index ${buildMs.toFixed(0)} ms, ${perPostMs.toFixed(2)} ms/post)`,
  );
  console.log(`  MAP@1 ${pct(scores.map1)}  MAP@5 ${pct(scores.map5)}  Recall@5 ${pct(scores.recall5)}`);
  console.log(`  badges ${scores.badges}: precision ${pct(scores.badgePrecision)}, recall ${pct(scores.badgeRecall)}`);
  console.log(
    `  false-badge rate with gold removed: ${pct(falseBadge)} (${Math.round(falseBadge * posts.length)} of ${posts.length} posts)`,
  );

  if (!values['no-scorer']) {
    const out = execFileSync('python3', [resolve(EVAL_DIR, 'score.py'), resolve(dir, values.split!, 'qrels.tsv'), resultsPath], {
      encoding: 'utf8',
    });
    const py = JSON.parse(out) as Record<string, number>;
    const pairs: [string, number, number][] = [
      ['map1', scores.map1, py.map1!],
      ['map5', scores.map5, py.map5!],
      ['recall5', scores.recall5, py.recall5!],
      ['badge_precision', scores.badgePrecision, py.badge_precision!],
      ['badge_recall', scores.badgeRecall, py.badge_recall!],
    ];
    const off = pairs.filter(([, ours, theirs]) => Math.abs(ours - theirs) > 1e-4);
    if (off.length || py.badges !== scores.badges) {
      console.error(`  score.py disagrees: ${JSON.stringify(py)}`);
      process.exitCode = 1;
    } else {
      console.log('  score.py agrees');
    }
  }
  return { scores, falseBadge };
}

/**
 * Stance: each stance file's claims placed among the thousands of fact-checks of its language, its held-out
 * posts (dev and test splits: the stance model is fitted on train) matched with and without the stance step.
 * Only assert posts may be badged.
 */
function evaluateStance(file: string, list: string): void {
  const pairs = readStancePairs(file).filter((p) => p.split !== 'train');
  const claimIds = new Map<string, string>();
  const claims = [...new Set(pairs.map((p) => p.claim))].map((claim, i) => {
    claimIds.set(claim, `stance-claim-${i}`);
    return JSON.stringify({ '@type': 'ClaimReview', identifier: `stance-claim-${i}`, claimReviewed: claim });
  });
  const listText = readFileSync(resolve(EVAL_DIR, list, 'debunks.jsonl'), 'utf8');
  const index = buildIndex(importClaimReviews(`${listText}\n${claims.join('\n')}`, list).debunks);
  const counts = new Map<StanceLabel, { posts: number; badged: number; badgedWithoutStance: number; mentions: number }>();
  for (const pair of pairs) {
    const c = counts.get(pair.stance) ?? { posts: 0, badged: 0, badgedWithoutStance: 0, mentions: 0 };
    const post = { key: pair.id, text: pair.post };
    const withStance = matchPost(index, post).candidates;
    c.posts++;
    if (withStance.some((m) => m.badge)) c.badged++;
    if (withStance.some((m) => m.mentions)) c.mentions++;
    if (matchPost(index, post, { stance: false }).candidates.some((m) => m.badge)) c.badgedWithoutStance++;
    counts.set(pair.stance, c);
  }
  console.log(`\nstance ${file} (dev + test, claims among ${list}'s ${index.ids.length - claims.length} fact-checks):`);
  for (const [stance, c] of [...counts].sort()) {
    const kept = c.badgedWithoutStance
      ? ` (${pct(c.badged / c.badgedWithoutStance)} of the ${c.badgedWithoutStance} badged without the stance step)`
      : '';
    console.log(
      `  ${stance}: ${c.posts} posts, badged ${pct(c.badged / c.posts)}${kept}; "mentions a fact-checked claim" ${pct(c.mentions / c.posts)}`,
    );
  }
}

/**
 * What the stance step costs the CLEF badges: the dev posts (which spread their claims) matched with and
 * without it, counting badges on a gold debunk. The ones it takes are listed so a person can read them.
 */
function evaluateStanceCost(set: string): void {
  const dir = resolve(EVAL_DIR, set);
  const index = buildIndex(importClaimReviews(readFileSync(resolve(dir, 'debunks.jsonl'), 'utf8'), set).debunks);
  const gold = readQrels(resolve(dir, values.split!, 'qrels.tsv'));
  const posts = readPosts(resolve(dir, values.split!, 'posts.jsonl'));
  // As badge recall counts them (metrics.ts): the first candidate badged, and one of the post's gold.
  const correctBadge = (post: { id: string; text: string }, stance: boolean) => {
    const first = matchPost(index, { key: post.id, text: post.text }, { stance }).candidates[0];
    return !!first?.badge && !!gold.get(post.id)?.has(first.debunkId);
  };
  let without = 0;
  const taken: string[] = [];
  for (const post of posts) {
    if (!correctBadge(post, false)) continue;
    without++;
    if (!correctBadge(post, true)) taken.push(`  ${post.id}: ${post.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  const kept = without - taken.length;
  console.log(
    `\n${set}/${values.split} stance cost: correct badges ${without} without the stance step, ${kept} with it (badge recall ${pct(without / (gold.size || 1))} → ${pct(kept / (gold.size || 1))}); taken:`,
  );
  for (const line of taken) console.log(line);
}

/** Each post's decision: the debunk it is badged for, or '' for none. */
function decisions(debunks: readonly Debunk[], posts: readonly { id: string; text: string }[]): string[] {
  const index = buildIndex(debunks);
  return posts.map((post) => matchPost(index, { key: post.id, text: post.text }).candidates.find((c) => c.badge)?.debunkId ?? '');
}

/**
 * List stability: adding or removing debunks that have nothing to do with a post must not change whether it
 * is badged. For 1, 10 and 100 random debunks that are no dev post's gold (seeded, so runs agree), the share
 * of dev posts whose decision changes when they are added to or removed from the list: the full list, and
 * small lists (each post's gold debunks plus 1, 9 or 49 random unrelated ones: the demo list, a user's few
 * subscriptions), where the term statistics are the list's own and drift most, and 949 (adding 100 crosses
 * DECISION.minListForRivals, where the decision switches model).
 */
function evaluateStability(set: string): void {
  const dir = resolve(EVAL_DIR, set);
  const all = importClaimReviews(readFileSync(resolve(dir, 'debunks.jsonl'), 'utf8'), set).debunks;
  const posts = readPosts(resolve(dir, values.split!, 'posts.jsonl'));
  const qrels = readQrels(resolve(dir, values.split!, 'qrels.tsv'));
  const gold = new Set([...qrels.values()].flatMap((g) => [...g]));
  const unrelated = seededShuffle(
    all.filter((d) => !gold.has(d.id)),
    17,
  );
  const pool = new Set(unrelated.slice(0, 100).map((d) => d.id));
  const base = all.filter((d) => !pool.has(d.id));
  const baseDecisions = decisions(base, posts);
  const flips = (variant: readonly Debunk[]) => {
    const changed = decisions(variant, posts).filter((d, i) => d !== baseDecisions[i]).length;
    return `${pct(changed / posts.length)} (${changed})`;
  };
  const parts: string[] = [];
  for (const n of [1, 10, 100]) {
    const added = [...base, ...unrelated.slice(0, n)];
    const removedIds = new Set(unrelated.slice(100, 100 + n).map((d) => d.id));
    parts.push(`±${n}: added ${flips(added)}, removed ${flips(base.filter((d) => !removedIds.has(d.id)))}`);
  }
  console.log(`\n${set}/${values.split} list stability (share of ${posts.length} posts whose decision changes):`);
  console.log(`  full list (${base.length}): ${parts.join('; ')}`);
  for (const others of [1, 9, 49, 949]) console.log(`  ${smallListStability(posts, qrels, all, unrelated, others)}`);
}

/**
 * Small-list stability: each post's list is its gold debunks and `others` unrelated ones drawn for it
 * (seeded by the post's position); its decision there is compared with the decision after adding 1, 10 and
 * 100 further unrelated debunks, and after removing 1, 10 or 100 of its `others` where it has that many.
 */
function smallListStability(
  posts: readonly { id: string; text: string }[],
  qrels: Map<string, Set<string>>,
  all: readonly Debunk[],
  unrelated: readonly Debunk[],
  others: number,
): string {
  const byId = new Map(all.map((d) => [d.id, d]));
  // The post's decision (the debunk it is badged for, or '') and its best candidate.
  const decide = (list: readonly Debunk[], post: { id: string; text: string }) => {
    const [best] = matchPost(buildIndex(list), { key: post.id, text: post.text }).candidates;
    return { badge: best?.badge ? best.debunkId : '', best: best?.debunkId ?? '' };
  };
  const sizes = [1, 10, 100];
  // Per change: posts whose decision changed, and of them those whose best candidate changed too (one of the
  // debunks added outranks the gold: often another fact-check of the same claim, which the full list has too).
  const added = new Map(sizes.map((n) => [n, { changed: 0, switched: 0 }]));
  const removed = new Map(sizes.filter((n) => n <= others).map((n) => [n, { changed: 0, switched: 0 }]));
  type Decision = ReturnType<typeof decide>;
  const count = (into: { changed: number; switched: number }, before: Decision, after: Decision) => {
    if (after.badge === before.badge) return;
    into.changed++;
    if (after.best !== before.best) into.switched++;
  };
  let badged = 0;
  let listSize = 0;
  posts.forEach((post, i) => {
    const goldDebunks = [...(qrels.get(post.id) ?? [])].flatMap((id) => byId.get(id) ?? []);
    // A window of the shuffled unrelated debunks, at a different place for each post.
    const start = (i * 7919) % Math.max(1, unrelated.length - others - 100);
    const mine = unrelated.slice(start, start + others);
    const extra = unrelated.slice(start + others, start + others + 100);
    const list = [...goldDebunks, ...mine];
    listSize += list.length;
    const before = decide(list, post);
    if (before.badge) badged++;
    for (const n of sizes) count(added.get(n)!, before, decide([...list, ...extra.slice(0, n)], post));
    for (const [n, into] of removed) count(into, before, decide([...goldDebunks, ...mine.slice(n)], post));
  });
  const share = ({ changed, switched }: { changed: number; switched: number }) =>
    `${pct(changed / posts.length)} (${changed}${switched ? `, ${switched} with another best candidate` : ''})`;
  const parts = sizes.map((n) => `±${n}: added ${share(added.get(n)!)}, removed ${removed.has(n) ? share(removed.get(n)!) : '-'}`);
  return `gold + ${others} unrelated (about ${Math.round(listSize / posts.length)} debunks, ${badged} posts badged): ${parts.join('; ')}`;
}

/**
 * Ordinary posts (../shared/eval/ordinary: real posts that repeat no listed claim) against the full list of
 * their language: every badge is a candidate false alarm, listed so a person can read it. The decision fit
 * learns from the "fit" half of each file; the figure to quote is the "held" half's.
 */
function evaluateOrdinary(list: 'clef-en' | 'clef-ar'): void {
  const index = buildIndex(importClaimReviews(readFileSync(resolve(EVAL_DIR, list, 'debunks.jsonl'), 'utf8'), list).debunks);
  for (const file of ORDINARY_FILES[list]) {
    const badgedIn = (half: OrdinaryHalf) => {
      const posts = readOrdinary(file, half);
      const badged = posts.flatMap((post) => {
        const badge = matchPost(index, { key: post.id, text: post.text }).candidates.find((c) => c.badge);
        return badge ? [{ post, badge }] : [];
      });
      return { posts, badged };
    };
    const held = badgedIn('held');
    const fit = badgedIn('fit');
    console.log(
      `\nordinary ${file} against ${list}: held-out half ${held.posts.length} posts, badged ${pct(held.badged.length / held.posts.length)} (${held.badged.length}); fitted-on half ${fit.posts.length} posts, badged ${pct(fit.badged.length / fit.posts.length)} (${fit.badged.length})`,
    );
    for (const { post, badge } of [...held.badged, ...fit.badged])
      console.log(`  ${halfOf(post.id)} ${post.id} → ${badge.debunkId}: ${post.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}

if (!values['stability-only']) {
  for (const set of sets) evaluate(set);
  for (const set of sets) if (set === 'clef-en' || set === 'clef-ar') evaluateOrdinary(set);
  if (!values.set) for (const { file, list } of STANCE_SETS) evaluateStance(file, list);
  if (!values.set) for (const set of sets) evaluateStanceCost(set);
}
for (const set of sets) evaluateStability(set);
