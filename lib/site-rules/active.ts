/**
 * The rules the adapters read now: the bundled ones, or a site's rules from the last good signed pack once the
 * background delivered it. Adapters look their rules up on every call, so a new pack applies at the next scan.
 */
import type { SiteId } from '../sites/platforms';
import { BUNDLED_RULES, type RulesOf, type SiteRules } from './bundled';

const active: Partial<Record<SiteId, SiteRules>> = {};

export function rulesOf<Id extends SiteId>(site: Id): RulesOf<Id> {
  return (active[site] ?? BUNDLED_RULES[site]) as RulesOf<Id>;
}

/** Uses a checked pack's rules for their sites (lib/site-rules/check.ts); the others keep theirs. */
export function useRules(rules: readonly SiteRules[]): void {
  for (const doc of rules) if (doc.site in BUNDLED_RULES) active[doc.site as SiteId] = doc;
}

/** Back to the bundled rules for every site. */
export function useBundledRules(): void {
  for (const site of Object.keys(active) as SiteId[]) delete active[site];
}

const compiled = new WeakMap<SiteRules, Map<string, RegExp>>();

/**
 * A rules pattern as a RegExp, compiled once per document. Always unicode (stricter syntax, checked the same
 * way) and dotAll (a caption's credit may span lines); never global, so exec and test keep no state.
 */
export function pattern<Rules extends SiteRules>(doc: Rules, name: keyof Rules['patterns'] & string): RegExp {
  let cache = compiled.get(doc);
  if (!cache) compiled.set(doc, (cache = new Map()));
  let regex = cache.get(name);
  if (!regex) cache.set(name, (regex = new RegExp(doc.patterns[name]!, PATTERN_FLAGS)));
  return regex;
}

export const PATTERN_FLAGS = 'su';

/** The first of an element's attributes, in the rules' order, that it carries. */
export function attributeOf(el: Element | null | undefined, names: readonly string[]): string | null {
  for (const name of names) {
    const value = el?.getAttribute(name);
    if (value != null) return value;
  }
  return null;
}
