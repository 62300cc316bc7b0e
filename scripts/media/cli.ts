/**
 * Media fingerprints for publishers and tests (the same code as the extension):
 *   npm run --silent media -- hash [--fps 10] [--dihedral] [--format sanad|pdq|vpdq] FILE
 *       sanad (default): one JSON line {"file", "kind", "frames": [{"t", "hash", "quality", "regions", "pdq", "pdqQuality",
 *       "upright", "centre"}]} ("upright": the hash in the orientation all turns share; "centre": its central 95 %)
 *       (--dihedral adds each frame's seven other orientations as "turned", and "uprightNear");
 *       pdq: `hash,quality,file` lines; vpdq: `frame_number,quality,hash,timestamp` lines (other PDQ tools' formats)
 *   npm run --silent media -- match [--dihedral] --against FILE... --query FILE
 *       {"query", "matches": [{"file", "match", "queryShare", "referenceShare"}]}; --dihedral also tries the
 *       query mirrored and rotated
 *   npm run --silent media -- reference
 *       bit distances of our plain PDQ from Meta's reference hasher, per set of ../shared/media/pdq-ref
 *   npm run --silent media -- c2pa [--json] FILE...
 *       the Content Credentials (C2PA) each file carries, checked by the official CAI SDK (the WASM the media
 *       tools page uses): valid or invalid, signer, generator, actions, AI source, failures, one line per file;
 *       with --json one line per file: what the manifest says (the feed's `contentCredentials` shape) and the
 *       SDK's verdict as `verified`.
 * FILE is a video or image (JPEG decoded by libjpeg-turbo, the rest by Debian's ffmpeg), a JSON line written by
 * `hash`, or a PDQ/vPDQ list (.csv/.txt) from another tool. References are sampled at 10 frames a second,
 * queries at 1, as the extension does.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkDataHash, readContentCredentials } from '../../lib/media/c2pa';
import { verdictLine } from '../../components/media-words';
import type { VerifiedCredentials } from '../../lib/media/c2pa-verified';
import { useMessages, type Messages } from '../../lib/i18n/t';
import { formatPdqList, formatVpdqList } from '../../lib/media/pdq-lists';
import { compareVideos, VIDEO_MATCH } from '../../lib/media/video';
import { verifyFileCredentials } from './c2pa-official';
import { fingerprintFile, loadFingerprint } from './fingerprint';
import { compareWithReference, distanceSummary, referenceSets } from './reference-check';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `--against a b c --query q` → { against: [a, b, c], query: [q] }: each flag takes every value up to the next flag. */
function flagLists(args: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string | null = null;
  for (const arg of args) {
    if (arg.startsWith('--')) out[(current = arg.slice(2))] ??= [];
    else if (current) out[current]!.push(arg);
    else throw new Error(`unexpected argument ${arg}`);
  }
  return out;
}

/**
 * The SDK's verdict first; then, only when the credentials are valid, who made and signed the file and its
 * actions; for invalid ones the failures, never what the manifest claims.
 */
function verifiedLine(v: VerifiedCredentials, c: ReturnType<typeof readContentCredentials>): string {
  const parts = [verdictLine(v)];
  if (v.state === 'valid' || v.state === 'trusted') {
    if (v.claimGenerator) parts.push(`Generator: ${v.claimGenerator}.`);
    const signer = [v.signer?.commonName, v.signer?.issuer && `issued by ${v.signer.issuer}`].filter(Boolean).join(', ');
    if (signer) parts.push(`Signer: ${signer}.`);
    const actions = v.actions.map((a) => a.action + (a.digitalSourceType ? ` (${a.digitalSourceType.split('/').pop()})` : ''));
    parts.push(`Actions: ${actions.join(', ') || 'none'}.`);
    if (c.ingredients.length) parts.push(`Ingredients: ${c.ingredients.join(', ')}.`);
    if (c.manifestCount > 1) parts.push(`${c.manifestCount} manifests.`);
  } else if (v.failures.length) parts.push(`Failures: ${v.failures.map((f) => f.code).join(', ')}.`);
  return parts.join(' ');
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'hash') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { fps: { type: 'string' }, dihedral: { type: 'boolean' }, format: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new Error('usage: media hash [--fps N] [--dihedral] [--format sanad|pdq|vpdq] FILE');
    const fps = values.fps ? Number(values.fps) : VIDEO_MATCH.referenceFps;
    if (!(fps > 0 && fps <= 60)) throw new Error(`--fps must be between 0 and 60, got ${values.fps}`);
    const format = values.format ?? 'sanad';
    if (!['sanad', 'pdq', 'vpdq'].includes(format)) throw new Error(`--format must be sanad, pdq or vpdq, got ${format}`);
    const fingerprint = fingerprintFile(positionals[0]!, fps, { dihedral: !!values.dihedral });
    if (format === 'pdq') process.stdout.write(formatPdqList(fingerprint.frames, fingerprint.file));
    else if (format === 'vpdq') process.stdout.write(formatVpdqList(fingerprint.frames, fingerprint.frameRate ?? fps));
    else process.stdout.write(`${JSON.stringify(fingerprint)}\n`);
    return;
  }
  if (command === 'match') {
    const values = flagLists(rest);
    const queryFile = values.query?.[0];
    if (!queryFile || values.query!.length > 1 || !values.against?.length || values.dihedral?.length)
      throw new Error('usage: media match [--dihedral] --against FILE... --query FILE');
    const query = loadFingerprint(queryFile, VIDEO_MATCH.queryFps, { dihedral: !!values.dihedral });
    const matches = values.against.map((file) => {
      const result = compareVideos(query.frames, loadFingerprint(file).frames);
      return { file, match: result.match, queryShare: round(result.queryShare), referenceShare: round(result.referenceShare) };
    });
    process.stdout.write(`${JSON.stringify({ query: queryFile, matches })}\n`);
    return;
  }
  if (command === 'reference') {
    const sets = referenceSets();
    if (!sets.length) throw new Error('no reference sets: ../shared/media/pdq-ref is not here');
    for (const set of sets) {
      const rows = compareWithReference(set);
      for (const group of new Set(rows.map((r) => r.set))) {
        const of = rows.filter((r) => r.set === group);
        const s = distanceSummary(of);
        const worst = Math.max(...of.map((r) => r.distance));
        process.stdout.write(
          `${group}: ${s.count} files at quality ≥ 80, bits min/median/max ${s.min}/${s.median}/${s.max}; worst of all ${of.length}: ${worst}\n`,
        );
      }
    }
    return;
  }
  if (command === 'c2pa') {
    // The media tools page's own English sentences, read from the extension's message table.
    useMessages(JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages);
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (!positionals.length) throw new Error('usage: media c2pa [--json] FILE...');
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 2; // the other files are still read
        continue;
      }
      const credentials = readContentCredentials(bytes);
      const dataHashCheck = await checkDataHash(bytes, credentials.dataHash);
      const verified = await verifyFileCredentials(bytes, file);
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ file, ...credentials, dataHashCheck, verified })}\n`
          : `${file}: ${verifiedLine(verified, credentials)}\n`,
      );
    }
    return;
  }
  throw new Error(
    'usage: media c2pa [--json] FILE... | media reference | media hash [--dihedral] [--format sanad|pdq|vpdq] FILE | media match [--dihedral] --against FILE... --query FILE',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
