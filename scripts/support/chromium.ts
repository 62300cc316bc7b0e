/**
 * Launching Debian's Chromium with the built extension loaded (demo and E2E). Never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChromiumBinary } from './system-deps';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
  const found = findChromiumBinary();
  if (!found) {
    throw new Error(
      "Chromium not found. `npm run system-deps chromium` installs Debian's package (apt-get install -y chromium); or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
  }
  return found;
}

export interface SanadBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Chromium UI language, e.g. `ar` (drives the extension's locale). */
  lang?: string;
  /** Reuse a profile (to test restarts); a fresh temporary one otherwise. */
  userDataDir?: string;
  keepUserDataDir?: boolean;
  /** Another build of the extension (one made with test settings); the usual .output/chrome-mv3 otherwise. */
  extensionDir?: string;
}

export async function launchWithSanad(options: LaunchOptions = {}): Promise<SanadBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run npm run build first`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sanad-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    ...(options.lang && { locale: options.lang }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ignoreHTTPSErrors: true,
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir && !options.keepUserDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
