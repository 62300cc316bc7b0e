/**
 * Maintainer tooling for signed site rules packs (lib/site-rules; README "Site rules"):
 *   npm run --silent rules -- keygen --out DIR
 *       writes DIR/rules-private-key.txt (keep it secret, never in the repository) and DIR/rules-public-key.txt
 *       (its base64 goes in the release build's WXT_SITE_RULES_KEY)
 *   npm run --silent rules -- build --version N [--site ID…] [--rules-dir DIR]
 *       prints an unsigned pack of the rule files DIR/<id>/rules.json (default lib/sites), every site or those
 *       named; refused here already if Sanad would refuse it
 *   npm run --silent rules -- sign --key PRIVATE_KEY_FILE --public PUBLIC_KEY_FILE PACK
 *       prints the pack with its Ed25519 signature
 *   npm run --silent rules -- verify --public PUBLIC_KEY_FILE [--last-version N] PACK
 *       checks the pack as the extension would (after accepting version N); exit 1 with the reason if refused
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRulesPack, signRulesPack } from '../../lib/site-rules/build';
import type { SiteRules } from '../../lib/site-rules/bundled';
import type { RulesPack } from '../../lib/site-rules/check';
import { acceptRulesPack } from '../../lib/site-rules/pack';
import { writeKeyPair } from '../support/signing-keys';
import { SITE_IDS } from '../../lib/sites/platforms';

const read = (file: string) => readFileSync(file, 'utf8').trim();
const wholeNumber = (value: string | undefined, name: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
  return n;
};

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      version: { type: 'string' },
      site: { type: 'string', multiple: true },
      'rules-dir': { type: 'string' },
      key: { type: 'string' },
      public: { type: 'string' },
      'last-version': { type: 'string' },
    },
  });

  if (command === 'keygen') {
    if (!values.out) throw new Error('usage: rules keygen --out DIR');
    const publicKey = await writeKeyPair(values.out, 'rules');
    console.log(`public key (the release build's WXT_SITE_RULES_KEY): ${publicKey}`);
    return;
  }

  if (command === 'build') {
    if (!values.version) throw new Error('usage: rules build --version N [--site ID…] [--rules-dir DIR]');
    const version = wholeNumber(values.version, 'version');
    const sites = values.site ?? [...SITE_IDS];
    for (const site of sites) if (!SITE_IDS.includes(site as never)) throw new Error(`no site ${site} (sites: ${SITE_IDS.join(', ')})`);
    const dir = resolve(values['rules-dir'] ?? 'lib/sites');
    const rules = sites.map((site) => JSON.parse(read(join(dir, site, 'rules.json'))) as SiteRules);
    process.stdout.write(`${JSON.stringify(buildRulesPack(version, rules, new Date()))}\n`);
    return;
  }

  if (command === 'sign') {
    if (!values.key || !values.public || positionals.length !== 1)
      throw new Error('usage: rules sign --key PRIVATE_KEY_FILE --public PUBLIC_KEY_FILE PACK');
    const pack = JSON.parse(read(positionals[0]!)) as RulesPack;
    process.stdout.write(`${JSON.stringify(await signRulesPack(pack, read(values.key), read(values.public)))}\n`);
    return;
  }

  if (command === 'verify') {
    if (!values.public || positionals.length !== 1) throw new Error('usage: rules verify --public PUBLIC_KEY_FILE [--last-version N] PACK');
    // The accepted pack's content is not known here: a pack of the same version counts as other content.
    const last = values['last-version'] ? { version: wholeNumber(values['last-version'], 'last-version'), canonical: '' } : undefined;
    const verdict = await acceptRulesPack(read(positionals[0]!), read(values.public), last);
    if (verdict.kind === 'refused') throw new Error(`refused: ${verdict.reason}`);
    if (verdict.kind === 'same') throw new Error('refused: the pack reuses the last accepted version');
    const sites = verdict.pack.sites.map((s) => `${s.site} ${s.version}`).join(', ');
    console.log(`ok: pack version ${verdict.pack.version} of ${verdict.pack.generated}; site rules ${sites}`);
    return;
  }
  throw new Error('usage: rules keygen | build | sign | verify (see scripts/rules/cli.ts)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
