import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: sitePages('youtube'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOnPage(ctx, youtubeAdapter);
  },
});
