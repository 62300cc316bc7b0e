/**
 * Retrieval metrics, defined exactly as ../shared/eval/score.py defines them (the eval checks that both agree).
 */
export interface RankedMatch {
  debunk: string;
  badge: boolean;
}

export function averagePrecisionAt(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (!gold.size) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (gold.has(id)) {
      hits += 1;
      sum += hits / (i + 1);
    }
  });
  return sum / Math.min(gold.size, k);
}

export interface Scores {
  posts: number;
  map1: number;
  map5: number;
  recall5: number;
  badges: number;
  badgePrecision: number;
  badgeRecall: number;
}

/** `results` by post id, best first; every post of `gold` is scored (a missing one scores 0). */
export function score(gold: ReadonlyMap<string, ReadonlySet<string>>, results: ReadonlyMap<string, readonly RankedMatch[]>): Scores {
  let map1 = 0;
  let map5 = 0;
  let recall5 = 0;
  let badges = 0;
  let correct = 0;
  for (const [post, g] of gold) {
    const matches = results.get(post) ?? [];
    const ranked = matches.map((m) => m.debunk);
    map1 += averagePrecisionAt(ranked, g, 1);
    map5 += averagePrecisionAt(ranked, g, 5);
    recall5 += ranked.slice(0, 5).filter((id) => g.has(id)).length / g.size;
    if (matches[0]?.badge) {
      badges += 1;
      if (g.has(matches[0].debunk)) correct += 1;
    }
  }
  const n = gold.size || 1;
  return {
    posts: gold.size,
    map1: map1 / n,
    map5: map5 / n,
    recall5: recall5 / n,
    badges,
    badgePrecision: badges ? correct / badges : 0,
    badgeRecall: correct / n,
  };
}

/** Share of posts that get any badge when their gold debunks are not in the list (every such badge is wrong). */
export function falseBadgeRate(resultsWithoutGold: ReadonlyMap<string, readonly RankedMatch[]>): number {
  const all = [...resultsWithoutGold.values()];
  return all.length ? all.filter((matches) => matches.some((m) => m.badge)).length / all.length : 0;
}
