/** Wires a site adapter to the background on a real page: the body of every site's content script. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/channel';
import type { SiteAdapter } from '../sites/types';
import { PostScanner } from './scanner';

export function runOnPage(ctx: ContentScriptContext, adapter: SiteAdapter): PostScanner {
  const scanner = new PostScanner({
    adapter,
    signal: ctx.signal,
    match: (posts) => sendMessage('matchPosts', { pageUrl: location.href, posts }),
    onError: (error) => {
      // After an extension reload the old script's messages fail: that is the end of it, not an error.
      if (!ctx.isInvalid) console.warn('Sanad:', error);
    },
  });
  void sendMessage('pageChanged', { pageUrl: location.href })
    .catch(() => {})
    .finally(() => scanner.start());
  // Single-page apps change the URL without a reload: results belong to the page, so start over.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    void sendMessage('pageChanged', { pageUrl: newUrl.href }).catch(() => {});
    scanner.reset();
  });
  return scanner;
}
