import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { defineSecret } from 'firebase-functions/params';
import { createApp, type App } from './app.ts';
import { createIdTokenVerifier, lineKeys } from './auth/idToken.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { createLineGateway, firestoreCredentials, secretCredentials } from './line/credentials.ts';
import { createLogger } from './log.ts';
import { openFirestore } from './store/firestore.ts';

/**
 * Cloud Functions entry (production). The same express app as local mode, behind `onRequest` in asia-southeast1 (close
 * to Thai users), and the trigger that processes each recorded webhook event: on Cloud Functions nothing runs after
 * the response, so the webhook only records and answers, and this trigger does the work.
 */
const LINE_CHANNELS = defineSecret('LINE_CHANNELS');
const REGION = 'asia-southeast1';

let built: App | undefined;

/** Built on first use, at run time, when secrets are readable (not at deploy-time module load). */
function app(): App {
  if (built) return built;
  const config = loadConfig({ ...process.env, MODE: 'production', LINE_CHANNELS: LINE_CHANNELS.value() });
  const db = openFirestore({ projectId: config.projectId });
  const log = createLogger({ level: config.logLevel });
  const credentials = config.line.credentials === 'secret' && config.line.channelsJson ? secretCredentials(config.line.channelsJson) : firestoreCredentials(db);
  const apiBase = config.line.apiBaseUrl === 'sandbox' ? 'https://api.line.me' : config.line.apiBaseUrl;
  const dataBase = config.line.dataApiBaseUrl === 'sandbox' ? 'https://api-data.line.me' : config.line.dataApiBaseUrl;
  const idTokens =
    config.idToken.issuer === 'line'
      ? createIdTokenVerifier({ issuer: config.idToken.url, keys: lineKeys(config.idToken.jwksUrl), now: () => systemClock.now() })
      : undefined;
  if (!idTokens) throw new Error('production verifies LINE ID tokens only');
  built = createApp({ config, db, clock: systemClock, log, line: createLineGateway(credentials, () => apiBase, () => dataBase), idTokens });
  return built;
}

export const api = onRequest({ region: REGION, secrets: [LINE_CHANNELS], memory: '512MiB', concurrency: 80, timeoutSeconds: 60 }, (req, res) => {
  app().app(req, res);
});

/**
 * Processes each recorded webhook event. Retried when it fails (storage or LINE unreachable: the function throws);
 * a handler's own error marks the event failed and is not retried. Its timeout stays under the claim lease
 * (line/eventStore.ts CLAIM_LEASE_MS, 60 s), so a retry or the sweep never overlaps a live run. Whatever a dead
 * instance leaves `received` is picked up by the scheduled sweep (line/sweep.ts).
 */
export const processLineEvent = onDocumentCreated(
  { document: 'orgs/{orgId}/webhookEvents/{eventId}', region: REGION, secrets: [LINE_CHANNELS], retry: true, timeoutSeconds: 50 },
  async (event) => {
    await app().processEvent(event.params.orgId, event.params.eventId);
  },
);

/** Delivers each queued LINE push as soon as it is queued. */
export const deliverOutbox = onDocumentCreated(
  { document: 'outbox/{id}', region: REGION, secrets: [LINE_CHANNELS], retry: false },
  async (event) => {
    await app().deliverNotification(event.params.id);
  },
);

/** Retries, deadlines, reminders and the webhook-event sweep, every minute in Bangkok time. */
export const scheduledJobs = onSchedule(
  { schedule: 'every 1 minutes', timeZone: 'Asia/Bangkok', region: REGION, secrets: [LINE_CHANNELS] },
  async () => {
    await app().runScheduledJobs();
  },
);
