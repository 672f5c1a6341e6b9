import http, { type Server } from 'node:http';
import express, { type Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Firestore } from './store/firestore.ts';
import { createApp, type App, type AppOverrides } from './app.ts';
import { createIdTokenVerifier, lineKeys, localKeys } from './auth/idToken.ts';
import { createLocalIssuer, type LocalIssuer } from './auth/localIssuer.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createLineGateway, firestoreCredentials, secretCredentials } from './line/credentials.ts';
import { createLineSandbox, type LineSandbox } from './line/sandbox/fakeLineApi.ts';
import { ensureLocalChannel } from './dev/localChannel.ts';
import { createLogger, type Logger } from './log.ts';
import { seedDemo } from './demo/seed.ts';
import { startEmbeddedFirestore, type EmbeddedFirestore } from './store/embedded.ts';
import { abandonedWorkSettled, storageTimings, type StorageTimings } from './store/deadline.ts';
import { openFirestore } from './store/firestore.ts';
import { localData } from './store/localData.ts';
import { listOrgs } from './orgs/store.ts';

export interface Runtime extends App {
  config: Config;
  db: Firestore;
  log: Logger;
  server: Server;
  port: number;
  baseUrl: string;
  firestoreHost: string | undefined;
  /** Local mode's embedded emulator (its usage counters feed the bench), or undefined on another store. */
  embedded: EmbeddedFirestore | undefined;
  sandbox: LineSandbox | undefined;
  lineApiBaseUrl: string;
  issuer: LocalIssuer | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the server in the configured mode, one code path for all three: storage (embedded emulator, given emulator,
 * or Cloud Firestore), LINE (sandbox or api.line.me), identity (local issuer or LINE), and demo data in local mode.
 */
export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
  seedDemo?: boolean;
  scheduleEveryMs?: number;
  /**
   * Keep the embedded emulator's data in `config.localData.dir` across restarts (`npm start`): loaded at start (the
   * demo is seeded only when there is none), saved periodically and on stop.
   */
  keepLocalData?: boolean;
  /** Storage deadlines and the stop's grace period (default: production's `storageTimings`). */
  storageTimings?: StorageTimings;
  /** Tests only: parts of the app swapped (app.ts `AppOverrides`). */
  app?: AppOverrides;
}

export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger({ level: config.logLevel });
  const timings = options.storageTimings ?? storageTimings;

  let embedded: EmbeddedFirestore | undefined;
  let firestoreHost: string | undefined;
  if (config.firestore.kind === 'embedded') {
    embedded = await startEmbeddedFirestore(config.firestore.port);
    firestoreHost = embedded.host;
  } else if (config.firestore.kind === 'emulator') {
    firestoreHost = config.firestore.host;
  }
  const db = openFirestore({ projectId: config.projectId, emulatorHost: firestoreHost });

  const local = config.devRoutes;
  const sandbox = local ? createLineSandbox(clock) : undefined;
  const issuer = config.idToken.issuer === 'local' ? await createLocalIssuer() : undefined;
  const idTokens =
    config.idToken.issuer === 'local' && issuer
      ? createIdTokenVerifier({ issuer: issuer.issuer, keys: localKeys(issuer.jwks()), now: () => clock.now() })
      : createIdTokenVerifier({
          issuer: config.idToken.issuer === 'line' ? config.idToken.url : '',
          keys: lineKeys(config.idToken.issuer === 'line' ? config.idToken.jwksUrl : ''),
          now: () => clock.now(),
        });

  // The sandbox listens on its own port, as LINE is its own host: the SDK resolves paths against the origin.
  const sandboxServer = sandbox ? await listen(express().use(sandbox.router), 0) : undefined;
  const sandboxUrl = sandboxServer ? `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}` : undefined;
  const apiBase = config.line.apiBaseUrl === 'sandbox' ? sandboxUrl : config.line.apiBaseUrl;
  if (!apiBase) throw new Error('LINE API base URL: the sandbox exists only in local mode');
  const lineBase = () => apiBase;
  // The data API (message content) is its own host at LINE; the sandbox serves both.
  const dataBase = config.line.dataApiBaseUrl === 'sandbox' ? sandboxUrl : config.line.dataApiBaseUrl;
  if (!dataBase) throw new Error('LINE data API base URL: the sandbox exists only in local mode');
  const credentials =
    config.line.credentials === 'secret' && config.line.channelsJson
      ? secretCredentials(config.line.channelsJson)
      : firestoreCredentials(db);
  const line = createLineGateway(credentials, lineBase, () => dataBase);

  let servedOrgs: string[] | undefined;
  const kept = embedded && options.keepLocalData && config.localData ? localData(config.localData.dir, embedded, log) : undefined;
  const loaded = kept ? await kept.load() : false;
  if (loaded) {
    // The saved organisations are served; their sandbox channels are registered below, as for any organisation.
    servedOrgs = (await listOrgs(db)).map((org) => org.id);
  } else if (local && options.seedDemo !== false) {
    const tokens = await seedDemo(db, clock.now(), log);
    for (const [orgId, token] of tokens) sandbox?.registerChannel(orgId, token);
    servedOrgs = [...tokens.keys()];
  }
  const saver = kept && config.localData ? setInterval(() => void kept.saveIfChanged().catch((err: unknown) => log.error({ err: String(err) }, 'local data not saved')), config.localData.saveEverySeconds * 1000) : undefined;
  saver?.unref();
  // Every organisation (demo, imported with `npm run import`, or made any other way) gets a sandbox channel locally.
  if (sandbox) for (const org of await listOrgs(db)) await ensureLocalChannel({ db, sandbox, clock }, org);

  // Listen before building the app, so a free port (PORT=0) is known to the links the app makes.
  const server = await listen(http.createServer(), config.port);
  const port = (server.address() as AddressInfo).port;
  const built = createApp({
    config: { ...config, port },
    db,
    clock,
    log,
    line,
    idTokens,
    ...(servedOrgs ? { servedOrgs } : {}),
    storageTimings: timings,
    ...(options.app ? { overrides: options.app } : {}),
    ...(sandbox && issuer ? { dev: { sandbox, issuer, firestoreEmulatorHost: firestoreHost, lineApiBaseUrl: apiBase } } : {}),
  });
  server.on('request', built.app);
  // Outbox retries, deadlines and reminders; production runs the same jobs from Cloud Scheduler (index.ts). One run at
  // a time: a tick while the previous run still works is skipped, and stopping waits for the run under way.
  let scheduled: Promise<void> | undefined;
  const tick = () => {
    scheduled ??= built.runScheduledJobs().finally(() => (scheduled = undefined));
  };
  const timer = options.scheduleEveryMs === 0 ? undefined : setInterval(tick, options.scheduleEveryMs ?? 5_000);
  timer?.unref();
  let stopping: Promise<void> | undefined;

  return {
    ...built,
    config,
    db,
    log,
    server,
    port,
    baseUrl: `http://localhost:${port}`,
    firestoreHost,
    embedded,
    sandbox,
    lineApiBaseUrl: apiBase,
    issuer,
    /**
     * Stops in dependency order, so no work outlives the storage it uses: take no new requests and let those under way
     * finish; stop the scheduler and wait for its run; drain event processing and outbox deliveries (they still need
     * the LINE sandbox); wait for storage calls a deadline gave up on; only then close the Firestore client and the
     * embedded emulator. Calling it again returns the same promise.
     */
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        clearInterval(saver);
        await closeServer(server, timings.shutdownGraceMs);
        await scheduled;
        await built.idle();
        await closeServer(sandboxServer, timings.shutdownGraceMs);
        const left = await abandonedWorkSettled(timings.shutdownGraceMs);
        if (left > 0) log.warn({ calls: left }, 'closing storage with abandoned storage calls still running');
        await db.terminate();
        // Everything has settled: what is saved now is all that was acknowledged.
        await kept?.save();
        embedded?.stop();
      })();
      return stopping;
    },
  };
}

/** Stops accepting connections, lets requests under way answer (up to `graceMs`), then drops what is left. */
async function closeServer(server: Server | undefined, graceMs: number): Promise<void> {
  if (!server) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A kept-alive connection turns idle when its response is sent; close each as it does.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 20);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  if ((await Promise.race([closed, grace])) === 'late') server.closeAllConnections();
  clearInterval(sweep);
  clearTimeout(timer);
  await closed;
}

function listen(target: Express | Server, port: number): Promise<Server> {
  const server = target instanceof http.Server ? target : http.createServer(target);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
