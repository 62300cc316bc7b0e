/**
 * Vitest global setup: a throwaway PostgreSQL for the intake service's tests. Uses DATABASE_URL when given;
 * otherwise, when Debian's postgresql is installed, starts a private cluster in a temporary directory (as the
 * `postgres` user when running as root, since PostgreSQL refuses root) on a free port, and stops it after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && join(root, version, 'bin');
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A private PostgreSQL cluster on a free port, or undefined when Debian's postgresql is not installed. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => void } | undefined> {
  const bin = postgresBin();
  if (!bin) return undefined;
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(command, full, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'sanad-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', 'mkdir', data]);
  run('initdb', ['-D', data, '-U', 'sanad', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://sanad@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  if (process.env.DATABASE_URL) return project.provide('postgresUrl', process.env.DATABASE_URL);
  const cluster = await startThrowawayPostgres();
  if (!cluster) {
    console.warn('intake tests: PostgreSQL is not installed (apt-get install postgresql): running them against SQLite only');
    return project.provide('postgresUrl', '');
  }
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
