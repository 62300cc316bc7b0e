/**
 * Fitting the badge decision (lib/match/decide.ts) on the ../shared/eval dev sets: per script (clef-en for
 * Latin-script posts, clef-ar for Arabic) a model that weighs the rivals and one without them for small
 * lists. `npm run fit-decision` writes them to lib/match/decision-model.generated.ts; a unit test checks that
 * the shipped models are exactly what this fit gives.
 *
 * Every post is matched twice: against the list as given (its best candidate should badge when it is a true
 * debunk) and with its true debunks removed (any badge is then wrong). The bar is the lowest that keeps the
 * false-badge rate ≤ 1.6 % and precision ≥ 0.96 on the data it was fitted on (1.6 % rather than 2 %: with
 * 1.8 % the cross-validated rate reached 2.1 %). 5-fold cross-validation by claim (3 shuffles) tells what to
 * expect on posts, and claims, the model has not seen.
 *
 * The model without rivals decides on lists under 1,000 debunks, where its word features come from the
 * background statistics alone (listFreeEvidence in lib/match/claim-overlap.ts): it is fitted on such lists. Each post gets one made of its gold
 * debunks, the debunks nearest to it in the full list (the hardest near misses: another part of a series,
 * another place) and random others, 2, 10 and 50 debunks in turn; with its gold removed the nearest ones
 * remain. Fitted on the full list instead, it badged a casualty report on the two-item demo list, where
 * words common among fact-checks ("الجيش", "السوري") weigh as the rare words they are in ordinary language.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importClaimReviews } from '../../lib/debunk/claimreview';
import { buildIndex, type MatchIndex } from '../../lib/match/bm25-index';
import type { Debunk } from '../../lib/debunk/types';
import { rankText, textEvidence } from '../../lib/match/match';
import { readPost } from '../../lib/match/terms';
import { badgeLogOdds, DECISION, modelFor, rawDecisionFeatures, type TextEvidence } from '../../lib/match/decide';
import {
  RIVAL_FEATURES,
  type DecisionModels,
  type DecisionWeights,
  type FeatureName,
  type ScriptModels,
} from '../../lib/match/decision-types';
import {
  figuresAt,
  fitLogistic,
  lowestSafeBar,
  percentile,
  seededShuffle,
  type DecisionCase,
  type DecisionFigures,
  type DecisionLimits,
} from './logistic';
import { ORDINARY_FILES, readOrdinary } from './ordinary-data';

const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');
/**
 * maxOrdinaryRate 0.15 % on the fitted-on half leaves room for the 0.3 % target on posts not fitted on: with
 * 0.2 % the held-out half had 8 of 3,061 English posts badged (5 of 1,534 TweetEval sentiment, 0.33 %), with
 * 0.15 % 5 of 3,061, at cross-validated recall 0.485–0.500 instead of 0.513–0.529 and gold-removed false
 * badges 1.0–1.3 % instead of 1.5–2.0 % (by claim; 0.1 %: recall 0.418–0.426, 2 of 3,061).
 */
export const LIMITS: DecisionLimits = { maxFalseBadgeRate: 0.016, minPrecision: 0.96, maxOrdinaryRate: 0.0015 };
const FOLDS = 5;
/**
 * What each model weighs. The Arabic set has 348 posts: the extra English features (log coverages, the third
 * candidate) lowered its cross-validated recall (0.425–0.428 → 0.411–0.425), so it goes without them.
 */
const BASIC: FeatureName[] = ['coverage', 'queryCoverage', 'runnerUpRatio', 'logWords', 'logDebunkWeight', 'logPostWeight'];
/** What each script's two models weigh (the model without rivals drops the rival features). */
export interface ModelFeatures {
  withRivals: readonly FeatureName[];
  alone: readonly FeatureName[];
}
const LATIN: FeatureName[] = [...BASIC, 'logCoverage', 'logQueryCoverage', 'thirdRatio', 'gramSimilarity', 'gramLead'];
const ARABIC: FeatureName[] = [...BASIC, 'gramSimilarity', 'gramLead'];
/**
 * English also weighs the share of the claim's rarest stems the post has and of the post's rarest the claim has
 * (claim-overlap.ts): cross-validated recall 0.493–0.497 → 0.513–0.528 at precision 0.990–0.992. Word pairs, figures
 * and relative length added nothing beyond noise (0.502–0.523); the model for small lists lost recall with the
 * claim's rarest stems (0.354–0.360 → 0.314–0.323) and keeps only the post's.
 */
export const FEATURES: Record<'latin' | 'arabic', ModelFeatures> = {
  latin: { withRivals: [...LATIN, 'rareShare', 'postRareShare'], alone: [...LATIN, 'postRareShare'] },
  // The Arabic model with rivals, with the same two (cross-validated recall 0.425–0.428 → 0.428–0.443, small lists 0.319–0.333 →
  // 0.365–0.382) made its decisions drift more with the list (full list ±100: 0.3 → 0.6 %; 10-debunk lists
  // ±10: 0.3 → 0.6 %) and badged more ANS denials (23.4 → 25.5 %): left out.
  // The model for small lists weighs the post's rarest stems too: its features come from the background alone,
  // so they cannot drift, and cross-validated small-list recall is 0.296–0.348 with it, 0.299–0.322 without
  // (within noise); with it the seed paraphrase "فديو اسرى الجيش السوري عند قسد بمدينة حلب" badges on the
  // two-item list (log-odds 0.09, without −0.14), which tipped the choice.
  arabic: { withRivals: ARABIC, alone: [...ARABIC, 'postRareShare'] },
};
const SEEDS = [1, 2, 3];
/**
 * Whether a list's model learns from ordinary posts (the "fit" half of ../shared/eval/ordinary) as posts no
 * badge may land on. English: its ordinary posts were badged 0.7–1.0 % without them, 0.2–0.3 % (held-out
 * half) with them. Arabic posts were badged ≤ 0.1 % without them, and fitting on them moved the Arabic bar
 * so that 44 more ANS deny posts (of 713) got the badge: not worth it.
 */
const ORDINARY_NEGATIVES: Record<'clef-en' | 'clef-ar', boolean> = { 'clef-en': true, 'clef-ar': false };

interface Row {
  post: string;
  /** What cross-validation keeps together: the post's gold debunks (posts repeating one claim fall in one fold,
   * so a fold's claims are new to the models scored on it), or the post itself when it has none. */
  group: string;
  goldRemoved: boolean;
  correct: boolean;
  /** An ordinary post (the "fit" half of ../shared/eval/ordinary): no badge may land on it. */
  ordinary?: boolean;
  /** Matched against a small list of its own (see smallListRow): what the model without rivals learns from. */
  small?: boolean;
  evidence: TextEvidence;
  features: Record<FeatureName, number>;
}

function readLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** How many unrelated debunks each post's small list has besides its gold and nearest ones, in turn. */
const SMALL_LIST_OTHERS = [1, 9, 49];
/** How many of the debunks nearest to the post (its gold aside) a small list holds, at most. */
const NEAREST = 3;

/**
 * The evidence about a post's best candidate on a small list: its gold debunks (unless `goldRemoved`), the
 * `others` non-gold debunks nearest to it in the full index (up to NEAREST), and random ones to fill up.
 */
function smallListRow(
  full: MatchIndex,
  all: readonly Debunk[],
  shuffled: readonly Debunk[],
  post: { id: string; text: string },
  gold: ReadonlySet<string>,
  turn: number,
): Row[] {
  const text = readPost(post.text);
  const others = SMALL_LIST_OTHERS[turn % SMALL_LIST_OTHERS.length]!;
  const nearest = rankText(full, text, NEAREST, (doc) => gold.has(full.ids.at(doc)))
    .slice(0, Math.min(NEAREST, others))
    .map((c) => all[c.doc]!);
  const taken = new Set([...gold, ...nearest.map((d) => d.id)]);
  const start = (turn * 7919) % shuffled.length;
  const random: Debunk[] = [];
  for (let i = start; random.length < others - nearest.length; i = (i + 1) % shuffled.length)
    if (!taken.has(shuffled[i]!.id)) random.push(shuffled[i]!);
  const goldDebunks = all.filter((d) => gold.has(d.id));
  const rows: Row[] = [];
  for (const goldRemoved of goldDebunks.length ? [false, true] : [true]) {
    const index = buildIndex([...(goldRemoved ? [] : goldDebunks), ...nearest, ...random]);
    const ranked = rankText(index, text, 3, () => false);
    if (!ranked.length) continue;
    const evidence = textEvidence(index, text, ranked);
    rows.push({
      post: post.id,
      group: gold.size ? [...gold].sort().join(' ') : post.id,
      goldRemoved,
      correct: gold.has(index.ids.at(ranked[0]!.doc)),
      small: true,
      evidence,
      features: rawDecisionFeatures(evidence),
    });
  }
  return rows;
}

/** The evidence about each post's best candidate, with the list as given and with the post's gold removed. */
export function casesOf(set: 'clef-en' | 'clef-ar'): { rows: Row[]; posts: number; ordinaryPosts: number } {
  const dir = resolve(EVAL_DIR, set);
  const all = importClaimReviews(readFileSync(resolve(dir, 'debunks.jsonl'), 'utf8'), set).debunks;
  const index = buildIndex(all);
  const shuffled = seededShuffle(all, 29);
  const posts = readLines<{ id: string; text: string }>(resolve(dir, 'dev/posts.jsonl'));
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(resolve(dir, 'dev/qrels.tsv'), 'utf8').split('\n')) {
    const [post, debunk] = line.split('\t').map((s) => s.trim());
    if (post && debunk) gold.set(post, (gold.get(post) ?? new Set()).add(debunk));
  }
  const rows: Row[] = [];
  let turn = 0;
  for (const post of posts) {
    const text = readPost(post.text);
    // Posts this short never badge on text alone: nothing to learn from them.
    if (text.terms.size < DECISION.minWords) continue;
    const g = gold.get(post.id) ?? new Set<string>();
    rows.push(...smallListRow(index, all, shuffled, post, g, turn++));
    for (const goldRemoved of [false, true]) {
      const ranked = rankText(index, text, 3, (doc) => goldRemoved && g.has(index.ids.at(doc)));
      if (!ranked.length) continue;
      const evidence = textEvidence(index, text, ranked);
      rows.push({
        post: post.id,
        group: g.size ? [...g].sort().join(' ') : post.id,
        goldRemoved,
        correct: g.has(index.ids.at(ranked[0]!.doc)),
        evidence,
        features: rawDecisionFeatures(evidence),
      });
    }
  }
  // Ordinary posts against the same list: any badge on one is wrong.
  let ordinaryPosts = 0;
  for (const file of ORDINARY_NEGATIVES[set] ? ORDINARY_FILES[set] : []) {
    for (const post of readOrdinary(file, 'fit')) {
      ordinaryPosts++;
      const text = readPost(post.text);
      if (text.terms.size < DECISION.minWords) continue;
      const ranked = rankText(index, text, 3, () => false);
      if (!ranked.length) continue;
      const evidence = textEvidence(index, text, ranked);
      rows.push({
        post: post.id,
        group: post.id,
        goldRemoved: false,
        correct: false,
        ordinary: true,
        evidence,
        features: rawDecisionFeatures(evidence),
      });
      for (const row of smallListRow(index, all, shuffled, post, new Set(), turn++))
        rows.push({ ...row, goldRemoved: false, ordinary: true });
    }
  }
  return { rows, posts: posts.length, ordinaryPosts };
}

const label = (r: Row) => (!r.goldRemoved && r.correct ? 1 : 0);
const asCases = (rows: readonly Row[], score: (r: Row) => number): DecisionCase[] =>
  rows.map((r) => ({ post: r.post, goldRemoved: r.goldRemoved, correct: r.correct, ordinary: r.ordinary, logOdds: score(r) }));
const distinctPosts = (rows: readonly Row[], ordinary = false) =>
  new Set(rows.filter((r) => !!r.ordinary === ordinary && !r.small).map((r) => r.post)).size;

/** How many posts (dev posts, ordinary posts) a fit on `rows` stands for. */
interface PostCounts {
  posts: number;
  ordinaryPosts: number;
}

/** Fits a model on the rows it applies to, holds features within their range there, and shifts the bias so
 * the bar is 0. */
function fitModel(rows: readonly Row[], counts: PostCounts, names: readonly FeatureName[]): DecisionWeights {
  const usable = rows.filter((r) => names.every((name) => Number.isFinite(r.features[name])));
  const { weights, bias } = fitLogistic(
    usable.map((r) => names.map((name) => r.features[name])),
    usable.map(label),
  );
  const column = (name: FeatureName) => usable.map((r) => r.features[name]);
  const model: DecisionWeights = {
    bias,
    weights: Object.fromEntries(names.map((name, i) => [name, weights[i]!])),
    ranges: Object.fromEntries(names.map((name) => [name, [percentile(column(name), 0.01), percentile(column(name), 0.99)]])),
  };
  const bar = lowestSafeBar(
    asCases(usable, (r) => badgeLogOdds(r.evidence, model)),
    counts.posts,
    LIMITS,
    counts.ordinaryPosts,
  );
  return { ...model, bias: model.bias - bar };
}

/** The model with rivals, fitted on the full list, and the one without them, fitted on small lists. */
export function fitScript(rows: readonly Row[], counts: PostCounts, names: ModelFeatures): ScriptModels {
  return {
    withRivals: fitModel(
      rows.filter((r) => !r.small),
      counts,
      names.withRivals,
    ),
    alone: fitModel(
      rows.filter((r) => r.small),
      counts,
      names.alone.filter((name) => !RIVAL_FEATURES.includes(name)),
    ),
  };
}

/** How the extension decides a row: with rivals when there are some. */
export const decide = (models: ScriptModels, r: Row) => badgeLogOdds(r.evidence, modelFor(r.evidence, models));

/** Figures on posts held out of the fit: each fold scored by models fitted on the other four. */
export function crossValidated(
  rows: readonly Row[],
  counts: PostCounts,
  seed: number,
  score: (models: ScriptModels, r: Row) => number,
  names: ModelFeatures,
  small: boolean,
): DecisionFigures {
  const order = seededShuffle([...new Set(rows.map((r) => r.group))], seed);
  const foldOf = new Map(order.map((group, i) => [group, i % FOLDS]));
  const held: DecisionCase[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = rows.filter((r) => foldOf.get(r.group) !== fold);
    // Posts too short to have rows still count, in proportion.
    const models = fitScript(
      train,
      {
        posts: (counts.posts * distinctPosts(train)) / distinctPosts(rows),
        ordinaryPosts: (counts.ordinaryPosts * distinctPosts(train, true)) / (distinctPosts(rows, true) || 1),
      },
      names,
    );
    held.push(
      ...asCases(
        rows.filter((r) => foldOf.get(r.group) === fold && !!r.small === small),
        (r) => score(models, r),
      ),
    );
  }
  return figuresAt(held, 0, counts.posts, counts.ordinaryPosts);
}

const f3 = (x: number) => x.toFixed(3);
const show = (f: DecisionFigures) =>
  `precision ${f3(f.precision)}, recall ${f3(f.recall)}, false badges with gold removed ${(f.falseBadgeRate * 100).toFixed(1)} %, ordinary posts badged ${(f.ordinaryRate * 100).toFixed(2)} %`;
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const rounded = (model: DecisionWeights): DecisionWeights => ({
  bias: round(model.bias),
  weights: Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, round(v)])),
  ranges: Object.fromEntries(Object.entries(model.ranges).map(([k, [lo, hi]]) => [k, [round(lo), round(hi)]])),
});

/** Fits all models (rounded as shipped), reporting figures through `report`. */
export function fitDecisionModels(options: { crossValidate?: boolean; report?: (line: string) => void } = {}): DecisionModels {
  const { crossValidate = true, report = () => {} } = options;
  const models = {} as DecisionModels;
  for (const [set, script] of [
    ['clef-en', 'latin'],
    ['clef-ar', 'arabic'],
  ] as const) {
    const { rows, posts, ordinaryPosts } = casesOf(set);
    const counts = { posts, ordinaryPosts };
    const names = FEATURES[script];
    report(`\n${set}/dev (${script}): ${posts} posts and ${ordinaryPosts} ordinary posts, ${rows.length} cases`);
    if (crossValidate) {
      for (const seed of SEEDS)
        report(`  cross-validated, shuffle ${seed}: ${show(crossValidated(rows, counts, seed, decide, names, false))}`);
      const alone = (m: ScriptModels, r: Row) => badgeLogOdds(r.evidence, m.alone);
      for (const seed of SEEDS)
        report(
          `  small lists (without rivals), cross-validated, shuffle ${seed}: ${show(crossValidated(rows, counts, seed, alone, names, true))}`,
        );
    }
    const fitted = fitScript(rows, counts, names);
    models[script] = { withRivals: rounded(fitted.withRivals), alone: rounded(fitted.alone) };
    for (const small of [false, true])
      report(
        `  fitted on all${small ? ', small lists' : ''}: ${show(
          figuresAt(
            asCases(
              rows.filter((r) => !!r.small === small),
              (r) => decide(models[script], r),
            ),
            0,
            posts,
            ordinaryPosts,
          ),
        )}`,
      );
  }
  return models;
}

/** lib/match/decision-model.generated.ts for `models`: unquoted keys, [low, high] pairs on one line, trailing commas. */
export function decisionModelSource(models: DecisionModels): string {
  const body = JSON.stringify(models, null, 2)
    .replace(/"(\w+)":/g, '$1:')
    .replace(/\[\s+(-?[\d.e-]+),\s+(-?[\d.e-]+)\s+\]/g, '[$1, $2]')
    .replace(/([\d\]}])\n/g, '$1,\n');
  return `// Generated by \`npm run fit-decision\` (scripts/eval/decision-fit.ts) from ../shared/eval dev data; do not edit.
// Log-odds = bias + Σ weight × feature (rawDecisionFeatures in decide.ts, each held within its range);
// a post badges from 0 up.
import type { DecisionModels } from './decision-types';

export const DECISION_MODEL: DecisionModels = ${body};
`;
}
