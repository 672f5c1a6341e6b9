/** gRPC ALREADY_EXISTS, as real Firestore and both emulators report a `create()` on an existing document. */
export function isAlreadyExists(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 6;
}

/** Runs `create` and reports false instead of failing when the document already exists (create-if-absent). */
export async function createIfAbsent(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}
