import http, { type Server } from 'node:http';
import express, { type Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Firestore } from 'firebase-admin/firestore';
import { createApp, type App } from './app.ts';
import { createIdTokenVerifier, lineKeys, localKeys } from './auth/idToken.ts';
import { createLocalIssuer, type LocalIssuer } from './auth/localIssuer.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createLineGateway, firestoreCredentials, secretCredentials } from './line/credentials.ts';
import { createLineSandbox, type LineSandbox } from './line/sandbox/fakeLineApi.ts';
import { createLogger, type Logger } from './log.ts';
import { seedDemo } from './demo/seed.ts';
import { startEmbeddedFirestore, type EmbeddedFirestore } from './store/embedded.ts';
import { openFirestore } from './store/firestore.ts';

export interface Runtime extends App {
  config: Config;
  db: Firestore;
  log: Logger;
  server: Server;
  port: number;
  baseUrl: string;
  firestoreHost: string | undefined;
  sandbox: LineSandbox | undefined;
  lineApiBaseUrl: string;
  issuer: LocalIssuer | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the server in the configured mode, one code path for all three: storage (embedded emulator, given emulator,
 * or Cloud Firestore), LINE (sandbox or api.line.me), identity (local issuer or LINE), and demo data in local mode.
 */
export async function startRuntime(config: Config, options: { clock?: Clock; log?: Logger; seedDemo?: boolean; scheduleEveryMs?: number } = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger({ level: config.logLevel });

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

  if (local && options.seedDemo !== false) {
    const tokens = await seedDemo(db, clock.now(), log);
    for (const [orgId, token] of tokens) sandbox?.registerChannel(orgId, token);
  }

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
    ...(sandbox && issuer ? { dev: { sandbox, issuer, firestoreEmulatorHost: firestoreHost, lineApiBaseUrl: apiBase } } : {}),
  });
  server.on('request', built.app);
  // Outbox retries, deadlines and reminders; production runs the same jobs from Cloud Scheduler (index.ts).
  // One run at a time; stop() waits for a run in flight, so no job queries storage after it is closed.
  let jobsRunning: Promise<void> | undefined;
  const tick = () => {
    jobsRunning ??= built.runScheduledJobs().finally(() => (jobsRunning = undefined));
  };
  const timer = options.scheduleEveryMs === 0 ? undefined : setInterval(tick, options.scheduleEveryMs ?? 5_000);
  timer?.unref();

  return {
    ...built,
    config,
    db,
    log,
    server,
    port,
    baseUrl: `http://localhost:${port}`,
    firestoreHost,
    sandbox,
    lineApiBaseUrl: apiBase,
    issuer,
    async stop() {
      clearInterval(timer);
      await jobsRunning;
      for (const s of [server, sandboxServer]) {
        if (!s) continue;
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await built.idle();
      await db.terminate();
      embedded?.stop();
    },
  };
}

function listen(target: Express | Server, port: number): Promise<Server> {
  const server = target instanceof http.Server ? target : http.createServer(target);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
