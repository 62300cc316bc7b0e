/**
 * `npm run fit-stance`: fits the stance model on the train splits of ../shared/eval/stance
 * (scripts/eval/stance-fit.ts), prints figures per split, and writes lib/match/stance-model.generated.ts.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitStanceModels, stanceModelSource } from './stance-fit';

const MODEL_FILE = resolve(import.meta.dirname, '../../lib/match/stance-model.generated.ts');
writeFileSync(MODEL_FILE, stanceModelSource(fitStanceModels((line) => console.log(line))));
console.log(`\nwrote ${MODEL_FILE}`);
