import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: sitePages('facebook'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOnPage(ctx, facebookAdapter);
  },
});
