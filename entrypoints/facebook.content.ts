import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: sitePages('facebook'),
  main(ctx) {
    runOnPage(ctx, facebookAdapter);
  },
});
