/**
 * Runs `fn` with environment variables set, and puts the previous values back afterwards. Test files share their
 * worker process (vitest `isolate: false`): a variable left set would change every later file — FIRESTORE_EMULATOR_HOST
 * above all, which the Firestore client prefers to the host it is given.
 */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}
