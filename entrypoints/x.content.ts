import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { xAdapter } from '@/lib/sites/x/adapter';

export default defineContentScript({
  matches: SITE_PAGES.x,
  main(ctx) {
    runOnPage(ctx, xAdapter);
  },
});
