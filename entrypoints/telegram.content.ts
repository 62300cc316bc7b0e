import { runOnPage } from '@/lib/page/run';
import { SITE_PAGES } from '@/lib/sites/hosts';
import { telegramAdapter } from '@/lib/sites/telegram/adapter';

export default defineContentScript({
  matches: SITE_PAGES.telegram,
  main(ctx) {
    return runOnPage(ctx, telegramAdapter); // WXT awaits main and logs a failed start
  },
});
