/**
 * A site redesign imitated on a real saved page: attributes the bundled Facebook rules rest on renamed, and
 * the same renames applied to the rules' selectors, as the maintainers would answer the redesign with a
 * signed rules pack. Shared by the unit tests and the Chromium E2E.
 */
import type { SiteRules } from '@/lib/site-rules/bundled';

export const FACEBOOK_REDESIGN: readonly [from: string, to: string][] = [
  ['data-ad-rendering-role', 'data-render-part'],
  ['data-ad-comet-preview', 'data-comet-part'],
  ['aria-posinset', 'aria-x-gone'],
  ['role="feed"', 'role="x-feed"'],
];

/** The page's markup (or a rules document's selectors) with every rename applied. */
export function renamed(text: string, renames: readonly (readonly [string, string])[] = FACEBOOK_REDESIGN): string {
  return renames.reduce((out, [from, to]) => out.split(from).join(to), text);
}

/** The rules that read the redesigned markup: the same selectors with the renames, as a newer version. */
export function redesignedRules(rules: SiteRules, version: number): SiteRules {
  const selectors = Object.fromEntries(Object.entries(rules.selectors).map(([name, list]) => [name, list.map((s) => renamed(s))]));
  const attributes = Object.fromEntries(Object.entries(rules.attributes).map(([name, list]) => [name, list.map((s) => renamed(s))]));
  return { ...structuredClone(rules), version, selectors, attributes };
}
