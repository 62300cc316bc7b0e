import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure logic in Node, DOM code in happy-dom (per file), browser APIs from WXT's fakeBrowser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    // A throwaway PostgreSQL for the intake service's tests, when Debian's postgresql is installed.
    globalSetup: ['server/test-support/postgres.ts'],
    environment: 'node',
    // Some tests build 100,000-item indexes or decode clips: 5 s is too tight on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
