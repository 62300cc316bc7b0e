/** Building and signing a site rules pack (the maintainers' `npm run rules`, and tests). */
import { signFeed, type FeedSignature } from '../feeds/signature';
import type { SiteRules } from './bundled';
import { checkRulesPack, RULES_PACK_FORMAT, type RulesPack } from './check';

/** An unsigned pack of the given rules; refused here already when it would be refused by Sanad. */
export function buildRulesPack(version: number, sites: readonly SiteRules[], generated: Date): RulesPack {
  const pack: RulesPack = { format: RULES_PACK_FORMAT, version, generated: generated.toISOString(), sites: [...sites] };
  const checked = checkRulesPack(pack);
  if (!checked.ok) throw new Error(checked.reason);
  return pack;
}

/** The pack signed with the maintainers' key (PKCS#8, base64), its public half named in the signature. */
export async function signRulesPack(
  pack: RulesPack,
  privateKeyPkcs8: string,
  publicKey: string,
): Promise<RulesPack & { signature: FeedSignature }> {
  const { signature: _old, ...unsigned } = pack;
  return (await signFeed(unsigned as Record<string, unknown>, privateKeyPkcs8, publicKey)) as unknown as RulesPack & {
    signature: FeedSignature;
  };
}
