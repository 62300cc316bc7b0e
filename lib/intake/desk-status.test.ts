import { describe, expect, it } from 'vitest';
import { isFinalStage, readVolunteerStatus } from './desk-status';

describe('readVolunteerStatus: the desk’s answer about a submission', () => {
  it('reads each stage, with the link only when published and the reason only when refused', () => {
    expect(readVolunteerStatus({ stage: 'received' })).toEqual({ stage: 'received' });
    expect(readVolunteerStatus({ stage: 'in-review', url: 'https://desk.example/x', reason: 'x' })).toEqual({ stage: 'in-review' });
    expect(readVolunteerStatus({ stage: 'published', url: 'https://desk.example/fc/1' })).toEqual({
      stage: 'published',
      url: 'https://desk.example/fc/1',
    });
    expect(readVolunteerStatus({ stage: 'rejected', reason: '  Satire\n account.\u0007 ' })).toEqual({
      stage: 'rejected',
      reason: 'Satire account.',
    });
    expect(readVolunteerStatus({ stage: 'withdrawn', reason: 'Wrong clip.' })).toEqual({ stage: 'withdrawn', reason: 'Wrong clip.' });
  });

  it('refuses what is not a status, and drops links that are not http(s)', () => {
    for (const body of [null, '<html>', [], {}, { stage: 'done' }, { stage: 1 }]) expect(readVolunteerStatus(body)).toBeUndefined();
    expect(readVolunteerStatus({ stage: 'published', url: 'javascript:alert(1)' })).toEqual({ stage: 'published' });
  });

  it('stops at a decision only', () => {
    expect(['received', 'in-review', 'published', 'rejected', 'withdrawn'].map((s) => isFinalStage(s as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});
