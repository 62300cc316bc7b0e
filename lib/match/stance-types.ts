/**
 * The shapes of the stance model (lib/match/stance.ts): the kinds of cue it counts and how fitted weights
 * look. Its own module so the generated weights (stance-model.generated.ts) import only these types.
 */

/**
 * The kinds of cue; a claim's kinds are a bit mask over this order (claimCueMask in stance.ts). From "swap"
 * on they are read against the claim's words (contradiction.ts, edits.ts), so the mask never has them.
 */
export const CUE_KINDS = [
  'refutation',
  'negation',
  'question',
  'factChecker',
  'factCheckLink',
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
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** How many cues of each kind a post has (kinds its claim also has count 0). */
export type StanceFeatures = Record<CueKind, number>;

export interface StanceWeights {
  bias: number;
  weights: StanceFeatures;
  /**
   * The edit lexicon: a word put into ("+" skeleton) or taken out of ("-" skeleton) a near copy of the
   * claim → how much more often that edit came with a denial than with a paraphrase (log-odds, > 0). The
   * "editWords" cue is the largest of a post's edits.
   */
  lexicon: Readonly<Record<string, number>>;
}
