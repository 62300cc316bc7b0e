/**
 * Fitting the stance model (lib/match/stance.ts) on the train splits of ../shared/eval/stance: per script
 * (ANS for Arabic, RumourEval for Latin-script posts) a logistic model over the cue kinds those sets have
 * (refutation, negation, question), label 1 for deny, 0 for assert. Fact-checkers' names, handles and links
 * do not occur in them: their weights are set by rule (FIXED_WEIGHTS), large enough to decide alone.
 * The bar is placed where at most MAX_ASSERT_LOST of the train assert posts would lose their badge; the dev
 * and test splits, never fitted on, tell what to expect.
 */
import { words } from '../../lib/text/normalise';
import { claimCueMask, editWeight, mentionLogOdds, readStance } from '../../lib/match/stance';
import { CUE_KINDS, type CueKind, type StanceFeatures, type StanceWeights } from '../../lib/match/stance-types';
import { fitLogistic, percentile, seededShuffle } from './logistic';
import { readClefSpreading, readStancePairs, STANCE_SETS, type StancePair } from './stance-data';

/**
 * Kinds weighed from data: negation, questions, the contradiction cues and the edit cues read against the
 * claim (contradiction.ts, edits.ts), and the edit lexicon's weight of the words a near copy changed.
 */
const LEARNED: readonly CueKind[] = [
  'negation',
  'question',
  'swap',
  'opposite',
  'refusal',
  'substitution',
  'nominalSwap',
  'swapOne',
  'reversal',
  'inPlace',
  'oneSlot',
  'figureSwap',
  'verbSwap',
  'nameSwap',
  'negatedCopy',
  'editWords',
];
/**
 * Decisive by rule: a word that calls the claim false or fake (not in the claim itself), a fact-checker, a
 * link to a fact-check. The sets hold too few of them to weigh (ANS deny posts state the opposite fact and
 * rarely say "false"; RumourEval's labels are noisy), and on the train splits they cost 0.2 % (ANS) and
 * 1.4 % (RumourEval) of assert posts.
 */
const FIXED_WEIGHTS: Partial<StanceFeatures> = { refutation: 10, factChecker: 10, factCheckLink: 10 };
/**
 * Share of assert posts the bar may take the badge from, in cross-validation by claim. Arabic spends the
 * target (≥ 95 % of assert badges kept) on all fitting asserts, most of which would never badge, so the
 * badges lost are fewer (ANS dev + test: 6 of 369). Latin script keeps 3 %: RumourEval's denials are
 * replies the near-copy cues do not read, and a higher bar only takes spreading CLEF tweets.
 */
const MAX_ASSERT_LOST: Record<'latin' | 'arabic', number> = { arabic: 0.05, latin: 0.03 };
/**
 * Shares of the fitting rows' assert posts the bar is tried at, highest first: the first whose
 * cross-validated loss is within MAX_ASSERT_LOST is kept (the fitted lexicon reads its own rows a little
 * better than new claims', so a bar at 3 % of them loses more than 3 % of unseen ones). Steps of a
 * quarter point: with coarser steps a refit's small changes of weight moved the pick by a whole step.
 */
const BAR_SHARES = [
  0.06, 0.0575, 0.055, 0.0525, 0.05, 0.0475, 0.045, 0.0425, 0.04, 0.0375, 0.035, 0.0325, 0.03, 0.0275, 0.025, 0.0225, 0.02, 0.015, 0.01,
];

/** A pair's cues without a lexicon, and the words its near copy changed (read once per pair: folds reuse them). */
const READINGS = new WeakMap<StancePair, { features: StanceFeatures; changed: string[] }>();
function readingOf(pair: StancePair): { features: StanceFeatures; changed: string[] } {
  let reading = READINGS.get(pair);
  if (!reading) {
    const claimWords = words(pair.claim);
    const { features, changed } = readStance({ text: pair.post, claimCues: claimCueMask(claimWords, pair.claim), claimWords });
    reading = { features, changed };
    READINGS.set(pair, reading);
  }
  return reading;
}

/** A pair's cues, its edits weighed in `lexicon`. */
export const stanceOf = (pair: StancePair, lexicon: Readonly<Record<string, number>> = {}): StanceFeatures => {
  const { features, changed } = readingOf(pair);
  return { ...features, editWords: editWeight(changed, lexicon) };
};

/** An edit must recur across this many claims to enter the lexicon: one claim's rewordings teach nothing general. */
const LEXICON_MIN_CLAIMS = 3;
/** Pseudo-count pulling each edit's odds toward the base rate (an edit seen twice is weak evidence). */
const LEXICON_PRIOR = 2;

/**
 * The edit lexicon: for each word put into or taken out of a near copy of the claim, the log-odds of deny
 * against assert among near copies with that edit, relative to all near copies. Only edits that make a
 * denial likelier are kept (a paraphrase's synonym is no reason to keep a badge).
 */
function learnLexicon(rows: readonly StancePair[]): Record<string, number> {
  const counts = new Map<string, { deny: number; assert: number; claims: Set<string> }>();
  let deny = 0;
  let assert = 0;
  for (const pair of rows) {
    const { changed } = readingOf(pair);
    if (!changed.length) continue;
    if (pair.stance === 'deny') deny++;
    else assert++;
    for (const key of new Set(changed)) {
      const c = counts.get(key) ?? { deny: 0, assert: 0, claims: new Set<string>() };
      if (pair.stance === 'deny') c.deny++;
      else c.assert++;
      c.claims.add(pair.claim);
      counts.set(key, c);
    }
  }
  const base = (deny + 1) / (assert + 1);
  const lexicon: Record<string, number> = {};
  for (const [key, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (c.claims.size < LEXICON_MIN_CLAIMS) continue;
    const score = Math.log((c.deny + LEXICON_PRIOR * base) / (c.assert + LEXICON_PRIOR) / base);
    if (score > 0.05) lexicon[key] = Math.round(score * 100) / 100;
  }
  return lexicon;
}

/**
 * Each row's cues with its edits weighed by a lexicon learned without its claim (inner folds by claim), so
 * the logistic fit and the bar see the lexicon as it reads posts of new claims.
 */
function crossFitted(rows: readonly StancePair[]): StanceFeatures[] {
  const claims = seededShuffle([...new Set(rows.map((p) => p.claim))], 11);
  const foldOf = new Map(claims.map((claim, i) => [claim, i % FOLDS]));
  const lexicons = Array.from({ length: FOLDS }, (_, fold) => learnLexicon(rows.filter((p) => foldOf.get(p.claim) !== fold)));
  return rows.map((p) => stanceOf(p, lexicons[foldOf.get(p.claim)!]));
}

const FOLDS = 5;

/**
 * Cross-validation on the fitting rows: folds by claim (a claim's posts are all in one fold, as a held-out
 * set's claims are new), each fold read by the model fitted on the others, with the bar placed at each of
 * `shares` (the weights do not depend on it, so each fold is fitted once).
 */
function crossValidated(rows: readonly StancePair[], shares: readonly number[]): StanceFigures[] {
  const claims = seededShuffle([...new Set(rows.map((p) => p.claim))], 7);
  const foldOf = new Map(claims.map((claim, i) => [claim, i % FOLDS]));
  const totals = shares.map((): StanceFigures => ({ deny: 0, denyCaught: 0, assert: 0, assertLost: 0 }));
  for (let fold = 0; fold < FOLDS; fold++) {
    const fitted = fitScript(rows.filter((p) => foldOf.get(p.claim) !== fold));
    const held = rows.filter((p) => foldOf.get(p.claim) === fold);
    shares.forEach((share, i) => {
      const f = stanceFigures(held, withBar(fitted, share));
      for (const key of Object.keys(f) as (keyof StanceFigures)[]) totals[i]![key] += f[key];
    });
  }
  return totals;
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
    const mentions = mentionLogOdds(stanceOf(pair, model.lexicon), model) >= 0;
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

/** Learned weights and lexicon (bias 0), with the cross-fitted log-odds of the assert rows a bar is placed among. */
interface Fitted {
  model: StanceWeights;
  assertOdds: number[];
}

function fitScript(train: readonly StancePair[]): Fitted {
  const rows = train.filter((p) => p.stance === 'assert' || p.stance === 'deny');
  const features = crossFitted(rows);
  const { weights } = fitLogistic(
    features.map((f) => LEARNED.map((kind) => Math.min(f[kind], 3))),
    rows.map((p) => (p.stance === 'deny' ? 1 : 0)),
  );
  const model: StanceWeights = {
    bias: 0,
    weights: Object.fromEntries(
      CUE_KINDS.map((kind) => [kind, FIXED_WEIGHTS[kind] ?? weights[LEARNED.indexOf(kind)] ?? 0]),
    ) as StanceFeatures,
    lexicon: learnLexicon(rows),
  };
  // A cue kind that makes posts less likely to deny is not a reason to keep a badge: no negative weights.
  for (const kind of LEARNED) model.weights[kind] = Math.max(0, model.weights[kind]);
  const assertOdds = features.filter((_, i) => rows[i]!.stance === 'assert').map((f) => mentionLogOdds(f, model));
  return { model, assertOdds };
}

/**
 * The bar: above the log-odds of all but `share` of the assert rows, and never below a post with no cue.
 * Fixed weights stay decisive whatever the bar: it is placed among the learned kinds' sums.
 */
function withBar({ model, assertOdds }: Fitted, share: number): StanceWeights {
  const ruled = Math.min(...Object.values(FIXED_WEIGHTS));
  const bar = Math.min(ruled - 1e-3, Math.max(percentile(assertOdds, 1 - share) + 1e-3, 1e-3));
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
    const cvs = crossValidated(fitRows, BAR_SHARES);
    let pick = cvs.findIndex((f) => f.assertLost <= MAX_ASSERT_LOST[set.script] * f.assert);
    if (pick < 0) pick = BAR_SHARES.length - 1;
    const fitted = withBar(fitScript(fitRows), BAR_SHARES[pick]!);
    const model: StanceWeights = {
      bias: round(fitted.bias),
      weights: Object.fromEntries(CUE_KINDS.map((k) => [k, round(fitted.weights[k])])) as StanceFeatures,
      lexicon: fitted.lexicon,
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
    const cv = cvs[pick]!;
    report(
      `${set.file} train + ${set.list} tweets, ${FOLDS}-fold cross-validation by claim (bar at ${(100 * BAR_SHARES[pick]!).toFixed(2)} % of the fitting asserts): deny posts read as mentions ${share(cv.denyCaught, cv.deny)}; assert posts read as mentions ${share(cv.assertLost, cv.assert)}`,
    );
  }
  return models;
}

export function stanceModelSource(models: Record<'latin' | 'arabic', StanceWeights>): string {
  // One weight a line, as Prettier lays the object out: the file passes `prettier --check` as written.
  const lexicon = (m: StanceWeights) => {
    const entries = Object.entries(m.lexicon);
    return entries.length ? `{\n${entries.map(([k, v]) => `      '${k}': ${v},\n`).join('')}    }` : '{}';
  };
  const line = (m: StanceWeights) =>
    `{\n    bias: ${m.bias},\n    weights: {\n${CUE_KINDS.map((k) => `      ${k}: ${m.weights[k]},\n`).join('')}    },\n    lexicon: ${lexicon(m)},\n  }`;
  return `// Generated by \`npm run fit-stance\` (scripts/eval/stance-fit.ts) from ../shared/eval/stance train data; do not edit.
// Log-odds = bias + Σ weight × min(cues of the kind, 3); from 0 up the post only mentions the claim. The
// "editWords" cue is the largest lexicon weight of the words a near copy of the claim put in (+) or took out (-).
import type { StanceWeights } from './stance-types';

export const STANCE_MODEL: Record<'latin' | 'arabic', StanceWeights> = {
  latin: ${line(models.latin)},
  arabic: ${line(models.arabic)},
};
`;
}
