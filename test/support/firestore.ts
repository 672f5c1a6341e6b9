import type { Firestore } from 'firebase-admin/firestore';
import { startEmbeddedFirestore, type EmbeddedFirestore } from '../../functions/src/store/embedded.ts';
import { openFirestore } from '../../functions/src/store/firestore.ts';

/**
 * One embedded Firestore emulator per test worker, shared by every test file the worker runs (files run one after
 * another in a worker: vitest `isolate: false`). Files stay apart by project id: the emulator keeps each project's
 * documents separately, and every test app or test store gets a project id of its own (`freshProjectId`), whose
 * documents are dropped when it stops. So fixed organisation ids (maesot, tharae, …) never meet across files.
 *
 * The emulator is never stopped: it ends with the worker process. `stop()` on the handle tests get throws, since it
 * would take storage away from every later file; a test that restarts its storage asks for its own emulator.
 */
let worker: Promise<EmbeddedFirestore> | undefined;

export function workerFirestore(): Promise<EmbeddedFirestore> {
  worker ??= startEmbeddedFirestore().then(shared);
  return worker;
}

/** The worker's emulator as tests see it: everything but `stop()`. */
function shared(emulator: EmbeddedFirestore): EmbeddedFirestore {
  return {
    host: emulator.host,
    port: emulator.port,
    state: emulator.state,
    usage: () => emulator.usage(),
    usageByCollection: () => emulator.usageByCollection(),
    resetUsage: () => emulator.resetUsage(),
    mutations: () => emulator.mutations(),
    dropProject: (projectId) => emulator.dropProject(projectId),
    stop() {
      throw new Error("the worker's shared Firestore emulator cannot be stopped by a test: start the app with { ownEmulator: true }");
    },
  };
}

let projects = 0;

/** A project id no other test app or store of this worker has used (a Firebase project id: 6–30 of [a-z0-9-]). */
export function freshProjectId(): string {
  return `demo-t${process.pid}-${++projects}`;
}

export interface TestFirestore {
  db: Firestore;
  /** The worker's shared emulator (pass `emulator.host` and `projectId` to a CLI: GCLOUD_PROJECT). */
  emulator: EmbeddedFirestore;
  projectId: string;
  stop(): Promise<void>;
}

/** The real Admin client on a project of its own on the worker's embedded Firestore emulator. */
export async function startTestFirestore(): Promise<TestFirestore> {
  const emulator = await workerFirestore();
  const projectId = freshProjectId();
  const db = openFirestore({ projectId, emulatorHost: emulator.host });
  return {
    db,
    emulator,
    projectId,
    async stop() {
      await db.terminate();
      emulator.dropProject(projectId);
    },
  };
}
