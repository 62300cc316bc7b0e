import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFeedKeys } from '../../lib/feeds/signature';

/**
 * A new Ed25519 key pair written to `dir` as `<prefix>-private-key.txt` (owner-only) and
 * `<prefix>-public-key.txt`; the feed and rules commands both sign with keys made here.
 */
export async function writeKeyPair(dir: string, prefix: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const keys = await generateFeedKeys();
  const privatePath = join(dir, `${prefix}-private-key.txt`);
  writeFileSync(privatePath, `${keys.privateKeyPkcs8}\n`, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(join(dir, `${prefix}-public-key.txt`), `${keys.publicKey}\n`);
  return keys.publicKey;
}
