import { describe, expect, it } from 'vitest';
import { fitStanceModels, stanceModelSource } from '@/scripts/eval/stance-fit';
import { STANCE_MODEL } from '@/lib/match/stance-model.generated';
import { projectFile } from './support/files';

describe('the shipped stance model', () => {
  it('is exactly what npm run fit-stance gives', () => {
    const models = fitStanceModels();
    expect(models).toEqual(STANCE_MODEL);
    expect(stanceModelSource(models)).toBe(projectFile('lib/match/stance-model.generated.ts'));
  }, 180_000);
});
