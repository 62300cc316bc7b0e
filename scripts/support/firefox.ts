/**
 * Debian's firefox-esr with Sanad's Firefox build, driven over WebDriver BiDi (Firefox's own remote protocol)
 * with Node's WebSocket: no geckodriver, no downloaded browser, no npm package. Saved pages are served under
 * their real host names over https: Firefox sends everything to a local proxy, which hands each allowed
 * `CONNECT host:443` to an in-process TLS server (throwaway self-signed certificate) and refuses the rest.
 * The driver acts as a person does: pointer clicks and key presses (`input.performActions`), not `fetch`.
 * Node 20 needs `--experimental-websocket` (the E2E config passes it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { savedPagesResponder, servedHost, type ServeOptions } from './saved-pages';
import { findFirefoxBinary } from './system-deps';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const GECKO_ID = 'sanad@example.org';
/** The extension's UUID, pinned so its pages have a known address. */
export const FIREFOX_EXTENSION_UUID = '5a4ad000-0000-4000-8000-000000000015';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export function findFirefox(): string {
  const found = findFirefoxBinary();
  if (!found) throw new Error("Firefox not found. `npm run system-deps firefox-esr` installs Debian's firefox-esr; or set FIREFOX_PATH.");
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The local network: a proxy in front of a TLS server that answers with saved pages.

export interface LocalWeb {
  proxyPort: number;
  stop(): Promise<void>;
}

function selfSignedCert(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=sanad-e2e',
      '-addext',
      'subjectAltName=DNS:*.sanad-e2e',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Starts the proxy and TLS server that stand in for the web. `options` are those of serveSavedPages. */
export async function startLocalWeb(options: ServeOptions = {}): Promise<LocalWeb> {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-tls-'));
  const respond = savedPagesResponder(options);
  const tls: HttpsServer = createHttpsServer(selfSignedCert(dir), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const dest = req.headers['sec-fetch-dest'];
    const answer = respond(url, dest === 'document' || dest === 'iframe' ? 'document' : dest === 'image' ? 'image' : 'other');
    if (answer === 'pass' || answer === 'refuse') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('refused');
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers }).end(answer.body);
  });
  const proxy: HttpServer = createHttpServer((req, res) => {
    // Plain http through the proxy: only pass-through hosts (a local service) are forwarded.
    const url = new URL(req.url ?? '/');
    if (respond(url, 'other') !== 'pass') {
      res.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  proxy.on('connection', track);
  proxy.on('connect', (req, socket: Socket, head) => {
    const [host, port] = (req.url ?? '').split(':');
    if (port !== '443' || !host || !servedHost(host, options)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    proxyPort: (proxy.address() as AddressInfo).port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((done) => proxy.close(done)), new Promise((done) => tls.close(done))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// WebDriver BiDi over a WebSocket.

type Json = Record<string, unknown>;

class Bidi {
  private next = 1;
  private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void; method: string }>();
  private listeners = new Set<(method: string, params: Json) => void>();
  private constructor(private ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const msg = JSON.parse(String(event.data)) as {
        id?: number;
        type: string;
        result?: Json;
        error?: string;
        message?: string;
        method?: string;
        params?: Json;
      };
      if (msg.type === 'event') {
        for (const l of this.listeners) l(msg.method!, msg.params!);
        return;
      }
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
      else p.resolve(msg.result ?? {});
    });
    ws.addEventListener('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: connection closed`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<Bidi> {
    if (typeof WebSocket === 'undefined') throw new Error('No global WebSocket: on Node 20 run with --experimental-websocket');
    const ws = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      ws.addEventListener('open', () => done(), { once: true });
      ws.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new Bidi(ws);
  }

  send(method: string, params: Json = {}): Promise<Json> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listener: (method: string, params: Json) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    this.ws.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value that is not undefined, or throws after `timeout`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (${lastError instanceof Error ? lastError.message : lastError})` : ''}`);
}

/**
 * A selector, or a path through shadow roots: `['[data-sanad-badge]', 'button.sanad-badge']` is the button
 * inside the first badge host's shadow root. The badge's is closed: the driver reaches it as BiDi can
 * (`includeShadowTree: 'all'`), which no web page can.
 */
export type Target = string | string[];

const KEYS: Record<string, string> = { Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Backspace: '\uE003' };

/** One tab (a top-level browsing context). */
export class FirefoxTab {
  constructor(
    private bidi: Bidi,
    readonly context: string,
  ) {}

  /** Runs `fn(arg)` in the page (its main world) and returns its JSON result. */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.callInPage<R>(
      `async (a) => { const r = await (${fn.toString()})(JSON.parse(a)); return r === undefined ? 'null' : JSON.stringify(r); }`,
      [{ type: 'string', value: JSON.stringify(arg ?? null) }],
    );
  }

  /** Calls `declaration` in the page with BiDi `args`; it answers JSON text, which comes back parsed. */
  private async callInPage<R>(declaration: string, args: Json[]): Promise<R> {
    const result = (await this.bidi.send('script.callFunction', {
      functionDeclaration: declaration,
      arguments: args,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (result.type === 'exception') throw new Error(`in page: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result?.value ?? 'null') as R;
  }

  async url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  /** Goes to a web page and waits for its load event. */
  async goto(url: string): Promise<void> {
    try {
      await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
    } catch (error) {
      // A real saved page's iframe to a host the local web refuses (Facebook's www.fbsbx.com) fails the whole
      // navigate command in Firefox, though the page itself loaded: wait for the page's own load instead.
      if (!String(error).includes('Address rejected')) throw error;
      await waitFor(
        `${url} to load`,
        async () => (await this.evaluate((href) => location.href === href && document.readyState === 'complete', url)) || undefined,
      );
    }
  }

  /** Goes to an extension page: no BiDi load event there, so it polls the document's state. */
  async gotoExtensionPage(path: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url: `${FIREFOX_EXTENSION_ORIGIN}/${path}`, wait: 'none' });
    await waitFor(
      `${path} to load`,
      async () => (await this.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')) || undefined,
    );
  }

  async count(selector: string): Promise<number> {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  /**
   * Runs `fn(element, arg)` on the element `target` names (null when there is none), descending into shadow
   * roots (closed ones too) along the path, and returns its JSON result.
   */
  private async evaluateAt<A, R>(target: Target, fn: (el: Element | null, arg: A) => R, arg?: A): Promise<R> {
    const path = ([] as string[]).concat(target);
    let scope: { sharedId: string } | { type: 'null' } = { type: 'null' };
    let element: { sharedId: string } | null = null;
    for (const [i, selector] of path.entries()) {
      const found = (await this.bidi.send('script.callFunction', {
        functionDeclaration: '(root, s) => (root ?? document).querySelector(s)',
        arguments: [scope, { type: 'string', value: selector }],
        target: { context: this.context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      })) as { type: string; result?: { type: string; sharedId?: string; value?: { shadowRoot?: { sharedId?: string } | null } } };
      const node = found.type === 'success' && found.result?.type === 'node' ? found.result : undefined;
      if (!node?.sharedId) {
        element = null;
        break;
      }
      element = { sharedId: node.sharedId };
      const shadow = node.value?.shadowRoot?.sharedId;
      if (i < path.length - 1) scope = shadow ? { sharedId: shadow } : element;
    }
    return this.callInPage<R>(
      `async (el, a) => { const r = await (${fn.toString()})(el, JSON.parse(a)); return r === undefined ? 'null' : JSON.stringify(r); }`,
      [element ?? { type: 'null' }, { type: 'string', value: JSON.stringify(arg ?? null) }],
    );
  }

  /** The text a reader sees in the first element matching `target`, or null. */
  async text(target: Target): Promise<string | null> {
    return this.evaluateAt(target, (el) => (el ? (el as HTMLElement).innerText : null));
  }

  /** A computed style property of the first element matching `target` (shadow roots pierced), or null. */
  async style(target: Target, property: string): Promise<string | null> {
    return this.evaluateAt(target, (el, p) => (el ? getComputedStyle(el).getPropertyValue(p) : null), property);
  }

  async attribute(target: Target, name: string): Promise<string | null> {
    return this.evaluateAt(target, (el, n) => el?.getAttribute(n) ?? null, name);
  }

  /** Waits until `target` is in the page, and returns its text. */
  async waitFor(target: Target, timeout = 10_000): Promise<string> {
    return waitFor(`${([] as string[]).concat(target).join(' >> ')}`, async () => (await this.text(target)) ?? undefined, timeout);
  }

  /** Waits until the text of `target` contains `text`. */
  async waitForText(target: Target, text: string, timeout = 10_000): Promise<string> {
    return waitFor(
      `"${text}" in ${([] as string[]).concat(target).join(' >> ')}`,
      async () => {
        const t = await this.text(target);
        return t?.includes(text) ? t : undefined;
      },
      timeout,
    );
  }

  /**
   * The first element matching `selector` whose text (or accessible label) contains `text`, as a selector of
   * its own: to click a button or a radio by what it says, as a person finds it.
   */
  async byText(selector: string, text: string): Promise<string> {
    const mark = `e2e-${Math.random().toString(36).slice(2)}`;
    await waitFor(`${selector} saying "${text}"`, () =>
      this.evaluate(
        ({ selector, text, mark }) => {
          const el = [...document.querySelectorAll(selector)].find(
            (e) => (e as HTMLElement).innerText.includes(text) || e.getAttribute('aria-label')?.includes(text),
          );
          if (!el) return undefined;
          el.setAttribute('data-e2e-mark', mark);
          return true;
        },
        { selector, text, mark },
      ).then((v) => v ?? undefined),
    );
    return `[data-e2e-mark="${mark}"]`;
  }

  /** Waits until the number of badges stops changing (the scanner batches) and is at least `atLeast`. */
  async settledBadges({ atLeast = 0, timeout = 10_000 } = {}): Promise<number> {
    const deadline = Date.now() + timeout;
    let last = -1;
    let stableSince = Date.now();
    while (Date.now() < deadline) {
      const count = await this.count('[data-sanad-badge]');
      if (count !== last) {
        last = count;
        stableSince = Date.now();
      } else if (count >= atLeast && Date.now() - stableSince > 700) {
        return count;
      }
      await sleep(100);
    }
    return last;
  }

  /** Scrolls `target` into view and returns its centre in viewport coordinates. */
  private async centre(target: Target): Promise<{ x: number; y: number }> {
    return waitFor(`${([] as string[]).concat(target).join(' >> ')} to be visible`, () =>
      this.evaluateAt(target, (el) => {
        if (!el) return null;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return null;
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
      }).then((v) => v ?? undefined),
    );
  }

  /** A pointer click in the middle of `target`, as a person does. */
  async click(target: Target): Promise<void> {
    const { x, y } = await this.centre(target);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x, y, duration: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /** Key presses: characters, or names from KEYS (`Enter`, `Escape`, `Tab`, `Backspace`). */
  async press(...keys: string[]): Promise<void> {
    const actions = keys.flatMap((k) => {
      const value = KEYS[k] ?? k;
      return [...value].flatMap((c) => [
        { type: 'keyDown', value: c },
        { type: 'keyUp', value: c },
      ]);
    });
    await this.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Clicks a text field, clears it and types `text` into it. */
  async type(target: Target, text: string): Promise<void> {
    await this.click(target);
    await this.evaluate(
      (path) => {
        const el = document.querySelector(path.join(' ')) as HTMLInputElement | null;
        el?.select();
      },
      ([] as string[]).concat(target),
    );
    const chars = [...text];
    // Typing replaces the selection; long texts go in a few batches.
    for (let i = 0; i < chars.length; i += 200) await this.press(chars.slice(i, i + 200).join(''));
  }

  /** Picks files in the file input `selector` (in the document), as a person choosing them does (BiDi input.setFiles). */
  async setFiles(selector: string, files: string[]): Promise<void> {
    const found = (await this.bidi.send('script.callFunction', {
      functionDeclaration: '(s) => document.querySelector(s)',
      arguments: [{ type: 'string', value: selector }],
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0 },
    })) as { type: string; result?: { type: string; sharedId?: string } };
    const sharedId = found.type === 'success' && found.result?.type === 'node' ? found.result.sharedId : undefined;
    if (!sharedId) throw new Error(`no ${selector} to pick files in`);
    await this.bidi.send('input.setFiles', { context: this.context, element: { sharedId }, files });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => {});
  }

  async screenshot(file: string): Promise<void> {
    const { data } = (await this.bidi.send('browsingContext.captureScreenshot', { context: this.context, origin: 'document' })) as {
      data: string;
    };
    writeFileSync(file, Buffer.from(data, 'base64'));
  }
}

export interface SanadFirefox {
  /** Opens a new tab (on `url`, a web page, when given). */
  newTab(url?: string): Promise<FirefoxTab>;
  /** Waits for a tab the extension opens (e.g. the submit form) whose URL starts with `prefix`. */
  waitForTab(prefix: string, timeout?: number): Promise<FirefoxTab>;
  /** The extension's tab id of the tab showing `url` (asked from an extension page). */
  tabIdOf(url: string): Promise<number>;
  openPopup(tabId: number): Promise<FirefoxTab>;
  openOptions(): Promise<FirefoxTab>;
  version: string;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions extends ServeOptions {
  /** UI language (`intl.locale.requested`), e.g. `ar`. */
  lang?: string;
  /** Another Firefox build than the usual one (a test build with its own settings). */
  extensionDir?: string;
}

/** Launches headless firefox-esr, installs Sanad's Firefox build as a temporary add-on, serves saved pages. */
export async function launchFirefoxWithSanad(options: FirefoxLaunchOptions = {}): Promise<SanadFirefox> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${extensionDir}: run npm run build:firefox first`);
  const web = await startLocalWeb(options);
  const profile = mkdtempSync(join(tmpdir(), 'sanad-firefox-'));
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': web.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': web.proxyPort,
    'network.proxy.share_proxy_settings': false,
    // 127.0.0.1 (the intake service) goes direct; every other host goes to the proxy.
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    // A feed's or the intake service's host permission is granted without a doorhanger (headless has no one to click it).
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.startup.page': 0,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'browser.tabs.warnOnClose': false,
    'dom.disable_open_during_load': false,
    ...(options.lang && { 'intl.locale.requested': options.lang, 'intl.accept_languages': options.lang }),
  };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n',
  );

  const child: ChildProcess = spawn(
    findFirefox(),
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--width=1280',
      '--height=900',
    ],
    {
      detached: true, // its own process group, killed as a whole
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    },
  );
  let stderr = '';
  const wsUrl = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`firefox did not start its BiDi server:\n${stderr.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`firefox exited (${code}):\n${stderr.slice(-2000)}`)));
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  let bidi: Bidi;
  let version: string;
  try {
    bidi = await Bidi.connect(`${wsUrl}/session`);
    const session = (await bidi.send('session.new', {
      capabilities: { alwaysMatch: { acceptInsecureCerts: true, unhandledPromptBehavior: { default: 'ignore' } } },
    })) as { capabilities: { browserVersion: string } };
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    await bidi.send('session.subscribe', { events: ['browsingContext.contextCreated'] });
    version = session.capabilities.browserVersion;
  } catch (error) {
    kill();
    await web.stop();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  const tree = async () =>
    ((await bidi.send('browsingContext.getTree', { maxDepth: 0 })) as { contexts: { context: string; url: string }[] }).contexts;
  // The first tab Firefox opened stays as a blank one; an extension page in it answers tab questions.
  let helper: FirefoxTab | undefined;
  const helperTab = async () => {
    if (!helper) {
      helper = new FirefoxTab(
        bidi,
        ((await bidi.send('browsingContext.create', { type: 'tab', background: true })) as { context: string }).context,
      );
      await helper.gotoExtensionPage('options.html');
    }
    return helper;
  };

  const api: SanadFirefox = {
    version,
    async newTab(url) {
      const { context } = (await bidi.send('browsingContext.create', { type: 'tab' })) as { context: string };
      await bidi.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 900 } }).catch(() => {});
      const tab = new FirefoxTab(bidi, context);
      if (url) await tab.goto(url);
      return tab;
    },
    async waitForTab(prefix, timeout = 10_000) {
      const context = await waitFor(
        `a tab on ${prefix}`,
        async () => (await tree()).find((c) => c.url.startsWith(prefix))?.context,
        timeout,
      );
      const tab = new FirefoxTab(bidi, context);
      await waitFor(`${prefix} to load`, async () => (await tab.evaluate(() => document.readyState === 'complete')) || undefined);
      return tab;
    },
    async tabIdOf(url) {
      const h = await helperTab();
      return waitFor(`the tab id of ${url}`, () =>
        h
          .evaluate(async (href) => {
            const tabs = await (
              globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
            ).browser.tabs.query({});
            return tabs.find((t) => t.url === href)?.id ?? undefined;
          }, url)
          .then((v) => v ?? undefined),
      );
    },
    async openPopup(tabId) {
      const tab = await api.newTab();
      await bidi.send('browsingContext.setViewport', { context: tab.context, viewport: { width: 400, height: 600 } }).catch(() => {});
      await tab.gotoExtensionPage(`popup.html?tab=${tabId}`);
      await tab.waitFor('main .count, main .empty, main [role="alert"]');
      return tab;
    },
    async openOptions() {
      const tab = await api.newTab();
      await tab.gotoExtensionPage('options.html');
      return tab;
    },
    async close() {
      await bidi.send('browser.close').catch(() => {});
      bidi.close();
      await Promise.race([new Promise((done) => child.once('exit', done)), sleep(5_000)]);
      kill();
      await web.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return api;
}
