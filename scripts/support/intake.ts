/** The intake service on 127.0.0.1 for tests and benches: a real HTTP server over a real SQLite file or PostgreSQL. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { createApp, hashToken, type AppOptions } from '../../server/app';
import { randomId, sha256 } from '../../server/review-auth';
import { openStore } from '../../server/open-store';
import type { IntakeStore } from '../../server/store';

export interface RunningIntake {
  url: string;
  port: number;
  store: IntakeStore;
  stop(): Promise<void>;
}

/** Starts the service on `port` (0: any free port) with the database `database`: a SQLite file or a postgres:// URL. */
export async function startIntake(
  database: string,
  port = 0,
  rate = { perMinute: 100_000, burst: 100_000 },
  options: Partial<AppOptions> = {},
): Promise<RunningIntake> {
  const store = await openStore(
    /^postgres(ql)?:\/\//.test(database) ? { databaseUrl: database, sqliteFile: '' } : { sqliteFile: database },
  );
  const app = createApp({ store, desk: { name: 'Test desk', url: 'https://desk.example' }, rate, addressRate: rate, ...options });
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
        server.close(
          () =>
            void app
              .stop()
              .then(() => store.close())
              .then(resolve),
        );
      }),
  };
}

/** Adds a reviewer and returns the token they log in with. */
export async function addReviewer(store: IntakeStore, name = 'Reviewer'): Promise<string> {
  const token = `token-${name}-${randomId()}`;
  await store.addReviewer(name, hashToken(token));
  return token;
}

/** A live console session for a reviewer, as the login would make it: its cookie and its form token. */
export async function reviewerSession(store: IntakeStore, name: string): Promise<{ cookie: string; csrf: string }> {
  const id = randomId();
  const csrf = randomId();
  await store.createSession(sha256(id), { reviewer: name, csrf, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  return { cookie: `sanad_session=${id}`, csrf };
}

/** A reviewer logs in to the console as a person does: opens it, types the token, clicks Log in. */
export async function logInToConsole(page: Page, intakeUrl: string, token: string, lang: 'en' | 'ar' = 'en'): Promise<void> {
  await page.goto(`${intakeUrl}/review?lang=${lang}`);
  await page.locator('input[name="token"]').fill(token);
  await page.getByRole('button', { name: lang === 'ar' ? 'تسجيل الدخول' : 'Log in' }).click();
  await page.waitForSelector('nav.filters');
}
