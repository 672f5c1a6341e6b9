import { Firestore } from 'firebase-admin/firestore';

/** The database handle's type for code outside stores: only stores import the Firestore packages (eslint.config.js). */
export type { Firestore } from 'firebase-admin/firestore';

/**
 * Opens Firestore through the real Admin client. With `emulatorHost` the client talks plain gRPC to that emulator
 * (embedded or official); without it, it uses application default credentials (production).
 */
export function openFirestore(options: { projectId: string; emulatorHost?: string | undefined }): Firestore {
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
