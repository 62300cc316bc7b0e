/**
 * `npm run fuzz`: the properties of tests/fuzz/properties.ts with many more cases than the unit suite
 * (≥ 100,000 in total) and a fresh seed, printed per property so a failure can be replayed:
 *   npm run fuzz -- --seed N [--runs-scale 2] [--only "name part"]
 * SANAD_FUZZ_DEEP=1 nests up to 10⁶ levels deep (slow) instead of 20,000.
 */
import { parseArgs } from 'node:util';
import { FUZZ_PROPERTIES, runFuzzProperty } from './properties';

const { values } = parseArgs({ options: { seed: { type: 'string' }, 'runs-scale': { type: 'string' }, only: { type: 'string' } } });
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const scale = Number(values['runs-scale'] ?? 1);
if (!Number.isSafeInteger(seed) || !(scale > 0)) throw new Error('--seed must be a whole number and --runs-scale above 0');

let total = 0;
let failed = 0;
for (const property of FUZZ_PROPERTIES.filter((p) => !values.only || p.name.includes(values.only))) {
  const started = performance.now();
  const result = await runFuzzProperty(property, Math.ceil(property.fuzzRuns * scale), seed);
  total += result.numRuns;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${result.failure ? 'FAIL' : 'ok  '} ${String(result.numRuns).padStart(7)} cases  seed ${result.seed}  ${seconds} s  ${property.name}`,
  );
  if (result.failure) {
    failed++;
    console.log(result.failure);
  }
}
console.log(`${total} cases in total, seed ${seed}${failed ? `, ${failed} properties FAILED` : ', no failures'}`);
process.exitCode = failed ? 1 : 0;
