import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { tiktokAdapter } from '@/lib/sites/tiktok/adapter';

export default defineContentScript({
  matches: sitePages('tiktok'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    return runOnPage(ctx, tiktokAdapter); // WXT awaits main and logs a failed start
  },
});
