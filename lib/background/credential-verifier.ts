/**
 * Where the official CAI SDK runs for the images the background fetches (browser glue). It compiles WASM and
 * starts a Worker: Chromium's MV3 service worker can do neither (no `Worker` there, no dynamic import), so in
 * Chromium it runs in an offscreen document made on first need. Firefox (MV2) has no offscreen documents but
 * its background is a page: the same document is loaded there in a hidden iframe (bundling the SDK into the
 * background script would inline its 8 MB WASM as a data: URL). Either way it is loaded only when Sanad's own
 * reader has found a manifest in an image, and asked by the same message.
 */
import { browser } from 'wxt/browser';
import type { CredentialVerifier } from '../media/c2pa-fetched';
import type { VerifiedCredentials } from '../media/c2pa-verified';
import { toBase64 } from '../text/base64';
import { IdleRelease } from './idle-release';
import { OFFSCREEN_PATH, type OffscreenVerify } from '../wire/offscreen-verify';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** The SDK's document is closed after this long without an image to check (it holds ~8 MB of WASM and a worker). */
const IDLE_MS = 2 * 60_000;
const offscreenApi = () => (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
interface ContextsApi {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  const offscreen = offscreenApi();
  if (!offscreen) throw new Error('this browser has no offscreen documents');
  const runtime = browser.runtime as unknown as ContextsApi;
  const open = await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).catch(() => []);
  if (open?.length) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS'],
      justification: 'Checks the Content Credentials (C2PA) of images Sanad hashes, with the CAI SDK (WebAssembly in a worker).',
    })
    // Another call made it first: there is one offscreen document, which is all that is needed.
    .catch((error: unknown) => {
      if (!/single offscreen|already/i.test(String(error))) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

let frameReady: Promise<void> | null = null;

/** Firefox: the offscreen document's page in a hidden iframe of the background page. */
function ensureBackgroundFrame(): Promise<void> {
  return (frameReady ??= new Promise<void>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error('the Content Credentials page did not load')), { once: true });
    frame.src = browser.runtime.getURL(OFFSCREEN_PATH as '/');
    document.body.append(frame);
  }).catch((error: unknown) => {
    frameReady = null;
    throw error;
  }));
}

async function ask(bytes: Uint8Array, type: string): Promise<VerifiedCredentials> {
  const reply: unknown = await browser.runtime.sendMessage({
    sanadOffscreen: 'c2pa-verify',
    bytes: toBase64(bytes),
    type,
  } satisfies OffscreenVerify);
  if (!reply || typeof reply !== 'object' || typeof (reply as VerifiedCredentials).state !== 'string') {
    throw new Error('the offscreen document did not answer');
  }
  return reply as VerifiedCredentials;
}

const offscreenIdle = new IdleRelease(IDLE_MS, () => offscreenApi()?.closeDocument());
const frameIdle = new IdleRelease(IDLE_MS, () => {
  document.querySelectorAll(`iframe[src="${browser.runtime.getURL(OFFSCREEN_PATH as '/')}"]`).forEach((f) => f.remove());
  frameReady = null;
});

/** Chromium: the SDK in the offscreen document, asked by message. */
export const verifyInOffscreenDocument: CredentialVerifier = (bytes, type) =>
  offscreenIdle.run(async () => {
    await ensureOffscreenDocument();
    return ask(bytes, type);
  });

/** Firefox: the SDK in the same page, in an iframe of the background page. */
export const verifyInBackgroundPage: CredentialVerifier = (bytes, type) =>
  frameIdle.run(async () => {
    await ensureBackgroundFrame();
    return ask(bytes, type);
  });
