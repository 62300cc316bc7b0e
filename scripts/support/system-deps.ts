/**
 * The system programs Sanad's commands need, found or installed from Debian's packages. One module for the demo,
 * the tests, the benches and `.ci/run`:
 *
 *   tsx scripts/support/system-deps.ts demo|test|bench|media   find or install what that command needs
 *   tsx scripts/support/system-deps.ts --check test            only report (exit 1 when something is missing)
 *
 * On Debian/Ubuntu it runs `apt-get update` once and `apt-get install -y` (non-interactive) as root, or through
 * `sudo` otherwise, saying what it installs and why. Elsewhere (macOS, Windows, other Linux) it stops with the
 * exact command to run there. Nothing is ever downloaded from outside the system's package manager.
 * `SANAD_NO_INSTALL=1` turns installing off (report only). Plain Node: no npm package needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Tool = 'chromium' | 'ffmpeg' | 'postgresql' | 'firefox-esr';

/** What each command needs. */
export const NEEDS: Record<string, Tool[]> = {
  demo: ['chromium'],
  test: ['chromium', 'ffmpeg', 'postgresql', 'firefox-esr'],
  bench: ['chromium'],
  media: ['ffmpeg'],
};

const WHY: Record<Tool, string> = {
  chromium: 'the demo, the E2E tests and the benches run Sanad in real Chromium',
  ffmpeg: 'video fingerprint tests decode the shared clips with ffmpeg',
  postgresql: "the intake service's tests also run against a private PostgreSQL cluster",
  'firefox-esr': "the Firefox E2E tests run Sanad's Firefox build in real Firefox",
};

const onPath = (name: string): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
};

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];
export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findChromiumBinary(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

export function findFirefoxBinary(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
    }
  }
  const initdb = onPath('initdb');
  return initdb ? join(initdb, '..') : undefined;
}

/** Where the tool is, or undefined. */
export function find(tool: Tool): string | undefined {
  switch (tool) {
    case 'chromium':
      return findChromiumBinary();
    case 'firefox-esr':
      return findFirefoxBinary();
    case 'ffmpeg':
      return onPath('ffmpeg') && onPath('ffprobe') ? onPath('ffmpeg') : undefined;
    case 'postgresql':
      return findPostgresBin();
  }
}

/** The command that installs `tools` on a system without apt-get. */
export function otherSystemCommand(
  tools: Tool[],
  platform: string = process.platform,
  has: (cmd: string) => boolean = (c) => !!onPath(c),
): string {
  if (platform === 'darwin') {
    const casks = tools.flatMap((t) => (t === 'chromium' ? ['chromium'] : t === 'firefox-esr' ? ['firefox@esr'] : []));
    const formulae = tools.flatMap((t) => (t === 'ffmpeg' ? ['ffmpeg'] : t === 'postgresql' ? ['postgresql@17'] : []));
    return [casks.length ? `brew install --cask ${casks.join(' ')}` : '', formulae.length ? `brew install ${formulae.join(' ')}` : '']
      .filter(Boolean)
      .join(' && ');
  }
  if (platform === 'win32') {
    const ids: Record<Tool, string> = {
      chromium: 'Hibbiki.Chromium',
      ffmpeg: 'Gyan.FFmpeg',
      postgresql: 'PostgreSQL.PostgreSQL.17',
      'firefox-esr': 'Mozilla.Firefox.ESR',
    };
    return tools.map((t) => `winget install -e --id ${ids[t]}`).join(' && ');
  }
  if (has('dnf')) {
    const p: Record<Tool, string> = {
      chromium: 'chromium',
      ffmpeg: 'ffmpeg-free',
      postgresql: 'postgresql-server',
      'firefox-esr': 'firefox',
    };
    return `sudo dnf install -y ${tools.map((t) => p[t]).join(' ')}`;
  }
  if (has('pacman')) {
    const p: Record<Tool, string> = { chromium: 'chromium', ffmpeg: 'ffmpeg', postgresql: 'postgresql', 'firefox-esr': 'firefox' };
    return `sudo pacman -S --needed ${tools.map((t) => p[t]).join(' ')}`;
  }
  if (has('zypper')) {
    const p: Record<Tool, string> = {
      chromium: 'chromium',
      ffmpeg: 'ffmpeg',
      postgresql: 'postgresql-server',
      'firefox-esr': 'MozillaFirefox',
    };
    return `sudo zypper install -y ${tools.map((t) => p[t]).join(' ')}`;
  }
  return `install ${tools.join(', ')} with your system's package manager`;
}

const pathHint: Record<Tool, string> = {
  chromium: 'or set CHROMIUM_PATH to a Chromium or Chrome binary',
  'firefox-esr': 'or set FIREFOX_PATH to a Firefox binary (128 ESR or later)',
  ffmpeg: 'ffmpeg and ffprobe must be on PATH',
  postgresql: 'initdb must be under /usr/lib/postgresql/<version>/bin or on PATH',
};

/** Runs an apt-get step; its chatter is kept back and shown only when the step fails. */
function run(cmd: string, args: string[]): { ok: boolean; output: string } {
  console.error(`system-deps: $ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const ok = result.status === 0;
  if (!ok) console.error(output.split('\n').slice(-40).join('\n'));
  return { ok, output };
}

/** Finds or installs `tools`; returns the ones still missing after trying. */
export function ensure(tools: Tool[], { install = true }: { install?: boolean } = {}): Tool[] {
  const missing = tools.filter((t) => !find(t));
  for (const t of tools) if (!missing.includes(t)) console.error(`system-deps: ${t} found (${find(t)})`);
  if (missing.length === 0) return [];

  const envVar: Partial<Record<Tool, string>> = { chromium: 'CHROMIUM_PATH', 'firefox-esr': 'FIREFOX_PATH' };
  const badEnv = missing.filter((t) => envVar[t] && process.env[envVar[t]!]);
  if (badEnv.length) {
    for (const t of badEnv)
      console.error(`system-deps: ${envVar[t]}=${process.env[envVar[t]!]} does not exist (unset it to use or install Debian's ${t})`);
    return missing;
  }
  const why = missing.map((t) => `  ${t}: ${WHY[t]}`).join('\n');
  if (!install) {
    console.error(`system-deps: missing\n${why}`);
    return missing;
  }
  const aptGet = onPath('apt-get');
  if (!aptGet || process.platform !== 'linux') {
    console.error(
      `system-deps: missing\n${why}\nThis system has no apt-get. Install them with:\n\n  ${otherSystemCommand(missing)}\n\n` +
        missing.map((t) => `(${t}: ${pathHint[t]})`).join('\n'),
    );
    return missing;
  }

  let prefix: string[] = [];
  if (process.getuid?.() !== 0) {
    if (!onPath('sudo')) {
      console.error(
        `system-deps: missing\n${why}\nNot root and no sudo. As root, run:\n\n  apt-get update && apt-get install -y ${missing.join(' ')}\n`,
      );
      return missing;
    }
    // Without a terminal (CI, no stdin) sudo must not wait for a password.
    prefix = process.stdin.isTTY ? ['sudo'] : ['sudo', '-n'];
  }
  console.error(
    `system-deps: installing Debian's ${missing.join(', ')} with apt-get${prefix.length ? ' (through sudo)' : ''}, because\n${why}`,
  );
  const started = Date.now();
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const [cmd, ...pre] = [...prefix, 'apt-get'];
  if (!run(cmd!, [...pre, ...lock, 'update', '-qq']).ok) console.error('system-deps: apt-get update failed; trying the install anyway');
  const { ok, output } = run(cmd!, [
    ...pre,
    ...lock,
    'install',
    '-y',
    '-qq',
    '-o',
    'Dpkg::Options::=--force-confdef',
    '-o',
    'Dpkg::Options::=--force-confold',
    ...missing,
  ]);
  const still = missing.filter((t) => !find(t));
  if (!ok || still.length) {
    console.error(
      `system-deps: still missing after apt-get: ${still.join(', ') || '(install failed)'}\nRun by hand:\n\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`,
    );
    return still.length ? still : missing;
  }
  const setUp = [...output.matchAll(/^Setting up (\S+) \(([^)]+)\)/gm)].map((m) => `${m[1]} ${m[2]}`);
  console.error(
    `system-deps: installed ${missing.join(', ')} in ${Math.round((Date.now() - started) / 1000)} s (${setUp.length} Debian packages set up with their dependencies):`,
  );
  for (const t of missing) console.error(`  ${t}: ${setUp.find((p) => p.startsWith(`${t} `)) ?? find(t)}`);
  if (setUp.length) console.error(`  all: ${setUp.map((p) => p.split(' ')[0]).join(' ')}`);
  return [];
}

function main(argv: string[]): number {
  const check = argv.includes('--check') || process.env.SANAD_NO_INSTALL === '1';
  const names = argv.filter((a) => !a.startsWith('--'));
  if (names.length === 0) {
    console.error(`usage: system-deps.ts [--check] <${Object.keys(NEEDS).join('|')}|${Object.keys(WHY).join('|')}>…`);
    return 2;
  }
  const tools = new Set<Tool>();
  for (const name of names) {
    const needs = NEEDS[name] ?? (name in WHY ? [name as Tool] : undefined);
    if (!needs) {
      console.error(`system-deps: unknown command or tool "${name}"`);
      return 2;
    }
    needs.forEach((t) => tools.add(t));
  }
  return ensure([...tools], { install: !check }).length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
