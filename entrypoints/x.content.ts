import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { xAdapter } from '@/lib/sites/x/adapter';

export default defineContentScript({
  matches: sitePages('x'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    return runOnPage(ctx, xAdapter); // WXT awaits main and logs a failed start
  },
});
