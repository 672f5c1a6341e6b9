import { Firestore } from 'firebase-admin/firestore';

/** The database handle's type for code outside stores: only stores import the Firestore packages (eslint.config.js). */
export type { Firestore } from 'firebase-admin/firestore';

/**
 * Opens Firestore through the real Admin client. With `emulatorHost` the client talks plain gRPC to that emulator
 * (embedded or official); without it, it uses application default credentials (production).
 */
export function openFirestore(options: { projectId: string; emulatorHost?: string | undefined }): Firestore {
  // The client wraps every call in OpenTelemetry spans unless this says otherwise, and we register no tracer, so they
  // trace nothing but still cost event-loop time on every read and write (about a quarter of a call's, measured on
  // the embedded emulator). An operator who registers a tracer and wants Firestore's spans sets it to `on`.
  process.env.FIRESTORE_ENABLE_TRACING ??= 'off';
  if (options.emulatorHost) {
    // No Google credentials are involved with an emulator: stop the auth library probing the GCE metadata server
    // (it fails off Google Cloud and prints a MetadataLookupWarning).
    process.env.METADATA_SERVER_DETECTION ??= 'none';
    return new Firestore({
      projectId: options.projectId,
      host: options.emulatorHost,
      ssl: false,
      // The emulators accept this fixed owner token; it is not a credential.
      customHeaders: { Authorization: 'Bearer owner' },
      ignoreUndefinedProperties: true,
    });
  }
  return new Firestore({ projectId: options.projectId, ignoreUndefinedProperties: true });
}
