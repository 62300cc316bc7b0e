import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { tiktokAdapter } from '@/lib/sites/tiktok/adapter';

export default defineContentScript({
  matches: sitePages('tiktok'),
  main(ctx) {
    runOnPage(ctx, tiktokAdapter);
  },
});
