import { ConfigError, loadConfig } from './config.ts';
import { startRuntime } from './runtime.ts';

/** `npm start`: the server in the mode the environment gives (local by default). */
try {
  const config = loadConfig();
  const runtime = await startRuntime(config, { keepLocalData: true });
  const lines = [
    '',
    `  Integrity & citizen-service LINE OA — ${config.mode} mode`,
    `  Open ${runtime.baseUrl}/`,
    ...(runtime.firestoreHost ? [`  Firestore emulator: ${runtime.firestoreHost}  (CLIs: FIRESTORE_EMULATOR_HOST=${runtime.firestoreHost})`] : []),
    ...(config.localData && runtime.embedded ? [`  Data kept in ${config.localData.dir} (saved every ${config.localData.saveEverySeconds} s and on stop)`] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  // A clean stop finishes the work under way before storage closes (runtime.stop); a second signal ends it at once.
  const shutdown = (signal: NodeJS.Signals) => {
    runtime.log.info({ signal }, 'stopping');
    process.once(signal, () => process.exit(130));
    runtime.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        runtime.log.error({ err: err instanceof Error ? err.message : String(err) }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
