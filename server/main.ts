/**
 * `npm run server`: the intake service on localhost.
 *   npm run server [-- --port 8787 --db data/intake.sqlite --desk "Desk name" --desk-url https://desk.example]
 *   npm run server -- add-reviewer NAME     prints a new reviewer's token (only its hash is stored)
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
  },
});

const file = resolve(values.db!);
mkdirSync(dirname(file), { recursive: true });
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: file });

if (positionals[0] === 'add-reviewer') {
  const name = positionals[1];
  if (!name) throw new Error('usage: npm run server -- add-reviewer NAME');
  const token = randomBytes(24).toString('base64url');
  await store.addReviewer(name, hashToken(token));
  console.log(`reviewer ${name} added; their link (shown once): http://${values.host}:${values.port}/review?token=${token}`);
  await store.close();
} else {
  const desk = { name: values.desk!, ...(values['desk-url'] && { url: values['desk-url'] }) };
  const app = createApp({ store, desk });
  const { publicKey } = await deskKeys(store);
  const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, (info) => {
    console.log(
      `Sanad intake on http://${values.host}:${info.port} (database ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : file})`,
    );
    console.log(`  submissions: POST /v1/submissions · review: /review?token=… · feed: /feed.json · feed key: ${publicKey}`);
  });
  const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
