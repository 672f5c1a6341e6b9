import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    pool: 'forks',
    // Test files share their worker process, so the app's modules load once per worker instead of once per file
    // (that was a third of the run). Files stay independent: each starts its own servers and embedded Firestore on
    // ports the system assigns, makes its own records, and restores any environment variable it sets
    // (test/support/env.ts); the browser tests share one Chromium per worker, each file in its own context.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
