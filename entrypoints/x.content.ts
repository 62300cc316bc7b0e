import { runOnPage } from '@/lib/page/run';
import { xAdapter } from '@/lib/sites/x/adapter';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*', 'https://mobile.x.com/*'],
  main(ctx) {
    runOnPage(ctx, xAdapter);
  },
});
