import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES } from './bundled';
import { selectorParses, selectorSyntaxOk } from './selector-syntax';

const bundledSelectors = Object.values(BUNDLED_RULES).flatMap((rules) => Object.values(rules.selectors).flat());

describe('selector syntax', () => {
  it('accepts every bundled selector, by the strict check and by the DOM', () => {
    expect(bundledSelectors.length).toBeGreaterThan(100);
    for (const selector of bundledSelectors) {
      expect(selectorSyntaxOk(selector), selector).toBe(true);
      expect(selectorParses(selector), selector).toBe(true);
    }
  });

  it('accepts the usual shapes', () => {
    for (const selector of [
      'a',
      '*',
      'div > p + span ~ i',
      'a[href^="/" i]',
      '[data-x=plain]',
      ':is(a, b):not(.c)',
      'li:nth-child(2n + 1)',
      'a:has(> img)',
      '#id.cls',
    ])
      expect(selectorSyntaxOk(selector), selector).toBe(true);
  });

  it.each([
    '',
    ' ',
    'a[',
    'a[href="x]',
    'a]',
    'div >',
    '> div',
    'a,,b',
    'a,',
    ':not(a',
    ':nope',
    'a::before',
    '[data-x!="y"]',
    'li:nth-child(x)',
    'a{}',
    'a; b',
    '<img src=x onerror=alert(1)>',
    'div:has(',
    '#',
    '.',
  ])('refuses %j', (selector) => {
    expect(selectorSyntaxOk(selector)).toBe(false);
    expect(selectorParses(selector)).toBe(false);
  });
});
