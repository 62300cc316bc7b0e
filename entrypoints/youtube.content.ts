import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: sitePages('youtube'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    return runOnPage(ctx, youtubeAdapter); // WXT awaits main and logs a failed start
  },
});
