import { describe, expect, it } from 'vitest';
import { FIXED_SEED, FUZZ_PROPERTIES, runFuzzProperty } from '@/tests/fuzz/properties';

// The fuzz properties with a fixed seed and a few hundred cases each; `npm run fuzz` runs them longer.
describe('fuzzing outside input (fixed seed)', () => {
  it.each(FUZZ_PROPERTIES.map((p) => [p.name, p] as const))('%s', async (_, property) => {
    const result = await runFuzzProperty(property, property.unitRuns, FIXED_SEED);
    expect(result.failure).toBeUndefined();
    expect(result.numRuns).toBe(property.unitRuns);
  });
});
