import express, { type Express } from 'express';
import type { Firestore } from './store/firestore.ts';
import type { IdTokenVerifier } from './auth/idToken.ts';
import type { LocalIssuer } from './auth/localIssuer.ts';
import { contextWithoutChat, handleEvent, replyToText, type BotDeps } from './bot/dispatcher.ts';
import { answer } from './chat/answer.ts';
import { NotFoundError } from './errors.ts';
import { getOrg, listOrgs } from './orgs/store.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { devRouter } from './dev/routes.ts';
import { jsonBodies } from './http/body.ts';
import { errorHandler } from './http/errors.ts';
import { healthRouter, storageDeadline } from './http/health.ts';
import { idempotency } from './http/idempotency.ts';
import { landingRouter } from './http/landing.ts';
import { createOutboxNotifier, deliverNotification, sweepOutbox } from './notify/delivery.ts';
import type { Notifier } from './notify/notifier.ts';
import { liffStaticRouter } from './http/liffStatic.ts';
import { createPushBudget, readLineQuotas } from './quota/service.ts';
import { quotaRouter } from './quota/routes.ts';
import { orgsRouter } from './orgs/routes.ts';
import { draftsRouter } from './plans/drafts/routes.ts';
import type { DraftReviewPause } from './plans/drafts/service.ts';
import { plansRouter } from './plans/routes.ts';
import { progressRouter } from './progress/routes.ts';
import { progressLookup, yearProgressLookup } from './progress/service.ts';
import { reportsRouter } from './reports/routes.ts';
import { statisticsRouter } from './statistics/routes.ts';
import { evidenceRouter } from './evidence/routes.ts';
import { manualCardFor, manualPostbackHandler } from './manuals/line.ts';
import { manualsRouter } from './manuals/routes.ts';
import { complaintPostbackHandlers, complaintsRouter, complaintTextHandlers, runComplaintDeadlines, runWeeklyComplaintDigest } from './complaints/index.ts';
import { chatDraftRouter, chatReportMediaHandler, chatReportPostbackHandler, chatReportTextHandler, sweepChatDrafts } from './complaints/chatReport/index.ts';
import { complaintFilingLimiter } from './complaints/routes.ts';
import { createQueueDeps, createQueueStore, queuePostbackHandlers, queueRouter, queueTextHandlers, type QueueDeps } from './queue/index.ts';
import { authenticate, loadOrg } from './auth/middleware.ts';
import { ratingsRouter, ratingTextHandlers, runWeeklyRatingSummary } from './ratings/index.ts';
import { FirestoreContextStore } from './chat/contextStore.ts';
import { chatPostbackHandler } from './chat/lineHandlers.ts';
import { askRouter } from './chat/route.ts';
import { createChatService } from './chat/service.ts';
import { firestoreIndexStore } from './search/indexStore.ts';
import { FirestoreCorpusProvider } from './search/firestoreCorpus.ts';
import { KnowledgeBase } from './search/knowledgeBase.ts';
import { segmentMemo } from './search/tokenize.ts';
import { staffGroupRegistrationHandler } from './staff/line.ts';
import { staffRouter } from './staff/routes.ts';
import { integrityRouter } from './integrity/routes.ts';
import { staffMenuLinker } from './richmenu/staffLink.ts';
import type { LineGateway } from './line/credentials.ts';
import {
  createInProcessProcessor,
  createTriggerProcessor,
  processRecordedEvent,
  processStoredEvent,
  type InProcessProcessor,
  type ProcessDeps,
} from './line/processor.ts';
import type { LineSandbox } from './line/sandbox/fakeLineApi.ts';
import { sweepWebhookEvents } from './line/sweep.ts';
import { createRefusalCounter, type RefusalCounter } from './line/refusals.ts';
import { webhookRouter } from './line/webhook.ts';
import type { Logger } from './log.ts';
import { storageTimings, type StorageTimings } from './store/deadline.ts';
import { ttlCache } from './store/ttlCache.ts';
import type { WindowLimit } from './http/rateLimit.ts';
import type { ComplaintLookup, TicketLookup } from './ratings/lookups.ts';
import { createCompletionWriter } from './line/eventStore.ts';

export interface AppDeps {
  config: Config;
  db: Firestore;
  clock: Clock;
  log: Logger;
  line: LineGateway;
  idTokens: IdTokenVerifier;
  /** Local mode only: the LINE sandbox, the local token issuer, and what GET /dev/demo reports. */
  dev?: { sandbox: LineSandbox; issuer: LocalIssuer; firestoreEmulatorHost: string | undefined; lineApiBaseUrl: string };
  /** The organisations this server is set up to serve (the health check requires them); default: from LINE_CHANNELS. */
  servedOrgs?: string[];
  /** Storage deadlines (default: production's `storageTimings`); tests that take storage down pass shorter ones. */
  storageTimings?: StorageTimings;
  /** Tests only: parts the app otherwise makes itself. Production passes none and runs every default. */
  overrides?: AppOverrides;
}

/**
 * What a test may change in an app built by `createApp`, so tests run the production middleware, routes and limits
 * (body sizes, deadlines, error mapping) with only these parts swapped.
 */
export interface AppOverrides {
  /** Wraps the outbox notifier every feature sends through (a test records what is sent, and passes it all on). */
  notifier?: (outbox: Notifier) => Notifier;
  /** Complaints filed per organisation + caller (default 5 per 30 minutes, complaints/routes.ts). */
  complaintFilingLimit?: WindowLimit;
  /** Tracking-code lookups per organisation + caller (default: complaints/routes.ts). */
  complaintTrackingLimit?: WindowLimit;
  /** Ratings submitted per organisation + LINE user (default: ratings/routes.ts). */
  ratingLimit?: WindowLimit;
  /** What ratings ask the queue and complaints features (default: their stores, ratings/adapters.ts). */
  ratingLookups?: { tickets?: TicketLookup; complaints?: ComplaintLookup };
  /** Called when a draft review action has read and checked the draft, before it records (plans/drafts/service.ts). */
  draftReviewPause?: DraftReviewPause;
}

function servedOrgsOf(config: Config): string[] {
  if (!config.line.channelsJson) return [];
  try {
    return Object.keys(JSON.parse(config.line.channelsJson) as Record<string, unknown>);
  } catch {
    return [];
  }
}

export interface App {
  app: Express;
  /** Processes recorded webhook events; in production the Firestore trigger calls `processEvent` instead. */
  processor: InProcessProcessor;
  processEvent(orgId: string, eventId: string): Promise<void>;
  notifier: Notifier;
  /** The queue's use-case deps the router and the LINE handlers share (tests act on the same queue). */
  queue: QueueDeps;
  deliverNotification(id: string): Promise<unknown>;
  /** Periodic work (outbox retries, deadlines, reminders): a local interval or Cloud Scheduler calls it. */
  runScheduledJobs(): Promise<void>;
  /** Resolves when in-process work started so far (events, deliveries, answer indices being stored) has finished. */
  idle(): Promise<void>;
  /** How many messages LINE refused in this process (each is also logged as an error with its shape). */
  lineRefusals: RefusalCounter;
}

/** Builds the whole HTTP surface from its I/O, so tests pass their own storage, LINE and clock. */
export function createApp(deps: AppDeps): App {
  // Messages LINE refused (400 with details) are bugs: counted here, readable by the bench and tests.
  const lineRefusals = createRefusalCounter();
  // Every push goes through the month's budget: counted, capped by priority near the limit (quota/, notify/priorities.ts).
  const quota = { db: deps.db, line: deps.line, clock: deps.clock, log: deps.log };
  const delivery = { ...quota, refusals: lineRefusals, budget: createPushBudget(quota) };
  // In production the trigger on each outbox document delivers it; elsewhere this process tries at once.
  const outbox = createOutboxNotifier(delivery, { deliverNow: deps.config.mode !== 'production' });
  const overrides = deps.overrides ?? {};
  const notifier = overrides.notifier ? overrides.notifier(outbox) : outbox;
  // Local mode serves the LIFF pages itself: links in chat and pushes point here instead of liff.line.me.
  const liffLocalBase = deps.config.devRoutes ? (deps.config.publicBaseUrl ?? `http://localhost:${deps.config.port}`) : undefined;
  const complaints = { db: deps.db, notifier, clock: deps.clock, log: deps.log, liffLocalBase };
  // One filing budget per person for the form and for reports made in chat (docs/decisions/042).
  const filingLimiter = complaintFilingLimiter(deps, overrides.complaintFilingLimit);
  const chatReports = { ...complaints, line: deps.line, filingLimiter };
  // One queue for the router and the LINE handlers: they share one ticket-number claimer and one read cache.
  const queueDeps = createQueueDeps({ store: createQueueStore(deps.db), notifier, clock: deps.clock, log: deps.log, liffLocalBase });
  // Each feature gets its own dependencies, named here (no feature borrows another's object).
  const ratings = { db: deps.db, notifier, clock: deps.clock, log: deps.log, liffLocalBase, idTokens: deps.idTokens };
  // Role changes relink the person's staff rich menu (richmenu/staffLink.ts).
  const staffMenus = staffMenuLinker({ db: deps.db, line: deps.line, log: deps.log });
  const staff = { db: deps.db, notifier, clock: deps.clock, log: deps.log, liffLocalBase, idTokens: deps.idTokens, staffMenus };
  const integrity = staff;
  // The answering engine: per-organisation indexes refreshed when the organisation's data changes. Builds share the
  // process's memo of segmented chunks (its size is the configuration's; a new size empties it).
  if (segmentMemo.budgetBytes !== deps.config.knowledgeSegmentMemoBytes) segmentMemo.reset(deps.config.knowledgeSegmentMemoBytes);
  const kb = new KnowledgeBase(new FirestoreCorpusProvider(deps.db), {
    budgetBytes: deps.config.knowledgeCacheBytes,
    // Freshness is measured on the app's clock, so tests move it instead of waiting.
    now: () => deps.clock.now().getTime(),
    // Built indices are stored and loaded on a miss: a cold instance loads instead of building (docs/answering.md).
    ...(deps.config.knowledgeStoreIndex ? { persisted: firestoreIndexStore(deps.db, { now: () => deps.clock.now() }) } : {}),
    log: (event, fields) => (event === 'knowledge.storeFailed' ? deps.log.warn({ ...fields, event }, event) : deps.log.info({ ...fields, event }, event)),
  });
  // Progress staff recorded is an input of the engine, looked up only for a question about a project's progress.
  const answerOptions = { manualCard: manualCardFor(liffLocalBase), progressFor: progressLookup(deps.db), progressOfYear: yearProgressLookup(deps.db), ...(liffLocalBase ? { liffLocalBase } : {}) };
  const chat = createChatService({ kb, contexts: new FirestoreContextStore(deps.db), clock: deps.clock, options: answerOptions });
  // The engine's answer for the bot and the ask API alike (with a person or an API conversation: follow-up context).
  const engineAnswer = async (orgId: string, text: string, who: { userId?: string; now?: Date }) =>
    who.userId
      ? chat.answerText({ orgId, userId: who.userId, text, ...(who.now ? { now: who.now } : {}) })
      : answer(kb, orgId, text, null, { ...answerOptions, now: who.now ?? deps.clock.now() });
  const bot: BotDeps = {
    db: deps.db,
    // Order matters: feature commands first; the answer engine takes every other text.
    textHandlers: [
      // First: while a report started in chat waits for a typed answer, the text is that answer.
      chatReportTextHandler(chatReports),
      staffGroupRegistrationHandler(deps.db),
      ...queueTextHandlers(queueDeps),
      ...complaintTextHandlers(complaints),
      ...ratingTextHandlers(ratings),
    ],
    // With a person, the engine keeps a short context for follow-ups; without one (the ask API), it answers afresh.
    answer: (ctx, text) => engineAnswer(ctx.org.id, text, ctx.userId ? { userId: ctx.userId } : { now: ctx.now }),
    postbackHandlers: [
      chatPostbackHandler(chat),
      manualPostbackHandler(deps.db),
      ...complaintPostbackHandlers(complaints),
      chatReportPostbackHandler(chatReports),
      ...queuePostbackHandlers(queueDeps),
    ],
    media: chatReportMediaHandler(chatReports),
    ...(liffLocalBase ? { liffLocalBase } : {}),
  };
  const processDeps: ProcessDeps = {
    db: deps.db,
    findOrg: ttlCache((id) => getOrg(deps.db, id), 30_000),
    line: deps.line,
    clock: deps.clock,
    log: deps.log,
    refusals: lineRefusals,
    handle: (org, event, now) => handleEvent(bot, org, event, now),
    // Events finishing together are marked done in one commit (line/eventStore.ts).
    complete: createCompletionWriter(deps.db),
  };
  const processEvent = (orgId: string, eventId: string) => processStoredEvent(processDeps, orgId, eventId);
  const processor =
    deps.config.mode === 'production'
      ? createTriggerProcessor(deps.log)
      : createInProcessProcessor(processEvent, (org, event) => processRecordedEvent(processDeps, org, event), deps.log, { clock: deps.clock });
  // Each job runs at most once per its interval, however often the scheduler ticks (5 s locally, 1 min in production).
  const scheduledJobs: { name: string; everyMs: number; run(): Promise<unknown> }[] = [
    { name: 'outbox', everyMs: 0, run: () => sweepOutbox(delivery) },
    // Webhook events whose processor died between recording and replying (line/sweep.ts).
    {
      name: 'webhook events',
      everyMs: 0,
      run: () =>
        sweepWebhookEvents({
          db: deps.db,
          now: () => deps.clock.now(),
          log: deps.log,
          listOrgIds: async () => (await listOrgs(deps.db)).map((o) => o.id),
          process: processEvent,
        }),
    },
    // LINE's quota and consumption per organisation's channel, once per Bangkok day (quota/service.ts).
    { name: 'LINE quota', everyMs: 15 * 60_000, run: async () => readLineQuotas(quota, (await listOrgs(deps.db)).map((o) => o.id)) },
    { name: 'complaint deadlines', everyMs: 15 * 60_000, run: () => runComplaintDeadlines(complaints, deps.clock.now()) },
    { name: 'weekly complaint digest', everyMs: 15 * 60_000, run: () => runWeeklyComplaintDigest(complaints, deps.clock.now()) },
    { name: 'chat report drafts', everyMs: 15 * 60_000, run: () => sweepChatDrafts(chatReports, deps.clock.now()) },
    { name: 'weekly satisfaction summary', everyMs: 15 * 60_000, run: () => runWeeklyRatingSummary(ratings, deps.clock.now()) },
  ];
  const lastRun = new Map<string, number>();
  const runScheduledJobs = async () => {
    const now = deps.clock.now().getTime();
    for (const job of scheduledJobs) {
      const last = lastRun.get(job.name);
      if (last !== undefined && now - last < job.everyMs) continue;
      lastRun.set(job.name, now);
      try {
        await job.run();
      } catch (err) {
        deps.log.error({ job: job.name, err: err instanceof Error ? err.message : String(err) }, 'scheduled job failed');
      }
    }
  };

  const app = express();
  app.disable('x-powered-by');
  // Only the platform's own proxy hops are believed; a client-supplied X-Forwarded-For never chooses req.ip.
  app.set('trust proxy', deps.config.trustProxyHops > 0 ? deps.config.trustProxyHops : false);

  app.use(healthRouter({ db: deps.db, mode: deps.config.mode, servedOrgs: deps.servedOrgs ?? servedOrgsOf(deps.config), timings: deps.storageTimings }));
  // The webhook reads its raw body itself (signatures are over the exact bytes), so it goes before any JSON parser.
  app.use(webhookRouter({ db: deps.db, line: deps.line, clock: deps.clock, log: deps.log, processor, timings: deps.storageTimings }));
  if (deps.config.devRoutes && deps.dev) {
    app.use('/dev', devRouter({ ...deps.dev, db: deps.db, clock: deps.clock, log: deps.log, line: deps.line, processor }));
  }
  // Each route's own byte limit and a nesting bound, before any parsing or authentication (http/body.ts).
  // Storage work of every API request is bounded: a storage outage is a 503 with Retry-After within 2 s, not a hang.
  app.use('/api', storageDeadline({ db: deps.db, log: deps.log, timings: deps.storageTimings }));
  app.use(jsonBodies());
  // A state-changing call that carries an Idempotency-Key runs once; its copies get the same answer (http/idempotency.ts).
  app.use('/api/orgs/:orgId', idempotency({ db: deps.db, clock: deps.clock, log: deps.log }));
  app.use(orgsRouter({ db: deps.db, mode: deps.config.mode }));
  app.use(draftsRouter({ db: deps.db, clock: deps.clock, idTokens: deps.idTokens, ...(overrides.draftReviewPause ? { pause: overrides.draftReviewPause } : {}) }));
  app.use(plansRouter({ db: deps.db }));
  app.use(manualsRouter({ db: deps.db }));
  app.use(chatDraftRouter({ ...chatReports, idTokens: deps.idTokens }));
  app.use(complaintsRouter({ ...complaints, idTokens: deps.idTokens, filingLimiter, trackingLimit: overrides.complaintTrackingLimit }));
  app.use(queueRouter({ queue: queueDeps, loadOrg: loadOrg(deps.db), authenticate: authenticate({ db: deps.db, idTokens: deps.idTokens }) }));
  app.use(ratingsRouter({ ...ratings, ratingLimit: overrides.ratingLimit, ...overrides.ratingLookups }));
  app.use(
    askRouter({
      async respond(orgId, text, { conversation, now }) {
        const org = await getOrg(deps.db, orgId);
        if (!org) throw new NotFoundError(`organisation ${orgId}`, 'ไม่พบหน่วยงานนี้');
        const at = now ?? deps.clock.now();
        // A conversation of the API keeps follow-up context under its own key, never a LINE user's.
        const answerer: BotDeps['answer'] = (ctx, t) =>
          engineAnswer(ctx.org.id, t, conversation ? { userId: `api-${conversation}`, now: at } : { now: at });
        return replyToText({ ...bot, answer: answerer }, contextWithoutChat(org, text, at), text);
      },
      allowToday: deps.config.mode === 'local',
    }),
  );
  app.use(staffRouter(staff));
  app.use(integrityRouter(integrity));
  app.use(quotaRouter({ ...quota, idTokens: deps.idTokens }));
  app.use(progressRouter({ db: deps.db, idTokens: deps.idTokens, clock: deps.clock, log: deps.log }));
  app.use(reportsRouter({ db: deps.db, idTokens: deps.idTokens, clock: deps.clock }));
  app.use(statisticsRouter({ db: deps.db, clock: deps.clock }));
  app.use(evidenceRouter({ db: deps.db, clock: deps.clock, liffLocalBase }));
  app.use(landingRouter({ config: deps.config }));
  if (deps.config.mode !== 'production') app.use(liffStaticRouter());
  app.use((_req, res) => void res.status(404).json({ error: 'ไม่พบหน้าที่ต้องการ' }));
  app.use(errorHandler(deps.log));
  return {
    app,
    processor,
    processEvent,
    notifier,
    queue: queueDeps,
    deliverNotification: (id) => deliverNotification(delivery, id),
    runScheduledJobs,
    lineRefusals,
    async idle() {
      await processor.drain();
      await outbox.idle();
      await processor.drain();
      // Answer indices being stored after a build (they must not outlive the Firestore client; a write storage
      // never answers is given up after the shutdown grace, as abandoned storage calls are).
      await kb.flush((deps.storageTimings ?? storageTimings).shutdownGraceMs);
    },
  };
}
