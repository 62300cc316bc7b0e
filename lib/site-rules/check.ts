/**
 * Checks of a site rules pack before any of it is used: its shape (no unknown or missing field, every site's
 * rules the same fields as the bundled ones), every selector parses, every pattern is a safe regular
 * expression, every attribute a plain name, and nothing is too large. Any fault refuses the whole pack: a
 * half-applied pack could read one site with old and new rules mixed.
 */
import { SITE_IDS, type SiteId } from '../sites/platforms';
import { isObject } from '../untrusted/read';
import { BUNDLED_RULES, type SiteRules } from './bundled';
import { checkPattern } from './safe-pattern';
import { selectorParses } from './selector-syntax';

export const RULES_PACK_FORMAT = 'sanad-site-rules';

export const RULES_LIMITS = {
  /** The pack's body as fetched (the bundled rules of all sites are about 15 KB). */
  bytes: 256 * 1024,
  selectorsPerRule: 40,
  selectorLength: 500,
  attributeNames: 8,
  noteLength: 2_000,
  notes: 100,
} as const;

/** A signed pack: one rules document for each site it updates. */
export interface RulesPack {
  format: typeof RULES_PACK_FORMAT;
  /** Increases with every pack the maintainers sign: an older or replayed pack is refused. */
  version: number;
  /** When it was built (ISO 8601), for the options page. */
  generated: string;
  sites: SiteRules[];
  signature?: unknown;
}

export type PackCheck = { ok: true; pack: RulesPack } | { ok: false; reason: string };

const PACK_FIELDS = ['format', 'version', 'generated', 'sites', 'signature'];
const RULES_FIELDS = ['site', 'version', 'selectors', 'attributes', 'patterns', 'notes'];
const ATTRIBUTE_NAME = /^[a-z][a-z0-9._:-]{0,60}$/;

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason);
};

function exactFields(value: unknown, allowed: readonly string[], required: readonly string[], where: string): Record<string, unknown> {
  if (!isObject(value)) return refuse(`${where} is not an object`);
  for (const key of Object.keys(value)) if (!allowed.includes(key)) refuse(`${where} has an unknown field "${key.slice(0, 40)}"`);
  for (const key of required) if (!(key in value)) refuse(`${where} lacks the field "${key}"`);
  return value;
}

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

const isVersion = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function checkSection(value: unknown, bundled: Record<string, unknown>, where: string, checkOne: (item: unknown, at: string) => void) {
  const names = Object.keys(bundled);
  const section = exactFields(value, names, names, where);
  for (const name of names) checkOne(section[name], `${where}.${name}`);
}

function checkSelectors(value: unknown, at: string) {
  if (!Array.isArray(value) || !value.length || value.length > RULES_LIMITS.selectorsPerRule)
    refuse(`${at} is not a list of 1 to ${RULES_LIMITS.selectorsPerRule} selectors`);
  for (const selector of value as unknown[]) {
    if (typeof selector !== 'string' || !selector.trim() || selector.length > RULES_LIMITS.selectorLength)
      refuse(`${at} holds a selector that is not a string of 1 to ${RULES_LIMITS.selectorLength} characters`);
    if (!selectorParses(selector as string))
      refuse(`${at}: the selector ${JSON.stringify((selector as string).slice(0, 80))} does not parse`);
  }
}

function checkAttributes(value: unknown, at: string) {
  if (!Array.isArray(value) || !value.length || value.length > RULES_LIMITS.attributeNames)
    refuse(`${at} is not a list of 1 to ${RULES_LIMITS.attributeNames} attribute names`);
  for (const name of value as unknown[])
    if (typeof name !== 'string' || !ATTRIBUTE_NAME.test(name))
      // Named by its type when it is not text: String() of a parsed `{"toString": 1}` throws.
      refuse(`${at} holds ${typeof name === 'string' ? JSON.stringify(name.slice(0, 40)) : `a ${kindOf(name)}`}, not an attribute name`);
}

function checkPatternField(value: unknown, at: string) {
  if (typeof value !== 'string') return refuse(`${at} is not a string`);
  const check = checkPattern(value);
  if (!check.ok) refuse(`${at}: the pattern ${JSON.stringify(value.slice(0, 80))} is refused: ${check.reason}`);
}

function checkSiteRulesAt(value: unknown, index: number): SiteRules {
  const doc = exactFields(value, RULES_FIELDS, RULES_FIELDS, `sites[${index}]`);
  if (typeof doc.site !== 'string' || !SITE_IDS.includes(doc.site as SiteId)) refuse(`sites[${index}] names no supported site`);
  const site = doc.site as SiteId;
  const bundled = BUNDLED_RULES[site] as SiteRules;
  if (!isVersion(doc.version)) refuse(`${site}: version is not a positive whole number`);
  checkSection(doc.selectors, bundled.selectors, `${site}.selectors`, checkSelectors);
  checkSection(doc.attributes, bundled.attributes, `${site}.attributes`, checkAttributes);
  checkSection(doc.patterns, bundled.patterns, `${site}.patterns`, checkPatternField);
  // Notes are for people: any names, plain strings, bounded.
  if (!isObject(doc.notes) || Object.keys(doc.notes).length > RULES_LIMITS.notes) refuse(`${site}.notes is not a small object`);
  for (const note of Object.values(doc.notes as object))
    if (typeof note !== 'string' || note.length > RULES_LIMITS.noteLength) refuse(`${site}.notes holds something other than short text`);
  return doc as unknown as SiteRules;
}

/** The checks of a parsed pack's content (its signature is verified separately, on the same document). */
export function checkRulesPack(value: unknown): PackCheck {
  try {
    const doc = exactFields(value, PACK_FIELDS, ['format', 'version', 'generated', 'sites'], 'the pack');
    if (doc.format !== RULES_PACK_FORMAT) refuse(`the pack's format is not "${RULES_PACK_FORMAT}"`);
    if (!isVersion(doc.version)) refuse("the pack's version is not a positive whole number");
    if (typeof doc.generated !== 'string' || doc.generated.length > 40 || Number.isNaN(Date.parse(doc.generated)))
      refuse("the pack's generated time is not a date");
    if (!Array.isArray(doc.sites) || !doc.sites.length || doc.sites.length > SITE_IDS.length)
      refuse(`the pack does not hold 1 to ${SITE_IDS.length} sites' rules`);
    const sites = (doc.sites as unknown[]).map(checkSiteRulesAt);
    if (new Set(sites.map((s) => s.site)).size !== sites.length) refuse('the pack holds one site twice');
    return { ok: true, pack: doc as unknown as RulesPack };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * One site's rules as a content script receives them from the background: checked again there, where the
 * page's own `querySelector` judges every selector, before the adapter uses them.
 */
export function checkSiteRules(value: unknown): { ok: true; rules: SiteRules } | { ok: false; reason: string } {
  try {
    return { ok: true, rules: checkSiteRulesAt(value, 0) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Parses a pack's body, refusing one that is too large before parsing it. */
export function parseRulesPack(body: string): { ok: true; doc: unknown } | { ok: false; reason: string } {
  if (new TextEncoder().encode(body).length > RULES_LIMITS.bytes)
    return { ok: false, reason: `the pack is larger than ${RULES_LIMITS.bytes} bytes` };
  try {
    return { ok: true, doc: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, reason: 'the pack is not JSON' };
  }
}
