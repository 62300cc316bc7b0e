import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES } from './bundled';
import { checkPattern, MAX_PATTERN_LENGTH } from './safe-pattern';

describe('rules patterns', () => {
  it('accepts every bundled pattern', () => {
    const patterns = Object.values(BUNDLED_RULES).flatMap((rules) => Object.values(rules.patterns as Record<string, string>));
    expect(patterns.length).toBeGreaterThan(15);
    for (const pattern of patterns) expect(checkPattern(pattern), pattern).toEqual({ ok: true });
  });

  it.each([
    ['(a+)+$', /catastrophic/],
    ['(a|aa)*b', /catastrophic/],
    ['(?:x\\d+)*y', /catastrophic/],
    ['((ab)*c)+', /catastrophic/],
    ['(\\w+)\\s\\1', /backreferences/],
    ['(?<n>a)\\k<n>', /backreferences/],
    ['(unclosed', /not a valid/],
    ['a{2,1}', /not a valid/],
    ['\\q', /not a valid/], // unicode mode refuses unknown escapes
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), /longer than/],
  ])('refuses %j', (pattern, reason) => {
    const check = checkPattern(pattern);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(reason);
  });

  it('takes quantifiers and bars that cannot blow up: in classes, unrepeated groups, single atoms', () => {
    for (const pattern of ['[+*?|(]+', '(p|reel)/', '([a-z]+\\.)?x', '(ab)+c', '\\d{15,20}', '(?:pcb|gm)\\.(\\d+)'])
      expect(checkPattern(pattern), pattern).toEqual({ ok: true });
  });
});
