/**
 * Accepting a signed site rules pack, in the feeds' order of checks: size and JSON, content (check.ts), the
 * Ed25519 signature against the key pinned in the build (lib/feeds/signature.ts, the feeds' own code), then
 * replay protection on what the signature vouches for: the version must be above the last accepted one.
 */
import { canonicalJson } from '../feeds/canonical-json';
import { verifyFeed } from '../feeds/signature';
import { isObject } from '../untrusted/read';
import type { SiteId } from '../sites/platforms';
import { BUNDLED_RULES, type SiteRules } from './bundled';
import { checkRulesPack, parseRulesPack, type RulesPack } from './check';

/** What is kept of the last accepted pack, to refuse replays and downgrades. */
export interface AcceptedPack {
  version: number;
  /** Canonical JSON of the pack, so the same version with other content is told from a re-fetch. */
  canonical: string;
}

export type PackVerdict = { kind: 'accepted'; pack: RulesPack } | { kind: 'same' } | { kind: 'refused'; reason: string };

export async function acceptRulesPack(body: string, pinnedKey: string, last: AcceptedPack | undefined): Promise<PackVerdict> {
  const parsed = parseRulesPack(body);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
  const checked = checkRulesPack(parsed.doc);
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  const doc = parsed.doc as Record<string, unknown>;
  if (!isObject(doc.signature)) return { kind: 'refused', reason: 'the pack is not signed' };
  if (doc.signature.publicKey !== pinnedKey)
    return { kind: 'refused', reason: "the pack is signed with another key than the Sanad maintainers' key this build trusts" };
  const signature = await verifyFeed(doc, pinnedKey);
  if (!signature.ok) return { kind: 'refused', reason: signature.reason.replace(/\bfeed\b/g, 'pack') };
  // Only after the signature: the version a replay check trusts must be the maintainers' own.
  const { pack } = checked;
  if (last && pack.version < last.version)
    return { kind: 'refused', reason: `the pack's version ${pack.version} is older than the accepted version ${last.version}` };
  if (last && pack.version === last.version) {
    return canonicalJson(doc) === last.canonical
      ? { kind: 'same' }
      : { kind: 'refused', reason: `the pack reuses version ${pack.version} with other content` };
  }
  return { kind: 'accepted', pack };
}

export const acceptedOf = (pack: RulesPack): AcceptedPack => ({ version: pack.version, canonical: canonicalJson(pack) });

/**
 * The rules a site is read with: the pack's when they are newer than the bundled ones (an extension update
 * may bring newer rules than an old pack), the bundled ones otherwise.
 */
export function rulesForSite(pack: RulesPack | undefined, site: SiteId): SiteRules {
  const bundled = BUNDLED_RULES[site] as SiteRules;
  const fromPack = pack?.sites.find((s) => s.site === site);
  return fromPack && fromPack.version > bundled.version ? fromPack : bundled;
}
