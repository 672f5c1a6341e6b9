import { validateSignature } from '@line/bot-sdk';
import express, { type Request, type Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.ts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { withDeadline } from '../store/deadline.ts';
import { ttlCache } from '../store/ttlCache.ts';
import type { LineGateway } from './credentials.ts';
import { asLineEvent, webhookBodySchema } from './events.ts';
import { recordEvent } from './eventStore.ts';
import type { InProcessProcessor } from './processor.ts';

/** Storage must answer well inside LINE's 2-second wait. */
const STORAGE_DEADLINE_MS = 1500;
/** LINE bodies are small; its documented request limit for our own sends is 2 MB. */
const MAX_BODY = '1mb';

export interface WebhookDeps {
  db: Firestore;
  line: LineGateway;
  clock: Clock;
  log: Logger;
  processor: InProcessProcessor;
}

/**
 * `POST /line/webhook/:orgId`: check the signature on the raw bytes with that organisation's channel secret, record
 * each event under its webhookEventId (create-if-absent), answer 200, and leave the processing to the processor.
 * Nothing is recorded unless the signature matches; a storage failure answers 503 so LINE redelivers.
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  // Organisations change rarely; a 30-second memory spares one read per event on the hottest path.
  const findOrg = ttlCache((id) => getOrg(deps.db, id), 30_000);
  router.post('/line/webhook/:orgId', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const orgId = orgIdSchema.safeParse(req.params.orgId);
    if (!orgId.success) throw new NotFoundError('organisation');
    const [org, secret] = await withDeadline(
      'organisation lookup',
      STORAGE_DEADLINE_MS,
      Promise.all([findOrg(orgId.data), deps.line.channelSecret(orgId.data)]),
    );
    if (!org) throw new NotFoundError('organisation');
    if (!secret) throw new NotFoundError('LINE channel of organisation');

    const signature = req.get('x-line-signature');
    // Cloud Functions has already read the body and keeps the exact bytes in rawBody; locally express.raw gives them.
    const raw = rawBodyOf(req);
    if (!signature) throw new UnauthenticatedError('missing x-line-signature');
    if (!validateSignature(raw, secret, signature)) throw new UnauthenticatedError('webhook signature mismatch');

    const body = webhookBodySchema.safeParse(parseJson(raw));
    if (!body.success) {
      throw new ValidationError(body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }

    const now = deps.clock.now();
    const events = body.data.events.map(asLineEvent);
    const recorded = await withDeadline(
      'event record',
      STORAGE_DEADLINE_MS,
      Promise.all(events.map((e) => recordEvent(deps.db, org.id, e, now))),
    );
    const toProcess = events.filter((_, i) => recorded[i] !== 'done').map((e) => e.webhookEventId);
    deps.log.info(
      { orgId: org.id, events: events.length, new: recorded.filter((r) => r === 'new').length, redelivered: events.filter((e) => e.deliveryContext.isRedelivery).length },
      'webhook received',
    );
    res.status(200).json({});
    deps.processor.enqueue(org.id, toProcess);
  });
  return router;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function rawBodyOf(req: Request): Buffer {
  const fromFunctions = (req as Request & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(fromFunctions)) return fromFunctions;
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
