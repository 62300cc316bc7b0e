import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { xAdapter } from '@/lib/sites/x/adapter';

export default defineContentScript({
  matches: sitePages('x'),
  main(ctx) {
    runOnPage(ctx, xAdapter);
  },
});
