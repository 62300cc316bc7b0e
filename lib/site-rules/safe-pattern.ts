/**
 * Whether a rules pattern is a regular expression safe to run on page text: it compiles (unicode mode, the
 * stricter syntax), is short, and cannot backtrack catastrophically. The last is checked by shape, like
 * safe-regex: no backreferences, and no repeated group that itself repeats or alternates (`(a+)+`, `(a|a)*`; an optional group, `(a+)?`, is fine),
 * the patterns whose matching time can grow exponentially with the input.
 */
import { PATTERN_FLAGS } from './active';

export const MAX_PATTERN_LENGTH = 300;

export type PatternCheck = { ok: true } | { ok: false; reason: string };

const QUANTIFIER_START = /[*+?{]/;
/** What repeats a group more than once (`?` only makes it optional, which cannot multiply the paths). */
const REPEAT = /[*+{]/;

export function checkPattern(source: string): PatternCheck {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    new RegExp(source, PATTERN_FLAGS);
  } catch {
    return { ok: false, reason: 'not a valid regular expression' };
  }
  if (/\\[1-9]|\\k</.test(source)) return { ok: false, reason: 'backreferences are not allowed' };
  // Per open group: whether it holds a quantifier or an alternation.
  const groups: boolean[] = [];
  const markAll = () => groups.fill(true);
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      i++;
    } else if (char === '[') {
      // A character class: quantifiers and bars inside are literal.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (char === '(') {
      groups.push(false);
      if (source[i + 1] === '?') i++; // (?: (?= (?! (?<…: group syntax, not a quantifier
    } else if (char === ')') {
      const risky = groups.pop();
      if (risky && REPEAT.test(source[i + 1] ?? '')) {
        return { ok: false, reason: 'a repeated group repeats or alternates inside (catastrophic backtracking)' };
      }
      if (QUANTIFIER_START.test(source[i + 1] ?? '')) markAll();
    } else if (char === '|' || QUANTIFIER_START.test(char)) {
      markAll();
    }
  }
  return { ok: true };
}
