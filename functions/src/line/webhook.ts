import { validateSignature } from '@line/bot-sdk';
import express, { type Request, type Response, type Router } from 'express';
import type { Firestore } from '../store/firestore.ts';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { jsonDepthExceeds } from '../http/body.ts';
import type { Logger } from '../log.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { storageTimings, withDeadline, type StorageTimings } from '../store/deadline.ts';
import { ttlCache } from '../store/ttlCache.ts';
import type { LineGateway } from './credentials.ts';
import { asLineEvent, webhookEnvelopeSchema, webhookEventSchema, type LineEvent } from './events.ts';
import { recordEvent } from './eventStore.ts';
import type { InProcessProcessor } from './processor.ts';

/**
 * LINE sends at most 100 small events per body and documents no byte maximum for webhooks; 1 MB is far above any
 * real delivery (a text message is at most 5,000 characters) and bounds the bytes read before the signature check.
 */
const MAX_BODY = '1mb';
/** LINE's deepest event (a message with mention/emoji objects) nests about 5 levels. */
const MAX_WEBHOOK_DEPTH = 32;

export interface WebhookDeps {
  db: Firestore;
  line: LineGateway;
  clock: Clock;
  log: Logger;
  processor: InProcessProcessor;
  /** `callMs`: storage must answer well inside LINE's 2-second wait. */
  timings?: StorageTimings;
}

/**
 * `POST /line/webhook/:orgId`: check the signature on the raw bytes with that organisation's channel secret, record
 * each event under its webhookEventId (create-if-absent), answer 200, and leave the processing to the processor.
 * Nothing is recorded unless the signature matches; a storage failure answers 503 so LINE redelivers.
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  const deadlineMs = (deps.timings ?? storageTimings).callMs;
  // Organisations change rarely; a 30-second memory spares one read per event on the hottest path.
  const findOrg = ttlCache((id) => getOrg(deps.db, id), 30_000);
  router.post('/line/webhook/:orgId', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    // While this request is acknowledged, in-process processing yields to it (line/processor.ts).
    const acknowledged = deps.processor.acknowledging();
    try {
      await acknowledge(req, res);
    } finally {
      acknowledged();
    }
  });
  const acknowledge = async (req: Request, res: Response): Promise<void> => {
    const orgId = orgIdSchema.safeParse(req.params.orgId);
    if (!orgId.success) throw new NotFoundError('organisation');
    const [org, secret] = await withDeadline(
      'organisation lookup',
      deadlineMs,
      Promise.all([findOrg(orgId.data), deps.line.channelSecret(orgId.data)]),
    );
    if (!org) throw new NotFoundError('organisation');
    if (!secret) throw new NotFoundError('LINE channel of organisation');

    const signature = req.get('x-line-signature');
    // Cloud Functions has already read the body and keeps the exact bytes in rawBody; locally express.raw gives them.
    const raw = rawBodyOf(req);
    if (!signature) throw new UnauthenticatedError('missing x-line-signature');
    if (!validateSignature(raw, secret, signature)) {
      // The secret may have been rotated within the cache's minute: read it again (at most once per 10 s per
      // organisation, so forged requests cannot make every request a storage read) and check once more.
      const fresh = await withDeadline('channel secret', deadlineMs, deps.line.freshChannelSecret(org.id));
      if (!fresh || fresh === secret || !validateSignature(raw, fresh, signature)) throw new UnauthenticatedError('webhook signature mismatch');
    }

    // LINE redelivers whatever is not answered 2xx, so a signed body we cannot read is acknowledged and dropped
    // (logged), never answered 4xx/5xx: it would come back for ever. The depth check runs on the bytes, before parsing.
    const body = jsonDepthExceeds(raw, MAX_WEBHOOK_DEPTH) ? null : webhookEnvelopeSchema.safeParse(parseJson(raw));
    if (!body?.success) {
      deps.log.warn({ orgId: org.id, bytes: raw.length, reason: body ? issuesOf(body.error) : 'nested too deeply' }, 'webhook body dropped: cannot be parsed');
      return void res.status(200).json({});
    }
    const events: LineEvent[] = [];
    body.data.events.forEach((candidate, index) => {
      const parsed = webhookEventSchema.safeParse(candidate);
      if (parsed.success) events.push(asLineEvent(parsed.data));
      else deps.log.warn({ orgId: org.id, index, reason: issuesOf(parsed.error) }, 'webhook event dropped: cannot be parsed');
    });

    // The one durable write before the answer: each event's record, created if absent (the dedupe and the record at
    // once). With an in-process processor the record also holds the event's first lease, and whatever this call
    // creates is handed over from memory as soon as it is created — even if the answer is a 503 because storage was
    // slow: the recorder holds the lease, so it must process the event (a redelivery finds it held and leaves it).
    const now = deps.clock.now();
    const inline = deps.processor.inline;
    const recorded = await withDeadline(
      'event record',
      deadlineMs,
      Promise.all(
        events.map((e) =>
          recordEvent(deps.db, org.id, e, now, { heldByRecorder: inline }).then((result) => {
            if (result === 'new' && inline) deps.processor.enqueueRecorded(org, e, now);
            return result;
          }),
        ),
      ),
    );
    // Recorded before but not done (a redelivery after a 5xx, or in production): the processor reads and claims them.
    const pending = events.filter((_, i) => recorded[i] === 'pending' || (recorded[i] === 'new' && !inline)).map((e) => e.webhookEventId);
    deps.log.info(
      { orgId: org.id, events: events.length, new: recorded.filter((r) => r === 'new').length, redelivered: events.filter((e) => e.deliveryContext.isRedelivery).length },
      'webhook received',
    );
    res.status(200).json({});
    deps.processor.enqueue(org.id, pending);
  };
  return router;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function issuesOf(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

function rawBodyOf(req: Request): Buffer {
  const fromFunctions = (req as Request & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(fromFunctions)) return fromFunctions;
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
