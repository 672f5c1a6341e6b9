import type { Firestore } from 'firebase-admin/firestore';
import { startEmbeddedFirestore, type EmbeddedFirestore } from '../../functions/src/store/embedded.ts';
import { openFirestore } from '../../functions/src/store/firestore.ts';

/** Starts an embedded Firestore emulator for one test file and opens the real Admin client on it. */
export async function startTestFirestore(): Promise<{ db: Firestore; emulator: EmbeddedFirestore; stop(): Promise<void> }> {
  const emulator = await startEmbeddedFirestore();
  const db = openFirestore({ projectId: 'demo-test', emulatorHost: emulator.host });
  return {
    db,
    emulator,
    async stop() {
      await db.terminate();
      emulator.stop();
    },
  };
}
