/**
 * `npm run fit-decision`: fits the badge decision on the dev sets (scripts/eval/decision-fit.ts), prints
 * cross-validated and in-sample figures, and writes lib/match/decision-model.generated.ts.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decisionModelSource, fitDecisionModels } from './decision-fit';

const MODEL_FILE = resolve(import.meta.dirname, '../../lib/match/decision-model.generated.ts');
writeFileSync(MODEL_FILE, decisionModelSource(fitDecisionModels({ report: (line) => console.log(line) })));
console.log(`\nwrote ${MODEL_FILE}`);
