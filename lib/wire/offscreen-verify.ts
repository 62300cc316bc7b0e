/**
 * The message between the background and the page that runs the CAI SDK (Chromium's offscreen document,
 * Firefox's hidden frame): a contract of its own, so neither end imports the other.
 */

export const OFFSCREEN_PATH = '/offscreen.html';

/** The one message the offscreen document answers (bytes as base64: Chromium sends messages as JSON). */
export interface OffscreenVerify {
  sanadOffscreen: 'c2pa-verify';
  bytes: string;
  type: string;
}

export function isOffscreenVerify(message: unknown): message is OffscreenVerify {
  const m = message as Partial<OffscreenVerify> | null;
  return !!m && typeof m === 'object' && m.sanadOffscreen === 'c2pa-verify' && typeof m.bytes === 'string' && typeof m.type === 'string';
}
