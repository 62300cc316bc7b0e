import { describe, expect, it } from 'vitest';
import { deskReportFor, reportOutcomeOf, withdrawOutcomeOf, wrongMatchEndpoint } from './wrong-match-delivery';

describe('wrongMatchEndpoint', () => {
  it('takes the address a desk feed names, on the feed’s own origin only', () => {
    const feed = 'https://desk.example/feed.json';
    expect(wrongMatchEndpoint(feed, 'https://desk.example/v1/wrong-matches')).toBe('https://desk.example/v1/wrong-matches');
    expect(wrongMatchEndpoint('http://127.0.0.1:8787/feed.json', 'http://127.0.0.1:8787/v1/wrong-matches')).toBe(
      'http://127.0.0.1:8787/v1/wrong-matches',
    );
    for (const other of [
      'https://tracker.example/v1/wrong-matches',
      'http://desk.example/v1/wrong-matches', // another scheme is another origin
      'https://desk.example:8443/v1/wrong-matches',
      'https://desk.example/v1/wrong-matches?who=reader',
      'javascript:alert(1)',
      42,
      undefined,
    ])
      expect(wrongMatchEndpoint(feed, other)).toBeUndefined();
  });
});

describe('deskReportFor', () => {
  const base = { idempotencyKey: 'report-key-0001', debunkId: 'intake-7', reason: 'refutes' as const };

  it('sends the debunk’s id, the reason and the post’s permalink: those four fields and nothing else', () => {
    const report = deskReportFor({ ...base, permalink: 'https://x.com/a/status/1', pageUrl: 'https://x.com/home' });
    expect(report).toEqual({ ...base, postUrl: 'https://x.com/a/status/1' });
    expect(Object.keys(report!).sort()).toEqual(['debunkId', 'idempotencyKey', 'postUrl', 'reason']);
  });

  it('uses the page’s address when the site gave no permalink, and queues nothing it cannot address', () => {
    expect(deskReportFor({ ...base, pageUrl: 'https://t.me/s/channel/55' })?.postUrl).toBe('https://t.me/s/channel/55');
    expect(deskReportFor({ ...base, permalink: 'javascript:alert(1)', pageUrl: 'https://x.com/a/status/2' })?.postUrl).toBe(
      'https://x.com/a/status/2',
    );
    expect(deskReportFor({ ...base })).toBeUndefined();
    expect(deskReportFor({ ...base, pageUrl: 'chrome-extension://abc/popup.html' })).toBeUndefined();
    expect(deskReportFor({ ...base, debunkId: '', pageUrl: 'https://x.com/home' })).toBeUndefined();
  });
});

describe('reportOutcomeOf / withdrawOutcomeOf', () => {
  it('is delivered only with the desk’s receipt: the report’s id and its secret', () => {
    expect(reportOutcomeOf(201, { id: 4, withdrawSecret: 's'.repeat(43) })).toEqual({
      kind: 'sent',
      remoteId: 4,
      withdrawSecret: 's'.repeat(43),
    });
    expect(reportOutcomeOf(200, { id: 4, withdrawSecret: 'abc' })).toMatchObject({ kind: 'sent', remoteId: 4 });
    expect(reportOutcomeOf(200, { id: 4 })).toMatchObject({ kind: 'retry' });
    expect(reportOutcomeOf(200, { id: 4, withdrawSecret: 'x'.repeat(500) })).toMatchObject({ kind: 'retry' });
    expect(reportOutcomeOf(200, '<html>sign in</html>')).toMatchObject({ kind: 'retry' });
  });

  it('retries what is temporary, keeps a refusal with the desk’s reason', () => {
    expect(reportOutcomeOf(503, {}, '120')).toEqual({ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 120_000 });
    expect(reportOutcomeOf(429, { error: 'too many' })).toMatchObject({ kind: 'retry', reason: 'too many' });
    expect(reportOutcomeOf(404, { error: 'this desk publishes no debunk with that id' })).toEqual({
      kind: 'rejected',
      reason: 'this desk publishes no debunk with that id',
    });
  });

  it('takes a withdrawal as done when the desk deleted it or holds no such report', () => {
    expect(withdrawOutcomeOf(204, {})).toEqual({ kind: 'done' });
    expect(withdrawOutcomeOf(404, { error: 'no report with that id and secret' })).toEqual({ kind: 'done' });
    expect(withdrawOutcomeOf(502, {})).toMatchObject({ kind: 'retry' });
    expect(withdrawOutcomeOf(403, { error: 'origin refused' })).toEqual({ kind: 'rejected', reason: 'origin refused' });
  });
});
