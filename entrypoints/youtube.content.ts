import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: SITE_PAGES.youtube,
  main(ctx) {
    return runOnPage(ctx, youtubeAdapter); // WXT awaits main and logs a failed start
  },
});
