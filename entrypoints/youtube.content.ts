import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: sitePages('youtube'),
  main(ctx) {
    runOnPage(ctx, youtubeAdapter);
  },
});
