import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium (playwright-core) and real Firefox (WebDriver BiDi).
// One browser at a time on a 2-core machine. The Firefox driver uses Node's WebSocket: Node 20 needs a flag.
export default defineConfig({
  // The intake service renders the extension's own components (the card preview), which import by `@/`.
  resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll's 1 s default is too short for a round trip through a service worker on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: false,
    pool: 'forks',
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
  },
});
