import { describe, expect, it } from 'vitest';
import { checkWrongMatchReport } from './wrong-match-report';

const report = { idempotencyKey: 'wm-0001-abcd', debunkId: 'intake-12', reason: 'refutes', postUrl: 'https://x.com/a/status/1' };

describe('checkWrongMatchReport', () => {
  it('accepts a report: the debunk, a reason and the post', () => {
    expect(checkWrongMatchReport(report)).toEqual({ ok: true, value: report });
  });

  it('refuses anything else, naming each field', () => {
    const checked = checkWrongMatchReport({
      ...report,
      reason: 'spam',
      postUrl: 'javascript:alert(1)',
      idempotencyKey: 'x',
      email: 'a@b.c',
    });
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : checked.errors;
    expect(errors).toEqual([
      'email: not part of a report',
      expect.stringMatching(/^idempotencyKey/),
      expect.stringMatching(/^reason/),
      expect.stringMatching(/^postUrl/),
    ]);
    expect(checkWrongMatchReport([report]).ok).toBe(false);
    expect(checkWrongMatchReport({ ...report, debunkId: '' }).ok).toBe(false);
  });
});
