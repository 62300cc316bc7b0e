/**
 * The site rules shipped with the extension: one versioned document per site (lib/sites/<id>/rules.json),
 * data only. They are the default, and the shape every signed rules pack must keep (lib/site-rules/check.ts).
 */
import facebook from '../sites/facebook/rules.json';
import instagram from '../sites/instagram/rules.json';
import telegram from '../sites/telegram/rules.json';
import tiktok from '../sites/tiktok/rules.json';
import x from '../sites/x/rules.json';
import youtube from '../sites/youtube/rules.json';
import type { SiteId } from '../sites/platforms';

/** One site's rules: selector lists (ordered fallbacks), attribute names, regular expressions as strings. */
export interface SiteRules {
  site: string;
  version: number;
  selectors: Record<string, string[]>;
  attributes: Record<string, string[]>;
  patterns: Record<string, string>;
  /** Why each rule is what it is, for the maintainers; never read by the adapters. */
  notes: Record<string, string>;
}

export const BUNDLED_RULES = { x, facebook, youtube, tiktok, instagram, telegram } satisfies Record<SiteId, SiteRules>;

export type RulesOf<Id extends SiteId> = (typeof BUNDLED_RULES)[Id];
