import { afterAll } from 'vitest';

/**
 * Runs around every test file. Files share their worker process (vitest `isolate: false`), so a variable one file sets
 * in process.env would change every later file in the worker — FIRESTORE_EMULATOR_HOST above all, which the Firestore
 * client prefers to the host it is given. Each file's environment is put back as it found it.
 */
const before = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before);
});
