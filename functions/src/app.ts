import express, { type Express } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import type { IdTokenVerifier } from './auth/idToken.ts';
import type { LocalIssuer } from './auth/localIssuer.ts';
import { handleEvent, type BotDeps } from './bot/dispatcher.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { devRouter } from './dev/routes.ts';
import { errorHandler } from './http/errors.ts';
import { landingRouter } from './http/landing.ts';
import type { LineGateway } from './line/credentials.ts';
import {
  createInProcessProcessor,
  processStoredEvent,
  triggerProcessor,
  type InProcessProcessor,
  type ProcessDeps,
} from './line/processor.ts';
import type { LineSandbox } from './line/sandbox/fakeLineApi.ts';
import { webhookRouter } from './line/webhook.ts';
import type { Logger } from './log.ts';
import { withDeadline } from './store/deadline.ts';
import { COLLECTIONS } from './store/collections.ts';

export interface AppDeps {
  config: Config;
  db: Firestore;
  clock: Clock;
  log: Logger;
  line: LineGateway;
  idTokens: IdTokenVerifier;
  /** Local mode only: the LINE sandbox, the local token issuer, and what GET /dev/demo reports. */
  dev?: { sandbox: LineSandbox; issuer: LocalIssuer; firestoreEmulatorHost: string | undefined; lineApiBaseUrl: string };
}

export interface App {
  app: Express;
  /** Processes recorded webhook events; in production the Firestore trigger calls `processEvent` instead. */
  processor: InProcessProcessor;
  processEvent(orgId: string, eventId: string): Promise<void>;
}

/** Builds the whole HTTP surface from its I/O, so tests pass their own storage, LINE and clock. */
export function createApp(deps: AppDeps): App {
  const bot: BotDeps = {
    db: deps.db,
    textHandlers: [],
    postbackHandlers: [],
    ...(deps.config.devRoutes ? { liffLocalBase: deps.config.publicBaseUrl ?? `http://localhost:${deps.config.port}` } : {}),
  };
  const processDeps: ProcessDeps = {
    db: deps.db,
    line: deps.line,
    clock: deps.clock,
    log: deps.log,
    handle: (org, event, now) => handleEvent(bot, org, event, now),
  };
  const processEvent = (orgId: string, eventId: string) => processStoredEvent(processDeps, orgId, eventId);
  const processor = deps.config.mode === 'production' ? triggerProcessor : createInProcessProcessor(processEvent, deps.log);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get('/healthz', async (_req, res) => {
    await withDeadline('health check', 2000, deps.db.collection(COLLECTIONS.orgs).limit(1).get());
    res.json({ status: 'ok', mode: deps.config.mode });
  });
  // The webhook reads its raw body itself (signatures are over the exact bytes), so it goes before any JSON parser.
  app.use(webhookRouter({ db: deps.db, line: deps.line, clock: deps.clock, log: deps.log, processor }));
  if (deps.config.devRoutes && deps.dev) {
    app.use('/dev', devRouter({ ...deps.dev, db: deps.db, clock: deps.clock, log: deps.log, line: deps.line, processor }));
  }
  app.use(landingRouter({ config: deps.config }));
  app.use((_req, res) => void res.status(404).json({ error: 'ไม่พบหน้าที่ต้องการ' }));
  app.use(errorHandler(deps.log));
  return { app, processor, processEvent };
}
