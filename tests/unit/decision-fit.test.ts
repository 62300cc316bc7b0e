import { describe, expect, it } from 'vitest';
import { figuresAt, fitLogistic, logOdds, lowestSafeBar, percentile, seededShuffle, type DecisionCase } from '@/scripts/eval/logistic';
import { decisionModelSource, fitDecisionModels } from '@/scripts/eval/decision-fit';
import { DECISION_MODEL } from '@/lib/match/decision-model.generated';
import { projectFile } from './support/files';

describe('fitLogistic', () => {
  // y = 1 when 3·a − 2·b + 1 > 0, with features on very different scales (b in thousands).
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 1000;
    x.push([a, b]);
    y.push(3 * a - (2 * b) / 1000 + 1 > 0 ? 1 : 0);
  }

  it('separates separable data and returns weights for the raw features', () => {
    const model = fitLogistic(x, y, { l2: 0.001, iterations: 3000 });
    const right = x.filter((row, i) => (logOdds(model, row) > 0 ? 1 : 0) === y[i]).length;
    expect(right / x.length).toBeGreaterThan(0.97);
    // The direction is the generating one: positive on a, negative on b (per unit of b, a thousandth as large).
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(Math.abs(model.weights[1]! * 1000) / model.weights[0]!).toBeCloseTo(2 / 3, 1);
  });

  it('is deterministic and refuses mismatched labels', () => {
    expect(fitLogistic(x, y)).toEqual(fitLogistic(x, y));
    expect(() => fitLogistic(x, y.slice(1))).toThrow(/400 rows and 399 labels/);
  });
});

describe('lowestSafeBar', () => {
  const c = (post: string, logOdds: number, correct: boolean, goldRemoved = false): DecisionCase => ({
    post,
    goldRemoved,
    correct,
    logOdds,
  });
  // Ten posts. With the list as given: 6 right at the top, 1 wrong. With gold removed: two badge-worthy-looking.
  const cases = [
    c('a', 5, true),
    c('b', 4, true),
    c('c', 3.5, false, true),
    c('d', 3, true),
    c('e', 2, true),
    c('f', 1.5, false),
    c('g', 1, true),
    c('h', 0.5, false, true),
    c('i', 0, true),
  ];

  it('takes the lowest bar within both limits', () => {
    // ≤ 10 % false badges allows the one at 3.5 but not the one at 0.5; precision ≥ 0.8 allows the wrong one at 1.5.
    const bar = lowestSafeBar(cases, 10, { maxFalseBadgeRate: 0.1, minPrecision: 0.8 });
    expect(bar).toBe(0.75);
    expect(figuresAt(cases, bar, 10)).toEqual({ precision: 5 / 6, recall: 0.5, falseBadgeRate: 0.1, ordinaryRate: 0 });
  });

  it('stops above a false badge when none is allowed, and says Infinity when nothing is safe', () => {
    expect(lowestSafeBar(cases, 10, { maxFalseBadgeRate: 0, minPrecision: 0.9 })).toBe(3.75);
    expect(lowestSafeBar([c('x', 1, false)], 1, { maxFalseBadgeRate: 0, minPrecision: 0.9 })).toBe(Infinity);
  });

  it('keeps the share of ordinary posts badged within its limit, counted apart from the dev posts', () => {
    const ordinary = (post: string, logOdds: number): DecisionCase => ({
      post,
      goldRemoved: false,
      correct: false,
      ordinary: true,
      logOdds,
    });
    const withOrdinary = [...cases, ordinary('o1', 2.5), ordinary('o2', 0.25)];
    const limits = { maxFalseBadgeRate: 0.1, minPrecision: 0.8, maxOrdinaryRate: 0.01 };
    // 100 ordinary posts, at most 1 badged: the bar may pass the one at 2.5 but not the one at 0.25.
    const bar = lowestSafeBar(withOrdinary, 10, limits, 100);
    expect(bar).toBe(0.75);
    expect(figuresAt(withOrdinary, bar, 10, 100)).toEqual({ precision: 5 / 6, recall: 0.5, falseBadgeRate: 0.1, ordinaryRate: 0.01 });
    expect(lowestSafeBar(withOrdinary, 10, { ...limits, maxOrdinaryRate: 0 }, 100)).toBe(2.75);
  });
});

describe('percentile and seededShuffle', () => {
  it('percentile by nearest rank', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0.5)).toBe(3);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(5);
    expect(() => percentile([], 0.5)).toThrow();
  });

  it('seededShuffle is a permutation, the same for the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = seededShuffle(items, 7);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(seededShuffle(items, 7)).toEqual(once);
    expect(seededShuffle(items, 8)).not.toEqual(once);
  });
});

describe('the shipped decision model', () => {
  it('is exactly what `npm run fit-decision` fits on the dev sets (nobody tuned it by hand)', () => {
    const models = fitDecisionModels({ crossValidate: false });
    expect(models).toEqual(DECISION_MODEL);
    expect(decisionModelSource(models)).toBe(projectFile('lib/match/decision-model.generated.ts'));
  }, 300_000);
});
