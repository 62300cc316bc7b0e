import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { makeExport, parseImport } from './export-data';

const report = { id: 'x:1|d', postKey: 'x:1', debunkId: 'd', excerpt: 'post', reportedAt: 5 };

describe('export and import of local data', () => {
  it('round-trips settings and wrong-match reports', () => {
    const file = JSON.stringify(makeExport({ ...DEFAULT_SETTINGS, language: 'ar' }, [report], new Date(0)));
    expect(parseImport(file)).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, language: 'ar' }, wrongMatches: [report], skipped: 0 });
  });

  it.each([
    ['not JSON', '{', /^not JSON/],
    ['another file', '{"hello": 1}', /not a Sanad export file/],
    ['a future version', '{"format": "sanad-export", "version": 9}', /unsupported export version 9/],
  ])('refuses %s with a reason', (_, text, reason) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });

  it('skips malformed reports, rebuilds ids and bounds texts', () => {
    const file = JSON.stringify({
      format: 'sanad-export',
      version: 1,
      settings: { language: 'klingon' },
      wrongMatches: [{ postKey: 'x:2', debunkId: 'e', id: 'forged', excerpt: 'y'.repeat(1000) }, { postKey: '' }, null, 'x'],
    });
    const result = parseImport(file);
    expect(result).toMatchObject({ ok: true, skipped: 3, settings: DEFAULT_SETTINGS });
    const [first] = result.ok ? result.wrongMatches : [];
    expect(first).toMatchObject({ id: 'x:2|e', postKey: 'x:2', debunkId: 'e' });
    expect(first!.excerpt).toHaveLength(280);
  });
});
