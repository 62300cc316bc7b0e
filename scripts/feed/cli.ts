/**
 * Publisher tooling for a fact-checking desk's signed Sanad feed (static hosting is enough):
 *   npm run --silent feed -- keygen --out DIR
 *       writes DIR/feed-private-key.txt (keep it secret) and DIR/feed-public-key.txt (publish it)
 *   npm run --silent feed -- build --publisher NAME --feed-url URL --sequence N [--url URL] [--tombstones FILE] CLAIMREVIEW_FILE...
 *       prints an unsigned feed made of the ClaimReview items in the files (JSON, JSON-LD @graph or JSONL)
 *   npm run --silent feed -- harvest --site URL [--site URL…] --state FILE --feed-url URL --publisher NAME [--url URL] [--max-pages N] [--delay-ms N]
 *       prints an unsigned feed of every ClaimReview and MediaReview harvested from the desks' websites (their
 *       articles' JSON-LD, microdata, RDFa); only articles not in FILE yet are fetched, and only from the sites named
 *   npm run --silent feed -- sign --key DIR/feed-private-key.txt --public DIR/feed-public-key.txt FEED
 *       prints the feed with its Ed25519 signature
 *   npm run --silent feed -- verify --public DIR/feed-public-key.txt FEED
 *       checks the feed as an extension would; exit 1 with the reason if it would be refused
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { claimReviewToDebunk } from '../../lib/debunk/claimreview';
import { splitFeed } from '../../lib/debunk/parse-feed';
import { FEED_VERSION, parseSanadFeed } from '../../lib/feeds/sanad-feed';
import { signFeed, verifyFeed } from '../../lib/feeds/signature';
import { writeKeyPair } from '../support/signing-keys';
import { harvestToFeed } from './harvest';

const read = (file: string) => readFileSync(file, 'utf8').trim();

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      publisher: { type: 'string' },
      'feed-url': { type: 'string' },
      sequence: { type: 'string' },
      url: { type: 'string' },
      tombstones: { type: 'string' },
      key: { type: 'string' },
      public: { type: 'string' },
      site: { type: 'string', multiple: true },
      state: { type: 'string' },
      'max-pages': { type: 'string' },
      'delay-ms': { type: 'string' },
    },
  });

  if (command === 'keygen') {
    if (!values.out) throw new Error('usage: feed keygen --out DIR');
    const publicKey = await writeKeyPair(values.out, 'feed');
    console.log(`public key (subscribers pin it when they add your feed): ${publicKey}`);
    return;
  }

  if (command === 'build') {
    const usage = 'usage: feed build --publisher NAME --feed-url URL --sequence N [--url URL] [--tombstones FILE] CLAIMREVIEW_FILE...';
    if (!values.publisher || !positionals.length) throw new Error(usage);
    // Subscribers refuse a feed older than the one they hold, or signed for another address: say both.
    const sequence = Number(values.sequence);
    if (!values['feed-url'] || !/^https?:\/\//.test(values['feed-url']))
      throw new Error(`${usage}\n  --feed-url: the address the feed will be published at`);
    if (!Number.isSafeInteger(sequence) || sequence < 0)
      throw new Error(`${usage}\n  --sequence: a whole number, higher than the last published feed's`);
    const items: unknown[] = [];
    const problems: string[] = [];
    for (const file of positionals) {
      const { items: found, errors } = splitFeed(readFileSync(file, 'utf8'));
      errors.forEach((e) => problems.push(`${file}: ${e.reason}`));
      found.forEach((item, i) => {
        const check = claimReviewToDebunk(item, 'build');
        if (check.ok) items.push(item);
        else problems.push(`${file} item ${i + 1}: ${check.reason}`);
      });
    }
    if (problems.length) throw new Error(`not built, fix these first:\n  ${problems.join('\n  ')}`);
    const tombstones = values.tombstones ? (JSON.parse(read(values.tombstones)) as unknown[]) : [];
    const feed = {
      sanadFeed: FEED_VERSION,
      feed: values['feed-url'],
      sequence,
      publisher: { name: values.publisher, ...(values.url && { url: values.url }) },
      generated: new Date().toISOString(),
      items,
      tombstones,
    };
    process.stdout.write(`${JSON.stringify(feed)}\n`);
    return;
  }

  if (command === 'harvest') {
    const usage =
      'usage: feed harvest --site URL [--site URL…] --state FILE --feed-url URL --publisher NAME [--url URL] [--max-pages N] [--delay-ms N]';
    if (!values.site?.length || !values.state || !values['feed-url'] || !values.publisher) throw new Error(usage);
    const maxPages = values['max-pages'] === undefined ? undefined : Number(values['max-pages']);
    const delayMs = values['delay-ms'] === undefined ? undefined : Number(values['delay-ms']);
    if (maxPages !== undefined && !(Number.isSafeInteger(maxPages) && maxPages > 0 && maxPages <= 500))
      throw new Error(`${usage}\n  --max-pages: 1 to 500`);
    // A desk's server is someone else's: never faster than one request every 200 ms.
    if (delayMs !== undefined && !(delayMs >= 200)) throw new Error(`${usage}\n  --delay-ms: at least 200`);
    const { feed, log } = await harvestToFeed(
      {
        sites: values.site,
        stateFile: values.state,
        feedUrl: values['feed-url'],
        publisher: values.publisher,
        ...(values.url && { publisherUrl: values.url }),
        limits: {
          ...(maxPages !== undefined && { maxPages, firstBackfill: maxPages }),
          ...(delayMs !== undefined && { delayMs }),
        },
      },
      { fetch, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    );
    log.forEach((line) => console.error(line));
    process.stdout.write(`${JSON.stringify(feed)}\n`);
    return;
  }

  if (command === 'sign') {
    if (!values.key || !values.public || positionals.length !== 1)
      throw new Error('usage: feed sign --key PRIVATE_KEY_FILE --public PUBLIC_KEY_FILE FEED');
    const feed = JSON.parse(read(positionals[0]!)) as Record<string, unknown>;
    process.stdout.write(`${JSON.stringify(await signFeed(feed, read(values.key), read(values.public)))}\n`);
    return;
  }

  if (command === 'verify') {
    if (!values.public || positionals.length !== 1) throw new Error('usage: feed verify --public PUBLIC_KEY_FILE FEED');
    const body = read(positionals[0]!);
    const parsed = parseSanadFeed(body, 'verify');
    if (!parsed.ok) throw new Error(`refused: ${parsed.reason}`);
    const signature = await verifyFeed(JSON.parse(body) as Record<string, unknown>, read(values.public));
    if (!signature.ok) throw new Error(`refused: ${signature.reason}`);
    console.log(
      `ok: ${parsed.debunks.length} debunks, ${parsed.tombstones.length} tombstones, ${parsed.skipped.length} items skipped, signed by ${parsed.publisher.name}`,
    );
    return;
  }
  throw new Error('usage: feed keygen | build | harvest | sign | verify (see scripts/feed/cli.ts)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
