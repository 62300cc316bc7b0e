/**
 * The signed site rules pack's address and the maintainers' public key, pinned at build time:
 * `WXT_SITE_RULES_URL` and `WXT_SITE_RULES_KEY` (base64 of the raw 32-byte Ed25519 key) in the environment of
 * `npm run build`. The private key stays with the maintainers, never in the repository; a build without both
 * takes no updates and says so on the options page. Tests build with a generated key (tests/e2e/site-rules.e2e.ts).
 */
/** Where packs come from and the key they must be signed with. */
export interface SiteRulesSource {
  url: string;
  publicKey: string;
}

const url = import.meta.env.WXT_SITE_RULES_URL as string | undefined;
const publicKey = import.meta.env.WXT_SITE_RULES_KEY as string | undefined;

export const PINNED_SITE_RULES: SiteRulesSource | null = url && publicKey ? { url, publicKey } : null;
