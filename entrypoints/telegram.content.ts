import { runOnPage } from '@/lib/page/run';
import { sitePages } from '@/lib/sites/platforms';
import { telegramAdapter } from '@/lib/sites/telegram/adapter';

export default defineContentScript({
  matches: sitePages('telegram'),
  // No postMessage to the page when the script starts: pages could fingerprint Sanad by it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    return runOnPage(ctx, telegramAdapter); // WXT awaits main and logs a failed start
  },
});
