import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: SITE_PAGES.facebook,
  main(ctx) {
    runOnPage(ctx, facebookAdapter);
  },
});
