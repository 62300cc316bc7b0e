import { beforeAll, describe, expect, it } from 'vitest';
import { generateFeedKeys, signFeed } from '../feeds/signature';
import { BUNDLED_RULES, type SiteRules } from './bundled';
import { buildRulesPack, signRulesPack } from './build';
import { RULES_LIMITS } from './check';
import { acceptedOf, acceptRulesPack, rulesForSite, type AcceptedPack } from './pack';

let keys: { privateKeyPkcs8: string; publicKey: string };
let otherKeys: { privateKeyPkcs8: string; publicKey: string };
beforeAll(async () => {
  keys = await generateFeedKeys();
  otherKeys = await generateFeedKeys();
});

const copy = <T>(value: T): T => structuredClone(value);
const facebookV2 = (): SiteRules => ({ ...copy(BUNDLED_RULES.facebook), version: 2 });
const NOW = new Date('2026-12-01T10:00:00Z');

/** A pack as JSON, open to the edits a faulty or hostile pack would carry. */
type Section = Record<string, unknown>;
type Editable = Record<string, unknown> & {
  sites: (Section & { selectors: Section; patterns: Section; attributes: Section })[];
};

async function signed(version = 2, sites: SiteRules[] = [facebookV2()], signer = keys) {
  return signRulesPack(buildRulesPack(version, sites, NOW), signer.privateKeyPkcs8, signer.publicKey);
}
/** A signed pack changed after signing through `edit` and signed again (as a maintainer's mistake would be). */
async function signedRaw(edit: (pack: Editable) => void) {
  const pack = copy(buildRulesPack(2, [facebookV2()], NOW)) as unknown as Editable;
  edit(pack);
  return signFeed(pack, keys.privateKeyPkcs8, keys.publicKey);
}
const accept = (pack: unknown, last?: AcceptedPack) => acceptRulesPack(JSON.stringify(pack), keys.publicKey, last);
const refusal = async (pack: unknown, last?: AcceptedPack) => {
  const verdict = await accept(pack, last);
  expect(verdict.kind).toBe('refused');
  return verdict.kind === 'refused' ? verdict.reason : '';
};

describe('a signed site rules pack', () => {
  it('is accepted when signed with the pinned key and newer than the last', async () => {
    const pack = await signed(3);
    const verdict = await accept(pack, { version: 2, canonical: '{}' });
    expect(verdict.kind).toBe('accepted');
    if (verdict.kind === 'accepted') expect(rulesForSite(verdict.pack, 'facebook').version).toBe(2);
  });

  it('fetched again unchanged is the same, not an error', async () => {
    const pack = await signed(3);
    const first = await accept(pack);
    expect(first.kind).toBe('accepted');
    if (first.kind !== 'accepted') return;
    expect((await accept(pack, acceptedOf(first.pack))).kind).toBe('same');
  });

  it('is refused when unsigned, signed with another key, or changed after signing', async () => {
    const { signature: _s, ...unsigned } = await signed();
    expect(await refusal(unsigned)).toBe('the pack is not signed');
    expect(await refusal(await signed(2, [facebookV2()], otherKeys))).toMatch(/signed with another key/);
    // Another key's signature claiming the pinned key: the bytes do not verify.
    const forged = await signed(2, [facebookV2()], otherKeys);
    forged.signature.publicKey = keys.publicKey;
    expect(await refusal(forged)).toMatch(/bad signature/);
    const changed = await signed();
    changed.sites[0]!.selectors.post = ['article'];
    expect(await refusal(changed)).toMatch(/bad signature: the pack was changed after signing/);
  });

  it('is refused as a replay or a downgrade', async () => {
    const v3 = await signed(3);
    const first = await accept(v3);
    if (first.kind !== 'accepted') throw new Error('not accepted');
    const last = acceptedOf(first.pack);
    expect(await refusal(await signed(2), last)).toMatch(/version 2 is older than the accepted version 3/);
    const otherV3 = await signed(3, [{ ...facebookV2(), version: 5 }]);
    expect(await refusal(otherV3, last)).toMatch(/reuses version 3 with other content/);
  });

  it.each([
    ['an unknown pack field', (p: Record<string, unknown>) => (p.extra = 1), /unknown field "extra"/],
    ['an unknown site field', (p: Editable) => (p.sites[0]!.script = 'alert(1)'), /unknown field "script"/],
    ['an unknown selector name', (p: Editable) => (p.sites[0]!.selectors.newThing = ['a']), /unknown field "newThing"/],
    ['a missing selector', (p: Editable) => delete p.sites[0]!.selectors.message, /lacks the field "message"/],
    ['a missing pattern', (p: Editable) => delete p.sites[0]!.patterns.siteLink, /lacks the field "siteLink"/],
    ['a selector that does not parse', (p: Editable) => (p.sites[0]!.selectors.post = ['[role="feed" >']), /does not parse/],
    ['a selector that is not a string', (p: Editable) => (p.sites[0]!.selectors.post = [42]), /not a string/],
    ['an empty selector list', (p: Editable) => (p.sites[0]!.selectors.post = []), /not a list of 1 to/],
    [
      'too many selectors',
      (p: Editable) => (p.sites[0]!.selectors.post = Array(RULES_LIMITS.selectorsPerRule + 1).fill('a')),
      /not a list of 1 to/,
    ],
    ['an unsafe pattern', (p: Editable) => (p.sites[0]!.patterns.groupPath = '^(/[a-z]+)+$'), /catastrophic backtracking/],
    ['an invalid pattern', (p: Editable) => (p.sites[0]!.patterns.groupPath = '^(/groups'), /not a valid regular expression/],
    ['a pattern that is not a string', (p: Editable) => (p.sites[0]!.patterns.groupPath = ['x']), /is not a string/],
    ['an attribute that is not a name', (p: Editable) => (p.sites[0]!.attributes.utime = ['onclick="x"']), /not an attribute name/],
    ['an unknown site', (p: Editable) => (p.sites[0]!.site = 'myspace'), /names no supported site/],
    ['a site twice', (p: Editable) => p.sites.push(copy(p.sites[0]!)), /one site twice/],
    ['no sites', (p: Editable) => (p.sites = []), /does not hold 1 to/],
    ['another format', (p: Editable) => (p.format = 'sanad-feed'), /format is not/],
    ['a version that is not a whole number', (p: Editable) => (p.version = 2.5), /version is not a positive whole number/],
    ['a site version that is not a whole number', (p: Editable) => (p.sites[0]!.version = '2'), /facebook: version is not/],
    ['a generated time that is not a date', (p: Editable) => (p.generated = 'yesterday'), /not a date/],
    ['notes that are not text', (p: Editable) => (p.sites[0]!.notes = { a: { b: 1 } }), /short text/],
  ])('is refused whole for %s, even when signed', async (_name, edit, reason) => {
    expect(await refusal(await signedRaw(edit))).toMatch(reason);
  });

  it('is refused when too large or not JSON, before anything else', async () => {
    const big = await signedRaw((p: Editable) => (p.sites[0]!.notes = { about: 'x'.repeat(1_900) }));
    expect((await accept(big)).kind).toBe('accepted');
    const body = JSON.stringify(big) + ' '.repeat(RULES_LIMITS.bytes);
    const verdict = await acceptRulesPack(body, keys.publicKey, undefined);
    expect(verdict).toEqual({ kind: 'refused', reason: `the pack is larger than ${RULES_LIMITS.bytes} bytes` });
    expect(await acceptRulesPack('{"format":', keys.publicKey, undefined)).toEqual({ kind: 'refused', reason: 'the pack is not JSON' });
  });

  it("keeps the bundled rules for a site whose pack rules are not newer than the build's", async () => {
    const pack = buildRulesPack(9, [{ ...copy(BUNDLED_RULES.x), version: 1 }, facebookV2()], NOW);
    expect(rulesForSite(pack, 'x')).toBe(BUNDLED_RULES.x);
    expect(rulesForSite(pack, 'facebook').version).toBe(2);
    expect(rulesForSite(pack, 'youtube')).toBe(BUNDLED_RULES.youtube);
  });

  it('cannot be built from rules Sanad would refuse', () => {
    expect(() => buildRulesPack(1, [{ ...facebookV2(), selectors: { ...facebookV2().selectors, post: ['a['] } }], NOW)).toThrow(
      /does not parse/,
    );
  });
});
