/**
 * How long a content script lives, decided by the extension alone. WXT retires a content script when a newer
 * copy starts, by a DOM event on `document` that any page can dispatch too (and it used to announce itself
 * to the page with postMessage, which the entry files now switch off). Sanad ignores that signal unless its
 * extension is really gone: reloaded, updated or removed, when the old script's runtime has no id any more.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often an orphaned script notices that its extension went away without a newer copy starting. */
const ORPHAN_CHECK_MS = 5_000;

export interface Lifetime {
  readonly signal: AbortSignal;
  /** True once the extension is gone. */
  ended(): boolean;
  onEnd(callback: () => void): void;
}

const orphaned = () => browser.runtime?.id == null;

export function extensionLifetime(ctx: Pick<ContentScriptContext, 'onInvalidated'>): Lifetime {
  const controller = new AbortController();
  const end = () => {
    if (orphaned()) controller.abort('Sanad: the extension was reloaded or removed');
  };
  // WXT's retirement (or a page pretending to be a newer copy of this script): believed only when orphaned.
  ctx.onInvalidated(end);
  const timer = setInterval(end, ORPHAN_CHECK_MS);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return {
    signal: controller.signal,
    ended: () => {
      end();
      return controller.signal.aborted;
    },
    onEnd: (callback) => controller.signal.addEventListener('abort', callback, { once: true }),
  };
}

/**
 * Calls `onChange` when a single-page app changes the URL without a reload (the Navigation API where the
 * browser has it, else a look every second), until `signal` aborts.
 */
export function watchLocation(signal: AbortSignal, onChange: (url: URL) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  // The navigate event fires before the URL changes: look once the navigation has been committed.
  if (navigation?.addEventListener) navigation.addEventListener('navigatesuccess', check, { signal });
  const timer = setInterval(check, 1_000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
