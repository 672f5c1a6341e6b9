import net from 'node:net';

/** A Firestore emulator running inside this process (local mode and tests). */
export interface EmbeddedFirestore {
  readonly host: string;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `@firestore-emulator/server` on the given port (or a free one). The package is a devDependency: it is
 * loaded lazily so production bundles never need it.
 */
export async function startEmbeddedFirestore(port?: number): Promise<EmbeddedFirestore> {
  const { FirestoreServer } = await import('@firestore-emulator/server');
  const chosen = port ?? (await freePort());
  const server = new FirestoreServer();
  await server.start(chosen);
  return { host: `127.0.0.1:${chosen}`, stop: () => server.stop() };
}
