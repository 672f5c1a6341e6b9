import type { Firestore } from '../store/firestore.ts';
import type { HandledEvent } from '../bot/dispatcher.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Org } from '../orgs/schema.ts';
import { lineErrorStatus, type Message } from './client.ts';
import type { LineGateway } from './credentials.ts';
import { chatIdOf, type LineEvent } from './events.ts';
import { CLAIM_LEASE_MS, claimEvent, completeEvent, getStoredEvent, leaseOf, MAX_CLAIMS } from './eventStore.ts';
import { lineRefusalOf, reportRefusal, type LineRefusal, type RefusalCounter } from './refusals.ts';
import { retryKeyFor } from './retryKey.ts';

export interface ProcessDeps {
  db: Firestore;
  /** The organisation of an event (a short-lived cache in front of storage: every event needs it). */
  findOrg(orgId: string): Promise<Org | null>;
  line: LineGateway;
  clock: Clock;
  log: Logger;
  /** Counts messages LINE refused (400 with details): bugs, surfaced and never retried. */
  refusals: RefusalCounter;
  handle(org: Org, event: LineEvent, now: Date): Promise<HandledEvent>;
  /** Marks an event done or failed (default: one update each; app.ts gives a group-committing writer). */
  complete?(orgId: string, eventId: string, result: { status: 'done' | 'failed'; outcome: string }, now: Date): Promise<void>;
}

/** LINE refused the answer's body: nothing was sent, and sending it again (or pushing it) would be refused too. */
class MessageRefused extends Error {
  readonly refusal: LineRefusal;
  readonly messages: Message[];
  constructor(refusal: LineRefusal, messages: Message[]) {
    super(`LINE refused the message: ${refusal.details.map((d) => d.property).join(', ')}`.slice(0, 280));
    this.name = 'MessageRefused';
    this.refusal = refusal;
    this.messages = messages;
  }
}

/**
 * Processes one recorded event exactly once: read its record (done: nothing to do), claim the current lease
 * (create-if-absent), decide the answer, send it, mark it done. Called by the Firestore trigger on the event's record
 * (production, where nothing runs after the response), by the sweep (line/sweep.ts) for an event still not done after
 * a lease — its processor died — and for a redelivery that finds its record still `received`.
 */
export async function processStoredEvent(deps: ProcessDeps, orgId: string, eventId: string): Promise<void> {
  const now = deps.clock.now();
  const stored = await getStoredEvent(deps.db, orgId, eventId);
  if (!stored) {
    deps.log.warn({ orgId, eventId }, 'event to process has no record');
    return;
  }
  if (stored.record.status !== 'received') return;
  const lease = leaseOf(stored.record.receivedAt, now);
  if (lease >= MAX_CLAIMS) {
    deps.log.error({ orgId, eventId, leases: lease }, 'webhook event given up: not processed within its leases');
    await completeEvent(deps.db, orgId, eventId, { status: 'failed', outcome: `abandoned after ${lease} leases` }, now);
    return;
  }
  if (!(await claimEvent(deps.db, orgId, eventId, lease, now, stored.record))) return;
  if (lease > 0) deps.log.warn({ orgId, eventId, lease }, 'webhook event taken over after an expired claim');
  const org = await deps.findOrg(orgId);
  if (!org) {
    deps.log.warn({ orgId, eventId }, 'claimed event has no organisation');
    return;
  }
  await processClaimed(deps, org, stored.event, now);
}

/**
 * Processes an event this process has just recorded with `heldByRecorder` (local and emulator modes): the record's
 * creation was its lease-0 claim and the event and organisation are in memory, so there is nothing to read or claim —
 * decide, send, mark done. If this process dies first, the sweep takes the event over at lease 1.
 */
export async function processRecordedEvent(deps: ProcessDeps, org: Org, event: LineEvent): Promise<void> {
  await processClaimed(deps, org, event, deps.clock.now());
}

async function processClaimed(deps: ProcessDeps, org: Org, event: LineEvent, now: Date): Promise<void> {
  const complete = deps.complete ?? ((o: string, e: string, r: { status: 'done' | 'failed'; outcome: string }, n: Date) => completeEvent(deps.db, o, e, r, n));
  const orgId = org.id;
  const eventId = event.webhookEventId;
  try {
    const handled = await deps.handle(org, event, now);
    if (event.mode === 'active') await send(deps, orgId, event, handled.messages);
    await complete(orgId, eventId, { status: 'done', outcome: handled.outcome }, deps.clock.now());
    deps.log.info({ orgId, eventId, type: event.type, outcome: handled.outcome }, 'webhook event processed');
  } catch (err) {
    if (err instanceof MessageRefused) reportRefusal(deps, 'reply', { orgId, eventId, eventType: event.type }, err.messages, err.refusal);
    else deps.log.error({ orgId, eventId, type: event.type, err: describe(err) }, 'webhook event failed');
    await complete(orgId, eventId, { status: 'failed', outcome: describe(err) }, deps.clock.now());
  }
}

/**
 * Replies with the event's token. A token lasts about a minute and only once: when a trigger ran late and LINE refuses
 * it, the answer is pushed instead, with a retry key derived from the event so a repeated push is not sent twice.
 */
async function send(deps: ProcessDeps, orgId: string, event: LineEvent, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  const api = await deps.line.api(orgId);
  if (!api) throw new Error('no LINE channel credentials for organisation');
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  if (replyToken) {
    try {
      await api.reply(replyToken, messages);
      return;
    } catch (err) {
      const refusal = lineRefusalOf(err);
      if (refusal) throw new MessageRefused(refusal, messages);
      if (lineErrorStatus(err) !== 400) throw err;
      deps.log.warn({ orgId, eventId: event.webhookEventId }, 'reply token refused; pushing instead');
    }
  }
  const to = chatIdOf(event);
  if (!to) return;
  try {
    await api.push(to, messages, retryKeyFor(event.webhookEventId));
  } catch (err) {
    const refusal = lineRefusalOf(err);
    throw refusal ? new MessageRefused(refusal, messages) : err;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : 'unknown error';
}

/** Runs processing in this process, after the response; `drain()` waits until everything handed over is done. */
export interface InProcessProcessor {
  /**
   * Whether events are processed in this process right after the answer. Then the webhook records them
   * `heldByRecorder` and hands them over with `enqueueRecorded`; otherwise (production) the trigger claims them.
   */
  readonly inline: boolean;
  /** Events recorded earlier and still `received` (a redelivery found them): read, claimed, processed. */
  enqueue(orgId: string, eventIds: string[]): void;
  /**
   * An event this process has just recorded `heldByRecorder` at `receivedAt`: processed from memory, after the current
   * response, in order with the other events of its chat.
   */
  enqueueRecorded(org: Org, event: LineEvent, receivedAt: Date): void;
  /**
   * The webhook is acknowledging a request: until the returned function is called, processing yields to it (in a
   * burst it starts nothing new, for at most `deferMs`). Always call the returned function, once.
   */
  acknowledging(): () => void;
  drain(): Promise<void>;
}

/**
 * How long after recording an event held by its recorder may still be processed from memory. Its lease 0 lasts
 * CLAIM_LEASE_MS; after that the sweep may claim lease 1 and answer it. Starting no later than half the lease leaves
 * the handler the other half (the trigger's 50 s timeout keeps the same margin): an event queued longer than this (a
 * long burst on a slow machine) is left to the sweep, which answers it once (by push if its reply token has expired).
 */
export const RECORDER_START_WITHIN_MS = CLAIM_LEASE_MS / 2;

export interface InProcessOptions {
  /** Events processed at once while no acknowledgement is under way (default 16); the rest wait, in arrival order. */
  concurrency?: number;
  /**
   * Acknowledgements under way at once that make a burst (default 4): from then on processing starts nothing new.
   * Fewer is a light load (a request now and then), where waiting would only delay replies.
   */
  busyAcknowledging?: number;
  /**
   * How long waiting events may wait during a burst (default 1 s) before one at a time is started anyway, so a
   * stream of requests that never pauses cannot hold processing back for ever.
   */
  deferMs?: number;
  /** The clock the webhook records `receivedAt` with and the sweep judges leases by. */
  clock: Clock;
}

interface Job {
  run: () => Promise<void>;
  /** performance.now() when it was handed over (wall time: the injected clock may stand still in tests). */
  queuedAt: number;
}

/**
 * The in-process queue of local and emulator modes, where processing shares this process — and its CPU — with the
 * webhook's acknowledgements, the storage emulator and the LINE sandbox:
 * - **Acknowledgements first.** A handed-over event starts only from a `setImmediate` turn (after the event loop has
 *   taken the requests waiting on its sockets), up to `concurrency` at once under a light load. In a burst (at least
 *   `busyAcknowledging` acknowledgements under way at once) events wait — at most `deferMs`, then one at a time is
 *   started, so a stream that never pauses cannot hold them back for ever. So a burst is acknowledged at nearly the
 *   rate of the acknowledgement alone and processed right after, instead of every request also paying for its
 *   event's processing.
 * - **In order per chat, concurrent across chats.** Events of one chat (a person, a group or a room) are processed
 *   one after the other in the order they were handed over (a follow-up reads the context its previous message wrote);
 *   different chats run side by side.
 * - **Exactly once.** An event still waiting when its lease-0 window (RECORDER_START_WITHIN_MS) has passed is not
 *   started from memory: the sweep claims it at lease 1.
 */
export function createInProcessProcessor(
  process: (orgId: string, eventId: string) => Promise<void>,
  processRecorded: (org: Org, event: LineEvent) => Promise<void>,
  log: Logger,
  options: InProcessOptions,
): InProcessProcessor {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const deferMs = options.deferMs ?? 1000;
  const busyAcknowledging = Math.max(1, options.busyAcknowledging ?? 4);
  /** Acknowledgements under way (see `limit`). */
  let acknowledging = 0;
  /** Jobs not yet started, per chat, in arrival order. */
  const waiting = new Map<string, Job[]>();
  /** Chats with a job waiting and none running: the next to start, oldest first. */
  let ready: string[] = [];
  let readyHead = 0;
  const running = new Set<string>();
  let idleWaiters: (() => void)[] = [];
  let pumpScheduled = false;
  let deferTimer: NodeJS.Timeout | undefined;

  const settleIdle = () => {
    if (running.size > 0 || waiting.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const schedulePump = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  };
  /**
   * How many may run now: `concurrency` while fewer than `busyAcknowledging` acknowledgements are under way (a light
   * load leaves the CPU to spare); in a burst, none until the longest-waiting event has waited `deferMs`, then one.
   */
  const limit = (): number => {
    if (acknowledging < busyAcknowledging) return concurrency;
    const head = readyHead < ready.length ? waiting.get(ready[readyHead]!)?.[0] : undefined;
    if (!head) return 1;
    const left = deferMs - (performance.now() - head.queuedAt);
    if (left <= 0) return 1;
    deferTimer ??= setTimeout(() => {
      deferTimer = undefined;
      schedulePump();
    }, Math.ceil(left)).unref();
    return 0;
  };
  function pump(): void {
    pumpScheduled = false;
    while (readyHead < ready.length && running.size < limit()) {
      const chat = ready[readyHead++]!;
      const jobs = waiting.get(chat)!;
      const job = jobs.shift()!;
      if (jobs.length === 0) waiting.delete(chat);
      running.add(chat);
      void job
        .run()
        .catch((err: unknown) => log.error({ err: describe(err) }, 'event processing crashed'))
        .finally(() => {
          running.delete(chat);
          if (waiting.has(chat)) ready.push(chat);
          schedulePump();
          settleIdle();
        });
    }
    if (readyHead > 1024 && readyHead * 2 > ready.length) {
      ready = ready.slice(readyHead);
      readyHead = 0;
    }
  }
  const add = (chat: string, run: () => Promise<void>) => {
    const job = { run, queuedAt: performance.now() };
    const jobs = waiting.get(chat);
    if (jobs) jobs.push(job);
    else {
      waiting.set(chat, [job]);
      if (!running.has(chat)) ready.push(chat);
    }
    schedulePump();
  };

  return {
    inline: true,
    enqueue(orgId, eventIds) {
      // Only the id is known (the record is read when it starts), so each is its own chat.
      for (const eventId of eventIds) add(`${orgId}\n#${eventId}`, () => process(orgId, eventId));
    },
    enqueueRecorded(org, event, receivedAt) {
      const eventId = event.webhookEventId;
      add(`${org.id}\n${chatIdOf(event) ?? `#${eventId}`}`, async () => {
        const queuedMs = options.clock.now().getTime() - receivedAt.getTime();
        if (queuedMs >= RECORDER_START_WITHIN_MS) {
          log.warn({ orgId: org.id, eventId, queuedMs }, 'webhook event waited past its lease window in the queue: left to the sweep');
          return;
        }
        await processRecorded(org, event);
      });
    },
    acknowledging() {
      acknowledging++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        acknowledging--;
        if (acknowledging < busyAcknowledging) schedulePump();
      };
    },
    drain() {
      if (running.size === 0 && waiting.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}

/**
 * Production: nothing runs after the response on Cloud Functions, so the webhook's hand-over is the event record
 * itself — the Firestore trigger `processLineEvent` on it (retried on failure), and the scheduled sweep for any event
 * still not done after a lease. `enqueue` says so in the log rather than dropping the ids silently.
 */
export function createTriggerProcessor(log: Logger): InProcessProcessor {
  return {
    inline: false,
    enqueue(orgId, eventIds) {
      if (eventIds.length > 0) log.debug({ orgId, events: eventIds.length }, 'events left to the trigger and the sweep');
    },
    enqueueRecorded(org, event, _receivedAt) {
      // Never recorded held by a trigger processor (inline is false); if it were, the sweep would take it at lease 1.
      log.warn({ orgId: org.id, eventId: event.webhookEventId }, 'event held by a recorder that does not process inline');
    },
    acknowledging: () => () => {},
    drain: async () => {},
  };
}
