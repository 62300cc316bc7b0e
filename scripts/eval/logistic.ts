/**
 * Fitting the badge decision: L2-regularised logistic regression by gradient descent, and the choice of the
 * lowest bar that keeps false badges and precision within limits. Pure and deterministic (same data, same
 * weights), so `npm run fit-decision` reproduces the shipped model.
 */

export interface LogisticModel {
  /** Weights on the raw (unstandardised) features. */
  weights: number[];
  bias: number;
}

export interface FitOptions {
  l2?: number;
  iterations?: number;
  rate?: number;
}

/** Fits on standardised features (so one learning rate suits all) and returns weights for raw ones. */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: FitOptions = {}): LogisticModel {
  const { l2 = 0.01, iterations = 2000, rate = 0.5 } = options;
  const n = x.length;
  const d = x[0]?.length ?? 0;
  if (!n || y.length !== n) throw new Error(`fitLogistic: ${n} rows and ${y.length} labels`);
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j]!, 0) / n);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, row) => s + (row[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = x.map((row) => row.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const gradient = new Array<number>(d);
  for (let it = 0; it < iterations; it++) {
    gradient.fill(0);
    let gradientB = 0;
    for (let i = 0; i < n; i++) {
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[i]![j]!;
      const error = 1 / (1 + Math.exp(-s)) - y[i]!;
      for (let j = 0; j < d; j++) gradient[j]! += error * z[i]![j]!;
      gradientB += error;
    }
    for (let j = 0; j < d; j++) w[j]! -= rate * (gradient[j]! / n + l2 * w[j]!);
    b -= rate * (gradientB / n + l2 * b);
  }
  const weights = w.map((v, j) => v / sd[j]!);
  const bias = b - weights.reduce((s, v, j) => s + v * mean[j]!, 0);
  return { weights, bias };
}

export function logOdds(model: LogisticModel, features: readonly number[]): number {
  return features.reduce((s, v, j) => s + model.weights[j]! * v, model.bias);
}

/** The value below which a share `q` (0…1) of `values` lies (nearest rank). */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One post's best candidate, with the list as given or with the post's true debunks removed. */
export interface DecisionCase {
  post: string;
  goldRemoved: boolean;
  /** Whether the best candidate is one of the post's true debunks (never, with them removed). */
  correct: boolean;
  /** An ordinary post (../shared/eval/ordinary: repeats no listed claim): any badge on it is wrong. */
  ordinary?: boolean;
  logOdds: number;
}

export interface DecisionLimits {
  /** Share of posts badged when their true debunks are missing. */
  maxFalseBadgeRate: number;
  minPrecision: number;
  /** Share of ordinary posts badged (when the cases have some). */
  maxOrdinaryRate?: number;
}

export interface DecisionFigures {
  precision: number;
  recall: number;
  falseBadgeRate: number;
  /** Share of `ordinaryPosts` ordinary posts badged. */
  ordinaryRate: number;
}

/**
 * Badge precision and recall with the list as given, the false-badge rate with gold removed, for `posts`
 * posts, and the share of `ordinaryPosts` ordinary posts badged.
 */
export function figuresAt(cases: readonly DecisionCase[], bar: number, posts: number, ordinaryPosts = 0): DecisionFigures {
  let badges = 0;
  let correct = 0;
  let falseBadges = 0;
  let ordinaryBadges = 0;
  for (const c of cases) {
    if (c.logOdds < bar) continue;
    if (c.ordinary) ordinaryBadges++;
    else if (c.goldRemoved) falseBadges++;
    else {
      badges++;
      if (c.correct) correct++;
    }
  }
  return {
    precision: badges ? correct / badges : 1,
    recall: correct / posts,
    falseBadgeRate: falseBadges / posts,
    ordinaryRate: ordinaryPosts ? ordinaryBadges / ordinaryPosts : 0,
  };
}

/** The lowest bar (most badges) within the limits; Infinity when none is. */
export function lowestSafeBar(cases: readonly DecisionCase[], posts: number, limits: DecisionLimits, ordinaryPosts = 0): number {
  const sorted = [...cases].sort((a, b) => b.logOdds - a.logOdds);
  let badges = 0;
  let correct = 0;
  let falseBadges = 0;
  let ordinaryBadges = 0;
  let bar = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if (c.ordinary) ordinaryBadges++;
    else if (c.goldRemoved) falseBadges++;
    else {
      badges++;
      if (c.correct) correct++;
    }
    const next = sorted[i + 1];
    if (next && next.logOdds === c.logOdds) continue; // a bar cannot separate equal scores
    const ordinaryOk = !ordinaryPosts || ordinaryBadges / ordinaryPosts <= (limits.maxOrdinaryRate ?? 1);
    if (falseBadges / posts <= limits.maxFalseBadgeRate && (badges ? correct / badges : 1) >= limits.minPrecision && ordinaryOk) {
      bar = next ? (c.logOdds + next.logOdds) / 2 : c.logOdds - 1;
    }
  }
  return bar;
}

/** A deterministic shuffle (mulberry32), so cross-validation folds are the same on every run. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
