import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium (playwright-core) and real Firefox (WebDriver BiDi).
// One browser at a time on a 2-core machine. The Firefox driver uses Node's WebSocket: Node 20 needs a flag.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
  },
});
