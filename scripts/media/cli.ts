/**
 * Media fingerprints for publishers and tests (the same code as the extension):
 *   npm run --silent media -- hash [--fps 10] FILE
 *       one JSON line: {"file", "kind", "frames": [{"t", "hash", "quality", "regions"}]}
 *   npm run --silent media -- match --against FILE... --query FILE
 *       {"query", "matches": [{"file", "match", "queryShare", "referenceShare"}]}
 * FILE is a video or image (decoded with Debian's ffmpeg; JPEG in JS), or a JSON line written by `hash`.
 * References are sampled at 10 frames a second, queries at 1, as the extension does.
 */
import { parseArgs } from 'node:util';
import { compareVideos, VIDEO_MATCH } from '../../lib/media/video';
import { fingerprintFile, loadFingerprint } from './fingerprint';

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

function main(): void {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'hash') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { fps: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('usage: media hash [--fps N] FILE');
    const fps = values.fps ? Number(values.fps) : VIDEO_MATCH.referenceFps;
    if (!(fps > 0 && fps <= 60)) throw new Error(`--fps must be between 0 and 60, got ${values.fps}`);
    process.stdout.write(`${JSON.stringify(fingerprintFile(positionals[0]!, fps))}\n`);
    return;
  }
  if (command === 'match') {
    const values = flagLists(rest);
    const queryFile = values.query?.[0];
    if (!queryFile || values.query!.length > 1 || !values.against?.length)
      throw new Error('usage: media match --against FILE... --query FILE');
    const query = loadFingerprint(queryFile, VIDEO_MATCH.queryFps);
    const matches = values.against.map((file) => {
      const result = compareVideos(query.frames, loadFingerprint(file).frames);
      return { file, match: result.match, queryShare: round(result.queryShare), referenceShare: round(result.referenceShare) };
    });
    process.stdout.write(`${JSON.stringify({ query: queryFile, matches })}\n`);
    return;
  }
  throw new Error('usage: media hash FILE | media match --against FILE... --query FILE');
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
