import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    // Test files share their worker process, so the app's modules load once per worker instead of once per file
    // (that was a third of the run). Files stay independent: each starts its own servers and embedded Firestore on
    // ports the system assigns and makes its own records; test/support/setup.ts puts back any environment variable a
    // file sets; the browser tests share one Chromium per worker, each file in its own context.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
