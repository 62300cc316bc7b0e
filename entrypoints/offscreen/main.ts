/**
 * The page the official CAI SDK runs in for the background: Chromium's offscreen document (the MV3 service worker
 * cannot start its worker), a hidden iframe of the background page in Firefox. It verifies the bytes of an image
 * the background fetched and found a manifest in.
 */
import { browser } from 'wxt/browser';
import { isOffscreenVerify } from '@/lib/wire/offscreen-verify';
import { verifyCredentials } from '@/lib/media/c2pa-sdk';
import { fromBase64 } from '@/lib/text/base64';

browser.runtime.onMessage.addListener(((message: unknown, sender: { id?: string }) => {
  // Only the extension's own background asks; anything else is left to other listeners.
  if (!isOffscreenVerify(message) || sender.id !== browser.runtime.id) return undefined;
  return verifyCredentials(new Blob([fromBase64(message.bytes)], { type: message.type }));
}) as never);
