/**
 * Fitting the stance model (lib/match/stance.ts) on the train splits of ../shared/eval/stance: per script
 * (ANS for Arabic, RumourEval for Latin-script posts) a logistic model over the cue kinds those sets have
 * (refutation, negation, question), label 1 for deny, 0 for assert. Fact-checkers' names, handles and links
 * do not occur in them: their weights are set by rule (FIXED_WEIGHTS), large enough to decide alone.
 * The bar is placed where at most MAX_ASSERT_LOST of the train assert posts would lose their badge; the dev
 * and test splits, never fitted on, tell what to expect.
 */
import { words } from '../../lib/text/normalise';
import { claimCueMask, mentionLogOdds, readStance } from '../../lib/match/stance';
import { CUE_KINDS, type CueKind, type StanceFeatures, type StanceWeights } from '../../lib/match/stance-types';
import { fitLogistic, percentile, seededShuffle } from './logistic';
import { readClefSpreading, readStancePairs, STANCE_SETS, type StancePair } from './stance-data';

/** Kinds weighed from data: negation, questions, and the contradiction cues read against the claim. */
const LEARNED: readonly CueKind[] = ['negation', 'question', 'swap', 'opposite', 'refusal'];
/**
 * Decisive by rule: a word that calls the claim false or fake (not in the claim itself), a fact-checker, a
 * link to a fact-check. The sets hold too few of them to weigh (ANS deny posts state the opposite fact and
 * rarely say "false"; RumourEval's labels are noisy), and on the train splits they cost 0.2 % (ANS) and
 * 1.4 % (RumourEval) of assert posts.
 */
const FIXED_WEIGHTS: Partial<StanceFeatures> = { refutation: 10, factChecker: 10, factCheckLink: 10 };
/** Share of train assert posts the bar may take the badge from (the target is ≤ 5 % lost, held out). */
const MAX_ASSERT_LOST = 0.03;

export const stanceOf = (pair: StancePair) => {
  const claimWords = words(pair.claim);
  return readStance({ text: pair.post, claimCues: claimCueMask(claimWords, pair.claim), claimWords }).features;
};

const FOLDS = 5;

/**
 * Cross-validation on the fitting rows: folds by claim (a claim's posts are all in one fold, as a held-out
 * set's claims are new), each fold read by the model fitted on the others.
 */
function crossValidated(rows: readonly StancePair[]): StanceFigures {
  const claims = seededShuffle([...new Set(rows.map((p) => p.claim))], 7);
  const foldOf = new Map(claims.map((claim, i) => [claim, i % FOLDS]));
  const total: StanceFigures = { deny: 0, denyCaught: 0, assert: 0, assertLost: 0 };
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fitScript(rows.filter((p) => foldOf.get(p.claim) !== fold));
    const f = stanceFigures(
      rows.filter((p) => foldOf.get(p.claim) === fold),
      model,
    );
    for (const key of Object.keys(total) as (keyof StanceFigures)[]) total[key] += f[key];
  }
  return total;
}

export interface StanceFigures {
  deny: number;
  denyCaught: number;
  assert: number;
  assertLost: number;
}

export function stanceFigures(pairs: readonly StancePair[], model: StanceWeights): StanceFigures {
  const f: StanceFigures = { deny: 0, denyCaught: 0, assert: 0, assertLost: 0 };
  for (const pair of pairs) {
    const mentions = mentionLogOdds(stanceOf(pair), model) >= 0;
    if (pair.stance === 'deny') {
      f.deny++;
      if (mentions) f.denyCaught++;
    } else if (pair.stance === 'assert') {
      f.assert++;
      if (mentions) f.assertLost++;
    }
  }
  return f;
}

function fitScript(train: readonly StancePair[]): StanceWeights {
  const rows = train.filter((p) => p.stance === 'assert' || p.stance === 'deny');
  const features = rows.map(stanceOf);
  const { weights, bias } = fitLogistic(
    features.map((f) => LEARNED.map((kind) => Math.min(f[kind], 3))),
    rows.map((p) => (p.stance === 'deny' ? 1 : 0)),
  );
  const model: StanceWeights = {
    bias,
    weights: Object.fromEntries(
      CUE_KINDS.map((kind) => [kind, FIXED_WEIGHTS[kind] ?? weights[LEARNED.indexOf(kind)] ?? 0]),
    ) as StanceFeatures,
  };
  // A cue kind that makes posts less likely to deny is not a reason to keep a badge: no negative weights.
  for (const kind of LEARNED) model.weights[kind] = Math.max(0, model.weights[kind]);
  // The bar: above the log-odds of all but MAX_ASSERT_LOST of the assert posts, and never below a post with no cue.
  const assertOdds = features.filter((_, i) => rows[i]!.stance === 'assert').map((f) => mentionLogOdds(f, { ...model, bias: 0 }));
  // Fixed weights stay decisive whatever the bar: it is placed among the learned kinds' sums.
  const ruled = Math.min(...Object.values(FIXED_WEIGHTS));
  const bar = Math.min(ruled - 1e-3, Math.max(percentile(assertOdds, 1 - MAX_ASSERT_LOST) + 1e-3, 1e-3));
  return { ...model, bias: -bar };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const share = (n: number, of: number) => `${n}/${of} (${((100 * n) / (of || 1)).toFixed(1)} %)`;

export function fitStanceModels(report: (line: string) => void = () => {}): Record<'latin' | 'arabic', StanceWeights> {
  const models = {} as Record<'latin' | 'arabic', StanceWeights>;
  for (const set of STANCE_SETS) {
    const pairs = readStancePairs(set.file);
    // CLEF dev tweets paired with their gold fact-check spread the claim (they are why it was checked): more
    // assert rows, in the kind of text Sanad reads, where negation is common without denying anything.
    const spreading = readClefSpreading(set.list);
    const fitRows = [...pairs.filter((p) => p.split === 'train'), ...spreading];
    const fitted = fitScript(fitRows);
    const model: StanceWeights = {
      bias: round(fitted.bias),
      weights: Object.fromEntries(CUE_KINDS.map((k) => [k, round(fitted.weights[k])])) as StanceFeatures,
    };
    models[set.script] = model;
    for (const split of ['train', 'dev', 'test'] as const) {
      const f = stanceFigures(
        pairs.filter((p) => p.split === split),
        model,
      );
      report(
        `${set.file} ${split}: deny posts read as mentions ${share(f.denyCaught, f.deny)}; assert posts read as mentions ${share(f.assertLost, f.assert)}`,
      );
    }
    const f = stanceFigures(spreading, model);
    report(`${set.list} dev tweets with their gold claim (fitted on): read as mentions ${share(f.assertLost, f.assert)}`);
    const cv = crossValidated(fitRows);
    report(
      `${set.file} train + ${set.list} tweets, ${FOLDS}-fold cross-validation by claim: deny posts read as mentions ${share(cv.denyCaught, cv.deny)}; assert posts read as mentions ${share(cv.assertLost, cv.assert)}`,
    );
  }
  return models;
}

export function stanceModelSource(models: Record<'latin' | 'arabic', StanceWeights>): string {
  // One weight a line, as Prettier lays the object out: the file passes `prettier --check` as written.
  const line = (m: StanceWeights) =>
    `{\n    bias: ${m.bias},\n    weights: {\n${CUE_KINDS.map((k) => `      ${k}: ${m.weights[k]},\n`).join('')}    },\n  }`;
  return `// Generated by \`npm run fit-stance\` (scripts/eval/stance-fit.ts) from ../shared/eval/stance train data; do not edit.
// Log-odds = bias + Σ weight × min(cues of the kind, 3); from 0 up the post only mentions the claim.
import type { StanceWeights } from './stance-types';

export const STANCE_MODEL: Record<'latin' | 'arabic', StanceWeights> = {
  latin: ${line(models.latin)},
  arabic: ${line(models.arabic)},
};
`;
}
