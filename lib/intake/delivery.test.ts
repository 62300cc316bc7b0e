import { describe, expect, it } from 'vitest';
import { outcomeOf, retryDelayMs } from './delivery';

describe('outcomeOf: what an intake service answer means for a submission', () => {
  it("delivers on 2xx only when the answer is the service's receipt (its id for the submission)", () => {
    expect(outcomeOf(201, { id: 7, status: 'received' })).toEqual({ kind: 'sent', remoteId: 7 });
    expect(outcomeOf(200, { id: 7, status: 'already received' })).toEqual({ kind: 'sent', remoteId: 7 });
  });

  it('keeps the status secret that comes with the receipt, and nothing that is not one', () => {
    expect(outcomeOf(201, { id: 7, statusSecret: 'abc_DEF-123' })).toEqual({ kind: 'sent', remoteId: 7, statusSecret: 'abc_DEF-123' });
    for (const statusSecret of [42, '', 'x'.repeat(129)])
      expect(outcomeOf(201, { id: 7, statusSecret })).toEqual({ kind: 'sent', remoteId: 7 });
  });

  it("retries a 2xx that is no receipt: a public network's sign-in page, a proxy, another service", () => {
    for (const body of [null, '<html>Sign in to the hotel Wi-Fi</html>', { id: '7' }, {}, []]) {
      expect(outcomeOf(200, body)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/not the intake service's receipt/) });
    }
  });

  it('retries on timeouts, rate limits and server errors, honouring Retry-After', () => {
    expect(outcomeOf(503, { error: 'down for maintenance' }, '120')).toEqual({
      kind: 'retry',
      reason: 'down for maintenance',
      retryAfterMs: 120_000,
    });
    expect(outcomeOf(429, 'slow down', 'soon')).toEqual({ kind: 'retry', reason: 'HTTP 429' });
    expect(outcomeOf(408, [])).toEqual({ kind: 'retry', reason: 'HTTP 408' });
  });

  it('keeps the service reason for a refusal, bounded, and falls back to the status', () => {
    expect(outcomeOf(400, { error: 'post.text: longer than 20000 characters' })).toEqual({
      kind: 'rejected',
      reason: 'post.text: longer than 20000 characters',
    });
    expect((outcomeOf(400, { error: 'x'.repeat(100_000) }) as { reason: string }).reason).toHaveLength(500);
    expect(outcomeOf(403, { error: '' })).toEqual({ kind: 'rejected', reason: 'HTTP 403' });
    expect(outcomeOf(404, { error: { message: 'no' } })).toEqual({ kind: 'rejected', reason: 'HTTP 404' });
  });
});

describe('retryDelayMs', () => {
  it('doubles from 30 s up to an hour, and waits at least what the service asked', () => {
    expect([1, 2, 3, 20].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 3_600_000]);
    expect(retryDelayMs(1, 300_000)).toBe(300_000);
  });
});
