/**
 * The shapes of the badge decision's logistic models (lib/match/decide.ts): what a model can weigh and how a
 * fitted model looks. Its own module so that the generated weights (decision-model.generated.ts) import only
 * these types, not the code that uses them.
 */

/** What the model can weigh; each script's model uses some of them (rawDecisionFeatures in decide.ts computes them). */
export const FEATURE_NAMES = [
  'coverage',
  'queryCoverage',
  'logCoverage',
  'logQueryCoverage',
  'runnerUpRatio',
  'thirdRatio',
  'gramSimilarity',
  'gramLead',
  'logWords',
  'logDebunkWeight',
  'logPostWeight',
  'rareShare',
  'postRareShare',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Features only rivals provide: the model for small lists goes without them. */
export const RIVAL_FEATURES: readonly FeatureName[] = ['runnerUpRatio', 'thirdRatio', 'gramLead'];

export interface DecisionWeights {
  bias: number;
  /** Only the features this model uses. */
  weights: Partial<Record<FeatureName, number>>;
  /**
   * Each feature is held within what the fit saw (its 1st…99th percentiles): a linear model is not to be
   * trusted outside its data, e.g. on a list of a few dozen debunks where term statistics are thin.
   */
  ranges: Partial<Record<FeatureName, [number, number]>>;
}

export interface ScriptModels {
  /** For posts whose candidates include rivals. */
  withRivals: DecisionWeights;
  /** For lists under DECISION.minListForRivals debunks, or posts with fewer than three candidates. */
  alone: DecisionWeights;
}

/** The shipped models, one pair per script. */
export type DecisionModels = Record<'latin' | 'arabic', ScriptModels>;
