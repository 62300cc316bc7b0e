import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { telegramAdapter } from '@/lib/sites/telegram/adapter';

export default defineContentScript({
  matches: sitePages('telegram'),
  main(ctx) {
    runOnPage(ctx, telegramAdapter);
  },
});
