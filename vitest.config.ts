import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    setupFiles: ['test/support/setup.ts'],
    pool: 'forks',
    // Test files share their worker process, so the app's modules load once per worker instead of once per file
    // (that was a third of the run). Files stay independent: each worker has one embedded Firestore, and every test
    // app or store on it has a project id of its own (test/support/firestore.ts); servers listen on ports the system
    // assigns; each file makes its own records; test/support/setup.ts puts back any environment variable a file sets;
    // the browser tests share one Chromium per worker, each file in its own context. docs/testing.md.
    isolate: false,
    // At least two workers, also on a 2-core machine (vitest's default there is one): much of a file's time is spent
    // waiting (the browser, CLIs run as processes, storage round trips), so a second file in flight uses the second
    // core. Measured back to back on a shared 2-core machine: 281 s with one worker, 164 s with two (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
