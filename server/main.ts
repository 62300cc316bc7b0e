/**
 * `npm run server`: the intake service.
 *   npm run server [-- --port 8787 --db data/intake.sqlite --desk "Desk name" --desk-url https://desk.example]
 *   npm run server -- add-reviewer NAME      prints a new reviewer's login token once (only its hash is stored)
 *   npm run server -- remove-reviewer NAME   removes them and ends their sessions
 *   npm run server -- list-reviewers
 *   --import FILE_OR_URL (repeatable): a list of debunks (ClaimReview or Sanad feed) the console compares each
 *   submission with, beside the desk's own feed; a URL is read again every hour.
 * Behind a TLS proxy: PUBLIC_ORIGIN=https://desk.example (the console's address as browsers see it: cookies
 * become Secure and form posts are compared with it) and TRUST_PROXY=1 (client addresses from X-Forwarded-For).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp, hashToken } from './app';
import { deskKeys } from './desk-feed';
import { openStore } from './open-store';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: process.env.SANAD_INTAKE_DB ?? 'data/intake.sqlite' },
    desk: { type: 'string', default: 'Sanad intake desk' },
    'desk-url': { type: 'string' },
    'public-origin': { type: 'string', default: process.env.PUBLIC_ORIGIN },
    'time-zone': { type: 'string', default: process.env.DESK_TIME_ZONE ?? 'UTC' },
    /** A list of debunks to compare submissions with (a ClaimReview or Sanad feed file or URL); repeatable. */
    import: { type: 'string', multiple: true, default: [] },
  },
});

const publicOrigin = values['public-origin'] ? new URL(values['public-origin']).origin : undefined;
const consoleAddress = publicOrigin ?? `http://${values.host}:${values.port}`;
const file = resolve(values.db!);
mkdirSync(dirname(file), { recursive: true });
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: file });
const [command, name] = positionals;

if (command === 'add-reviewer') {
  if (!name) throw new Error('usage: npm run server -- add-reviewer NAME');
  if ((await store.listReviewers()).some((r) => r.name === name)) throw new Error(`${name} is a reviewer already (remove-reviewer first)`);
  const token = randomBytes(24).toString('base64url');
  await store.addReviewer(name, hashToken(token));
  console.log(`reviewer ${name} added. Log in at ${consoleAddress}/review with this token (shown once):\n${token}`);
  await store.close();
} else if (command === 'remove-reviewer') {
  if (!name) throw new Error('usage: npm run server -- remove-reviewer NAME');
  const removed = await store.removeReviewer(name);
  console.log(removed ? `reviewer ${name} removed; their sessions are ended` : `no reviewer named ${name}`);
  await store.close();
  if (!removed) process.exitCode = 1;
} else if (command === 'list-reviewers') {
  for (const r of await store.listReviewers()) console.log(`${r.name}\tadded ${r.createdAt}`);
  await store.close();
} else if (command) {
  throw new Error(`unknown command ${command}: add-reviewer, remove-reviewer or list-reviewers`);
} else {
  const desk = { name: values.desk!, ...(values['desk-url'] && { url: values['desk-url'] }) };
  const app = createApp({
    store,
    desk,
    ...(publicOrigin && { publicOrigin }),
    trustProxy: process.env.TRUST_PROXY === '1',
    timeZone: values['time-zone']!,
    imports: values.import!.map((location, i) => ({ name: `list-${i + 1}`, location })),
  });
  const { publicKey } = await deskKeys(store);
  const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, (info) => {
    console.log(
      `Sanad intake on http://${values.host}:${info.port} (database ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : file})`,
    );
    console.log(`  submissions: POST /v1/submissions · console: ${consoleAddress}/review · feed: /feed.json · feed key: ${publicKey}`);
  });
  const stop = () =>
    server.close(
      () =>
        void app
          .stop()
          .then(() => store.close())
          .then(() => process.exit(0)),
    );
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
