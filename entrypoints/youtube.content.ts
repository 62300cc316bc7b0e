import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: SITE_PAGES.youtube,
  main(ctx) {
    runOnPage(ctx, youtubeAdapter);
  },
});
