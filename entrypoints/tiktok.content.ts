import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { tiktokAdapter } from '@/lib/sites/tiktok/adapter';

export default defineContentScript({
  matches: SITE_PAGES.tiktok,
  main(ctx) {
    return runOnPage(ctx, tiktokAdapter); // WXT awaits main and logs a failed start
  },
});
