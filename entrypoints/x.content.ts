import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { xAdapter } from '@/lib/sites/x/adapter';

export default defineContentScript({
  matches: SITE_PAGES.x,
  main(ctx) {
    return runOnPage(ctx, xAdapter); // WXT awaits main and logs a failed start
  },
});
