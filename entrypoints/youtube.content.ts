import { runOnPage } from '@/lib/page/run';
import { youtubeAdapter } from '@/lib/sites/youtube/adapter';

export default defineContentScript({
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  main(ctx) {
    runOnPage(ctx, youtubeAdapter);
  },
});
