import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: SITE_PAGES.facebook,
  main(ctx) {
    return runOnPage(ctx, facebookAdapter); // WXT awaits main and logs a failed start
  },
});
