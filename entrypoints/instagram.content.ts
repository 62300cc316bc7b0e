import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';

export default defineContentScript({
  matches: sitePages('instagram'),
  main(ctx) {
    runOnPage(ctx, instagramAdapter);
  },
});
