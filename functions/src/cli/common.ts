/**
 * What the command-line tools share: running as the main module with an exit code, reading a JSON input file, and
 * reaching Firestore from the environment the same way.
 */
import { readFile } from 'node:fs/promises';
import { DomainError, NotFoundError, ValidationError } from '../errors.ts';

/** Runs `run(argv)` when `meta` is the module node was started with; its result is the exit code (1 on a crash). */
export function runAsMain(meta: ImportMeta, run: (argv: string[]) => Promise<number>): void {
  if (meta.url !== `file://${process.argv[1]}`) return;
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof DomainError ? err.message : String((err as Error)?.stack ?? err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The exit code of a domain error, after saying it (3 not found, 2 refused input); anything else is rethrown. */
export function exitCodeFor(err: unknown, out: (line: string) => void): number {
  if (err instanceof ValidationError) {
    for (const i of err.issues) out(`error: ${i.path}: ${i.message}`);
    return 2;
  }
  if (!(err instanceof DomainError)) throw err;
  out(`error: ${err.publicMessage}`);
  return err instanceof NotFoundError ? 3 : 2;
}

/** The parsed JSON of a file, or the exit code after saying why not: 2 not JSON (nothing written), 66 unreadable. */
export async function readJsonInput(file: string, out: (line: string) => void): Promise<{ value: unknown } | { exit: number }> {
  try {
    return { value: JSON.parse(await readFile(file, 'utf8')) };
  } catch (err) {
    if (err instanceof SyntaxError) {
      out(`error: ${file} is not valid JSON: ${err.message}`);
      out('nothing was written');
      return { exit: 2 };
    }
    out(`error: cannot read ${file}: ${(err as Error).message}`);
    return { exit: 66 };
  }
}

/** FIRESTORE_EMULATOR_HOST if set, else application default credentials; project from GCLOUD_PROJECT or FIREBASE_PROJECT_ID. */
export function firestoreTarget(env: NodeJS.ProcessEnv): { projectId: string; emulatorHost: string | undefined } {
  return { projectId: env.GCLOUD_PROJECT || env.FIREBASE_PROJECT_ID || 'demo-integrity', emulatorHost: env.FIRESTORE_EMULATOR_HOST || undefined };
}
