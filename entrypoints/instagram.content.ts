import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';

export default defineContentScript({
  matches: SITE_PAGES.instagram,
  main(ctx) {
    return runOnPage(ctx, instagramAdapter); // WXT awaits main and logs a failed start
  },
});
