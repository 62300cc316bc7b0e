/** The intake service on 127.0.0.1 for tests and benches: a real HTTP server over a real SQLite file. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, hashToken } from '../../server/app';
import { openSqliteStore } from '../../server/open-store';
import type { IntakeStore } from '../../server/store';

export interface RunningIntake {
  url: string;
  port: number;
  store: IntakeStore;
  stop(): Promise<void>;
}

/** Starts the service on `port` (0: any free port) with the database at `file`. */
export async function startIntake(file: string, port = 0, rate = { perMinute: 100_000, burst: 100_000 }): Promise<RunningIntake> {
  const store = await openSqliteStore(file);
  const app = createApp({ store, desk: { name: 'Test desk', url: 'https://desk.example' }, rate });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    store,
    stop: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => void store.close().then(resolve));
      }),
  };
}

/** Adds a reviewer and returns the cookie their review session uses. */
export async function reviewerCookie(store: IntakeStore, name = 'Reviewer'): Promise<string> {
  const token = `token-${name}-${Math.random().toString(36).slice(2)}`;
  await store.addReviewer(name, hashToken(token));
  return `sanad_review=${token}`;
}
