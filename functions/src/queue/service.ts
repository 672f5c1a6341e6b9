/**
 * The queue's use cases in domain words: issue a ticket (citizen, walk-in), call the next one, call a specific one,
 * recall, start, complete, skip, cancel, reinstate; what a ticket page, an operator and the board see; statistics.
 * Routes and the bot validate and forward here; only store.ts touches Firestore.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import type { Message } from '../line/client.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { Org } from '../orgs/schema.ts';
import { isStaffGroup } from '../staff/groups.ts';
import { closedDayOn } from './closedDays.ts';
import { addDays, bangkokDay, daysBetween, formatHours, formatThaiDay, isOpenAt } from './day.ts';
import { calledMessage, cancelledByStaffMessage, nearMessage, noShowMessage, ratingMessage, reinstatedMessage } from './messages.ts';
import { createNumberClaimer, type NumberClaimer } from './numbering.ts';
import { newServiceSchema, type ClosedDay, type Counter, type LogEntry, type NewService, type QueueService, type ServiceUpdate, type Ticket, type Via } from './schema.ts';
import { dayStats, estimateWaitMinutes, recentServiceTimes, totalStats, waitingInOrder, type DayStats } from './stats.ts';
import * as store from './store.ts';
import {
  ACTIONS,
  canApply,
  isActive,
  logEntryId,
  NEAR_AHEAD,
  needsReason,
  parseTicketId,
  STATE_LABELS,
  ticketId,
  ticketLabel,
  type StaffAction,
} from './workflow.ts';

export interface QueueDeps {
  db: Firestore;
  notifier: Notifier;
  clock: Clock;
  liffLocalBase?: string | undefined;
  log?: Logger | undefined;
  /** One per process: serialises this process's number claims (numbering.ts). */
  claimer: NumberClaimer;
  /** Short-lived reads shared by pages that poll (ticket pages, boards). */
  cache: ReadCache;
  /** One per process: each person's ticket request under way, per service-day, that a second request joins. */
  issuing?: Map<string, Promise<{ ticket: TicketView; created: boolean }>>;
}

export function createQueueDeps(deps: Omit<QueueDeps, 'claimer' | 'cache' | 'issuing'> & { claimer?: NumberClaimer }): QueueDeps {
  return { ...deps, claimer: deps.claimer ?? createNumberClaimer(), cache: createReadCache(), issuing: new Map() };
}

/** Who acts: the citizen (their verified LINE id), a staff member, or the system. */
export interface Actor {
  userId: string | null;
  name: string;
  kind: 'citizen' | 'staff' | 'system';
  via: Via;
}

// ---------- a tiny read cache: polling pages must not each read Firestore every second ----------

export interface ReadCache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Forget everything under a prefix (this process changed it). */
  drop(prefix: string): void;
}

function createReadCache(): ReadCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      // Real time, not the injected clock: a fixed test clock must not freeze the cache forever.
      const t = Date.now();
      if (hit && t - hit.at < ttlMs) return hit.value as Promise<T>;
      if (entries.size > 5_000) entries.clear();
      const value = load();
      entries.set(key, { at: t, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    drop(prefix) {
      for (const k of entries.keys()) if (k.startsWith(prefix)) entries.delete(k);
    },
  };
}

const dayKey = (orgId: string, serviceId: string, day: string) => `${orgId}/${serviceId}/${day}`;

// ---------- services ----------

export async function requireService(deps: QueueDeps, orgId: string, serviceId: string, options: { active?: boolean } = {}): Promise<QueueService> {
  const service = await store.getService(deps.db, orgId, serviceId);
  if (!service || (options.active && !service.active)) throw new NotFoundError(`queue service ${serviceId}`, 'ไม่พบบริการนี้');
  return service;
}

function requireCounter(service: QueueService, counterId: string): Counter {
  const counter = service.counters.find((c) => c.id === counterId);
  if (!counter) throw new ValidationError([{ path: 'counterId', message: `ไม่มีช่องบริการ ${counterId} ในบริการ${service.name}` }]);
  return counter;
}

const counterName = (service: QueueService, counterId: string | null) => service.counters.find((c) => c.id === counterId)?.name ?? counterId ?? '';

/** A new service; 409 when the id or the prefix is taken. */
export async function addService(deps: QueueDeps, orgId: string, input: NewService): Promise<QueueService> {
  const parsed = newServiceSchema.parse(input);
  const existing = await store.listServices(deps.db, orgId);
  assertPrefixFree(existing, parsed.prefix, parsed.id);
  await assertStaffGroups(deps, orgId, parsed.staffGroupIds);
  const now = deps.clock.now().toISOString();
  const service: QueueService = { ...parsed, createdAt: now, updatedAt: now };
  if (!(await store.createService(deps.db, orgId, service))) throw new ConflictError(`service ${parsed.id} exists`, `มีบริการรหัส ${parsed.id} อยู่แล้ว`);
  return service;
}

/** Changes the fields given; the rest keep their values. */
export async function updateService(deps: QueueDeps, orgId: string, serviceId: string, update: ServiceUpdate): Promise<QueueService> {
  const current = await requireService(deps, orgId, serviceId);
  const changes = update;
  if (changes.prefix && changes.prefix !== current.prefix) assertPrefixFree(await store.listServices(deps.db, orgId), changes.prefix, serviceId);
  await assertStaffGroups(deps, orgId, changes.staffGroupIds);
  const next: QueueService = { ...current, ...changes, id: current.id, createdAt: current.createdAt, updatedAt: deps.clock.now().toISOString() };
  await store.saveService(deps.db, orgId, next);
  deps.cache.drop(`board:${orgId}`);
  return next;
}

/** A service's groups must be this organisation's registered staff groups: nothing is ever sent to another group. */
async function assertStaffGroups(deps: QueueDeps, orgId: string, groupIds: readonly string[] | undefined) {
  const issues = [];
  for (const [i, groupId] of (groupIds ?? []).entries()) {
    if ((groupIds ?? []).indexOf(groupId) !== i) issues.push({ path: `staffGroupIds.${i}`, message: 'ระบุกลุ่มนี้ซ้ำ' });
    else if (!(await isStaffGroup(deps.db, orgId, groupId))) issues.push({ path: `staffGroupIds.${i}`, message: 'กลุ่มนี้ยังไม่ได้ลงทะเบียนเป็นกลุ่มเจ้าหน้าที่ของหน่วยงาน' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function assertPrefixFree(services: QueueService[], prefix: string, exceptId: string) {
  const clash = services.find((s) => s.prefix === prefix && s.id !== exceptId);
  if (clash) throw new ValidationError([{ path: 'prefix', message: `อักษรนำหน้า ${prefix} ใช้กับบริการ${clash.name}แล้ว` }]);
}

/** What citizens see of a service; `closed` is today's closed day (a holiday), which shuts every service. */
export function publicService(s: QueueService, now: Date, closed: ClosedDay | null) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    prefix: s.prefix,
    location: s.location,
    counters: s.counters,
    hours: s.hours,
    hoursText: formatHours(s.hours),
    openNow: s.active && !closed && isOpenAt(s.hours, now),
    closedToday: closed ? { name: closed.name } : null,
    manualIds: s.manualIds,
  };
}

export async function listPublicServices(deps: QueueDeps, org: Org) {
  const now = deps.clock.now();
  const closed = await closedDayOn(deps, org.id, bangkokDay(now));
  return (await store.listServices(deps.db, org.id)).filter((s) => s.active).map((s) => publicService(s, now, closed));
}

/** A service and its queue right now: for the "take a ticket" page. */
export async function serviceStatus(deps: QueueDeps, org: Org, serviceId: string) {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDay(now);
  const [active, closed] = await Promise.all([activeTickets(deps, org.id, service.id, day), closedDayOn(deps, org.id, day)]);
  const waiting = waitingInOrder(active);
  return {
    ...publicService(service, now, closed),
    day,
    waiting: waiting.length,
    nowCalling: active.filter((t) => t.state === 'called' || t.state === 'serving').map((t) => ({ label: t.label, counter: counterName(service, t.counterId) })),
    estimatedWaitMinutes: await estimateFor(deps, org.id, service, day, waiting.length),
    takeTicketUrl: liffUrl(org, `queue/${service.id}`, deps.liffLocalBase) ?? null,
  };
}

// ---------- reads shared by pages ----------

function activeTickets(deps: QueueDeps, orgId: string, serviceId: string, day: string, fresh = false): Promise<Ticket[]> {
  const key = `active:${dayKey(orgId, serviceId, day)}`;
  if (fresh) deps.cache.drop(key);
  return deps.cache.get(key, 1_000, () => store.listActiveTickets(deps.db, orgId, serviceId, day));
}

async function estimateFor(deps: QueueDeps, orgId: string, service: QueueService, day: string, ahead: number): Promise<number> {
  const recent = await deps.cache.get(`recent:${dayKey(orgId, service.id, day)}`, 30_000, async () =>
    recentServiceTimes(await store.listRecentlyFinished(deps.db, orgId, service.id, day, 20)),
  );
  return estimateWaitMinutes(ahead, recent, service.counters.length, service.typicalServiceMinutes);
}

function changed(deps: QueueDeps, orgId: string, serviceId: string, day: string) {
  deps.cache.drop(`active:${dayKey(orgId, serviceId, day)}`);
  deps.cache.drop(`board:${orgId}`);
}

// ---------- ticket views ----------

export interface TicketView {
  id: string;
  serviceId: string;
  serviceName: string;
  location: string;
  day: string;
  number: number;
  label: string;
  state: Ticket['state'];
  stateLabel: string;
  /** 1 = next to be called; null when not waiting. */
  position: number | null;
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  counter: Counter | null;
  walkIn: boolean;
  issuedAt: string;
  calledAt: string | null;
  lastCalledAt: string | null;
  finishedAt: string | null;
  /** How often it has been called (1 + recalls); a recall button carries it (one press, one announcement). */
  calls: number;
  /** What the counters are calling now, e.g. ["A004 ช่อง 1"]. */
  nowCalling: { label: string; counter: string }[];
  pageUrl: string | null;
  /** After service: the satisfaction form for this visit. */
  ratingUrl: string | null;
  /** How soon the page should ask again. */
  pollAfterSeconds: number;
}

async function viewOf(deps: QueueDeps, org: Org, service: QueueService, ticket: Ticket): Promise<TicketView> {
  // The position is counted fresh (it is what the citizen acts on); what the counters call may be a second old.
  const [list, ahead] = await Promise.all([
    activeTickets(deps, org.id, service.id, ticket.day),
    ticket.state === 'waiting' ? store.countWaitingBefore(deps.db, org.id, service.id, ticket.day, ticket.number) : Promise.resolve(null),
  ]);
  const counter = service.counters.find((c) => c.id === ticket.counterId) ?? null;
  return {
    id: ticket.id,
    serviceId: service.id,
    serviceName: service.name,
    location: service.location,
    day: ticket.day,
    number: ticket.number,
    label: ticket.label,
    state: ticket.state,
    stateLabel: STATE_LABELS[ticket.state],
    position: ahead === null ? null : ahead + 1,
    ahead,
    estimatedWaitMinutes: ahead === null ? null : await estimateFor(deps, org.id, service, ticket.day, ahead),
    counter: ticket.state === 'called' || ticket.state === 'serving' ? counter : null,
    walkIn: ticket.walkIn,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    lastCalledAt: ticket.lastCalledAt,
    finishedAt: ticket.finishedAt,
    calls: ticket.calls,
    nowCalling: list.filter((t) => t.state === 'called' || t.state === 'serving').map((t) => ({ label: t.label, counter: counterName(service, t.counterId) })),
    pageUrl: liffUrl(org, `tickets/${ticket.id}`, deps.liffLocalBase) ?? null,
    ratingUrl: ticket.state === 'done' ? ratingUrlOf(deps, org, ticket) : null,
    pollAfterSeconds: ticket.state === 'waiting' ? (ahead !== null && ahead <= NEAR_AHEAD ? 3 : 10) : isActive(ticket.state) ? 5 : 0,
  };
}

const ratingUrlOf = (deps: QueueDeps, org: Org, ticket: Ticket) => liffUrl(org, `ratings/new?ticket=${encodeURIComponent(ticket.id)}`, deps.liffLocalBase) ?? null;

async function loadTicket(deps: QueueDeps, orgId: string, id: string): Promise<{ ticket: Ticket; service: QueueService }> {
  const ref = parseTicketId(id);
  const ticket = ref ? await store.getTicket(deps.db, orgId, ref.serviceId, ref.day, ref.number) : null;
  if (!ticket || !ref) throw new NotFoundError(`ticket ${id}`, 'ไม่พบบัตรคิวนี้');
  return { ticket, service: await requireService(deps, orgId, ref.serviceId) };
}

/** A ticket as its page shows it: to its own citizen, or to staff of the organisation. */
export async function getTicketView(deps: QueueDeps, org: Org, id: string, viewer: { userId: string; isStaff: boolean }): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  // Someone else's ticket is answered as unknown: the page never confirms whose number is whose.
  if (!viewer.isStaff && ticket.userId !== viewer.userId) throw new NotFoundError(`ticket ${id} of another user`, 'ไม่พบบัตรคิวนี้');
  return viewOf(deps, org, service, ticket);
}

/** The caller's tickets of today (all services), active first. */
export async function listMyTickets(deps: QueueDeps, org: Org, userId: string): Promise<TicketView[]> {
  const day = bangkokDay(deps.clock.now());
  const services = await store.listServices(deps.db, org.id);
  const views: TicketView[] = [];
  for (const s of services) {
    for (const t of await store.listTicketsOfUser(deps.db, org.id, s.id, day, userId)) views.push(await viewOf(deps, org, s, t));
  }
  return views.sort((a, b) => Number(isActive(b.state)) - Number(isActive(a.state)) || a.issuedAt.localeCompare(b.issuedAt));
}

// ---------- issuing ----------

/** A holder without a ticket this long after its creation belongs to a request that died (docs/queue.md). */
export const HOLDER_STALE_MS = 60_000;
/** Rounds of "read the person's holders, create the next": a second round only when a concurrent request won k. */
const ISSUE_ROUNDS = 3;

type HolderState = { kind: 'active'; ticket: Ticket } | { kind: 'free' } | { kind: 'pending' };

async function holderState(deps: QueueDeps, orgId: string, serviceId: string, day: string, h: store.Holder, now: Date): Promise<HolderState> {
  if (h.abandoned) return { kind: 'free' };
  let ticket = h.ticketNumber ? await store.getTicket(deps.db, orgId, serviceId, day, h.ticketNumber) : null;
  if (!ticket) {
    // The number may be claimed while the holder was not yet updated (a crash between the two writes): find it.
    ticket = await store.findTicketByHolder(deps.db, orgId, serviceId, day, h.id);
    if (ticket) await store.setHolderTicket(deps.db, orgId, serviceId, day, h.id, ticket.number);
  }
  if (ticket) return isActive(ticket.state) ? { kind: 'active', ticket } : { kind: 'free' };
  return now.getTime() - Date.parse(h.createdAt) > HOLDER_STALE_MS ? { kind: 'free' } : { kind: 'pending' };
}

async function claimTicket(
  deps: QueueDeps,
  orgId: string,
  service: QueueService,
  day: string,
  now: Date,
  who: { userId: string | null; holder: string | null; issuedBy: string | null },
): Promise<Ticket> {
  let created: Ticket | undefined;
  await deps.claimer.claim(dayKey(orgId, service.id, day), {
    highest: () => store.highestTicketNumber(deps.db, orgId, service.id, day),
    tryCreate: async (n) => {
      const ticket: Ticket = {
        id: ticketId(service.id, day, n),
        orgId,
        serviceId: service.id,
        day,
        number: n,
        label: ticketLabel(service.prefix, n),
        state: 'waiting',
        userId: who.userId,
        holder: who.holder,
        walkIn: who.userId === null,
        issuedAt: now.toISOString(),
        issuedBy: who.issuedBy,
        calledAt: null,
        lastCalledAt: null,
        servingAt: null,
        finishedAt: null,
        counterId: null,
        calls: 0,
        seq: 0,
      };
      if (!(await store.createTicketIfAbsent(deps.db, ticket))) return false;
      created = ticket;
      return true;
    },
  });
  if (!created) throw new Error('claim finished without a ticket');
  // A new ticket joins the end of the line: nobody's position changes, so cached lists may stay (≤ 1 s old).
  return created;
}

/**
 * A citizen takes a ticket. One active ticket per person per service per day: the person's k-th ticket of the day is
 * claimed first (create-if-absent on `holders/{userId}~{k}`), then a number. Asking again while the ticket is active
 * returns the same ticket (`created: false`), so a double tap or a second scan of the poster is harmless. A request
 * arriving while the same person's request is under way in this process joins it and answers with its ticket; one
 * under way in another instance cannot be joined, so the answer is at once "being issued, try again" (409).
 */
export async function issueTicket(deps: QueueDeps, org: Org, serviceId: string, userId: string): Promise<{ ticket: TicketView; created: boolean }> {
  const key = `${org.id}/${serviceId}/${bangkokDay(deps.clock.now())}/${userId}`;
  const running = deps.issuing?.get(key);
  if (running) return { ticket: (await running).ticket, created: false };
  const mine = issueTicketNow(deps, org, serviceId, userId);
  deps.issuing?.set(key, mine);
  try {
    return await mine;
  } finally {
    if (deps.issuing?.get(key) === mine) deps.issuing.delete(key);
  }
}

async function issueTicketNow(deps: QueueDeps, org: Org, serviceId: string, userId: string): Promise<{ ticket: TicketView; created: boolean }> {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDay(now);
  for (let round = 0; round < ISSUE_ROUNDS; round++) {
    const holders = await store.listHolders(deps.db, org.id, service.id, day, userId);
    const last = holders[holders.length - 1];
    if (last) {
      const state = await holderState(deps, org.id, service.id, day, last, deps.clock.now());
      if (state.kind === 'active') return { ticket: await viewOf(deps, org, service, state.ticket), created: false };
      // Another instance is issuing this person's ticket (or its request died; after HOLDER_STALE_MS k is free).
      if (state.kind === 'pending') break;
    }
    // Opening hours and holidays are checked only for a new ticket: someone holding one can always see it.
    const closed = await closedDayOn(deps, org.id, day);
    if (closed) {
      throw new ConflictError(`org closed on ${day}`, `วันนี้ (${formatThaiDay(day)}) เป็นวันหยุด: ${closed.name} สำนักงานปิดทำการ ไม่รับบัตรคิว`);
    }
    if (!isOpenAt(service.hours, now)) {
      throw new ConflictError(`service ${service.id} closed`, `ขณะนี้ไม่ใช่เวลารับบัตรคิว${service.name} (${formatHours(service.hours)})`);
    }
    const k = (last?.k ?? 0) + 1;
    const holder: store.Holder = { id: `${userId}~${k}`, userId, k, createdAt: now.toISOString(), ticketNumber: null, abandoned: false };
    if (!(await store.createHolderIfAbsent(deps.db, org.id, service.id, day, holder))) continue; // the same person, concurrently
    let ticket: Ticket;
    try {
      ticket = await claimTicket(deps, org.id, service, day, now, { userId, holder: holder.id, issuedBy: null });
    } catch (err) {
      // Give the person their turn back at once; if even this fails, the holder goes stale after HOLDER_STALE_MS.
      await store.abandonHolder(deps.db, org.id, service.id, day, holder.id).catch(() => undefined);
      throw err;
    }
    // If this write is lost, holderState() finds the ticket by its holder field.
    await store.setHolderTicket(deps.db, org.id, service.id, day, holder.id, ticket.number).catch((err: unknown) => {
      deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'queue holder not updated');
    });
    return { ticket: await viewOf(deps, org, service, ticket), created: true };
  }
  throw new ConflictError('ticket request pending', 'กำลังออกบัตรคิวให้คุณอยู่ กรุณารอสักครู่แล้วลองใหม่');
}

/** Staff issue a ticket for someone without LINE (any time: staff decide who is let in). Logged. */
export async function issueWalkInTicket(deps: QueueDeps, org: Org, serviceId: string, actor: Actor, note?: string): Promise<TicketView> {
  const service = await requireService(deps, org.id, serviceId, { active: true });
  const now = deps.clock.now();
  const day = bangkokDay(now);
  const ticket = await claimTicket(deps, org.id, service, day, now, { userId: null, holder: null, issuedBy: actor.userId });
  await store.appendLogEntry(deps.db, org.id, {
    ...entryBase(ticket, 0, 'issue', actor, now),
    from: null,
    to: 'waiting',
    reason: note ?? null,
  });
  return viewOf(deps, org, service, ticket);
}

// ---------- calling ----------

function entryBase(ticket: Ticket, seq: number, action: LogEntry['action'], actor: Actor, at: Date): LogEntry {
  return {
    id: logEntryId(ticket.number, seq),
    ticketId: ticket.id,
    serviceId: ticket.serviceId,
    day: ticket.day,
    number: ticket.number,
    label: ticket.label,
    seq,
    action,
    from: ticket.state,
    to: ticket.state,
    counterId: null,
    counterName: null,
    at: at.toISOString(),
    by: { userId: actor.userId, name: actor.name, kind: actor.kind },
    via: actor.via,
    outOfOrder: false,
    firstWaiting: null,
    reason: null,
    auto: false,
  };
}

/** Another action on the ticket claimed the same step first; the ticket has been brought up to date. */
export class RaceLostError extends ConflictError {
  readonly ticket: Ticket;
  constructor(ticket: Ticket) {
    super(`ticket ${ticket.id} changed concurrently`, `คิว ${ticket.label} เพิ่งถูกเปลี่ยนสถานะโดยผู้อื่น (${STATE_LABELS[ticket.state]}) กรุณาดูข้อมูลล่าสุด`);
    this.ticket = ticket;
  }
}

interface TransitionOptions {
  counter?: Counter;
  reason?: string | undefined;
  firstWaiting?: number | null;
  auto?: boolean;
}

/**
 * One step of a ticket: check the table, claim log entry `seq + 1` (create-if-absent: exactly one action wins a step),
 * then apply it to the ticket. A lost claim rolls the ticket forward from the winner's entry and reports the race.
 */
async function transition(deps: QueueDeps, service: QueueService, ticket: Ticket, action: StaffAction, actor: Actor, o: TransitionOptions = {}): Promise<Ticket> {
  const rule = ACTIONS[action];
  if (!canApply(action, ticket.state)) {
    throw new ConflictError(`ticket ${ticket.id}: ${action} from ${ticket.state}`, `ทำรายการนี้ไม่ได้: คิว ${ticket.label} ${STATE_LABELS[ticket.state]}`);
  }
  if (actor.kind !== 'system' && !rule.by.includes(actor.kind === 'citizen' ? 'citizen' : 'staff')) throw new ForbiddenError(`${action} by ${actor.kind}`);
  const by = actor.kind === 'citizen' ? 'citizen' : 'staff';
  const firstWaiting = o.firstWaiting ?? null;
  if (needsReason(action, { by, ticketNumber: ticket.number, firstWaiting }) && !o.reason && !o.auto) {
    const message =
      action === 'call' ? `เรียกคิวข้ามลำดับต้องระบุเหตุผล (คิวหมายเลข ${ticketLabel(service.prefix, firstWaiting ?? 0)} ยังรออยู่ก่อน)` : 'กรุณาระบุเหตุผล';
    throw new ValidationError([{ path: 'reason', message }]);
  }
  const now = deps.clock.now();
  const counter = o.counter ?? (ticket.counterId ? service.counters.find((c) => c.id === ticket.counterId) : undefined);
  const entry: LogEntry = {
    ...entryBase(ticket, ticket.seq + 1, action, actor, now),
    to: rule.to,
    counterId: counter?.id ?? null,
    counterName: counter?.name ?? null,
    outOfOrder: action === 'call' && firstWaiting !== null && ticket.number !== firstWaiting,
    firstWaiting: action === 'call' ? firstWaiting : null,
    reason: o.reason ?? null,
    auto: o.auto ?? false,
  };
  const orgId = ticket.orgId;
  if (!(await store.appendLogEntry(deps.db, orgId, entry))) {
    const winner = await store.getLogEntry(deps.db, orgId, ticket.serviceId, ticket.day, ticket.number, entry.seq);
    const rolled = winner ? await store.applyLogEntry(deps.db, orgId, winner) : null;
    changed(deps, orgId, ticket.serviceId, ticket.day);
    throw new RaceLostError(rolled ?? ticket);
  }
  const applied = (await store.applyLogEntry(deps.db, orgId, entry)) ?? ticket;
  changed(deps, orgId, ticket.serviceId, ticket.day);
  return applied;
}

/** Brings a ticket up to date with any log entries its document has not caught up with (after a crash). */
async function current(deps: QueueDeps, ticket: Ticket): Promise<Ticket> {
  let t = ticket;
  for (;;) {
    const next = await store.getLogEntry(deps.db, t.orgId, t.serviceId, t.day, t.number, t.seq + 1);
    if (!next) return t;
    t = (await store.applyLogEntry(deps.db, t.orgId, next)) ?? t;
  }
}

export interface CallResult {
  /** The ticket now called, or null when nobody is waiting. */
  called: TicketView | null;
  /** The counter's previous ticket, completed on the way. */
  completed: TicketView | null;
  waiting: number;
}

/** Completes whatever the counter is still serving, so "next" is one press. */
async function finishCounter(deps: QueueDeps, org: Org, service: QueueService, active: Ticket[], counter: Counter, actor: Actor): Promise<Ticket | null> {
  let done: Ticket | null = null;
  for (const t of active.filter((x) => (x.state === 'called' || x.state === 'serving') && x.counterId === counter.id)) {
    try {
      done = await transition(deps, service, await current(deps, t), 'complete', actor, { auto: true });
      await afterChange(deps, org, service, done, 'complete', []);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err; // someone else finished it: fine
    }
  }
  return done;
}

/** Calls the lowest waiting number to the counter. Two operators pressing at once call two different tickets. */
export async function callNextTicket(deps: QueueDeps, org: Org, serviceId: string, counterId: string, actor: Actor): Promise<CallResult> {
  const service = await requireService(deps, org.id, serviceId);
  const counter = requireCounter(service, counterId);
  const day = bangkokDay(deps.clock.now());
  let completed: Ticket | null = null;
  for (let attempt = 0; attempt < 20; attempt++) {
    const active = await activeTickets(deps, org.id, service.id, day, true);
    if (attempt === 0) completed = await finishCounter(deps, org, service, active, counter, actor);
    const waiting = waitingInOrder(active);
    const next = waiting[0];
    if (!next) return { called: null, completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: 0 };
    try {
      const called = await transition(deps, service, await current(deps, next), 'call', actor, { counter, firstWaiting: next.number });
      await afterChange(deps, org, service, called, 'call', waiting.slice(1));
      return { called: await viewOf(deps, org, service, called), completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: waiting.length - 1 };
    } catch (err) {
      if (err instanceof RaceLostError || (err instanceof ConflictError && attempt < 19)) continue; // taken by another counter
      throw err;
    }
  }
  throw new ConflictError('call next: too much contention', 'มีการเรียกคิวพร้อมกันหลายช่อง กรุณากดอีกครั้ง');
}

/** Calls one ticket directly. Calling past a lower waiting number needs a reason, and is logged as out of order. */
export async function callTicket(deps: QueueDeps, org: Org, id: string, counterId: string, actor: Actor, reason?: string): Promise<CallResult> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const counter = requireCounter(service, counterId);
  const active = await activeTickets(deps, org.id, service.id, ticket.day, true);
  const waiting = waitingInOrder(active);
  const fresh = await current(deps, ticket);
  if (!canApply('call', fresh.state)) {
    throw new ConflictError(`ticket ${id} not waiting`, `ทำรายการนี้ไม่ได้: คิว ${fresh.label} ${STATE_LABELS[fresh.state]}`);
  }
  const firstWaiting = waiting[0]?.number ?? null;
  if (needsReason('call', { by: 'staff', ticketNumber: fresh.number, firstWaiting }) && !reason) {
    throw new ValidationError([{ path: 'reason', message: `เรียกคิวข้ามลำดับต้องระบุเหตุผล (คิวหมายเลข ${ticketLabel(service.prefix, firstWaiting ?? 0)} ยังรออยู่ก่อน)` }]);
  }
  const completed = await finishCounter(deps, org, service, active.filter((t) => t.id !== fresh.id), counter, actor);
  const called = await transition(deps, service, fresh, 'call', actor, { counter, firstWaiting, reason });
  const rest = waiting.filter((t) => t.id !== called.id);
  await afterChange(deps, org, service, called, 'call', rest);
  return { called: await viewOf(deps, org, service, called), completed: completed ? await viewOf(deps, org, service, completed) : null, waiting: rest.length };
}

/** recall, start, complete, skip (no-show), cancel (with a reason), reinstate (with a reason) by staff. */
export async function actOnTicket(
  deps: QueueDeps,
  org: Org,
  id: string,
  action: Exclude<StaffAction, 'call'>,
  actor: Actor,
  reason?: string,
): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const next = await transition(deps, service, await current(deps, ticket), action, actor, { reason });
  const waiting = action === 'cancel' || action === 'reinstate' ? waitingInOrder(await activeTickets(deps, org.id, service.id, ticket.day, true)) : [];
  await afterChange(deps, org, service, next, action, waiting, reason);
  return viewOf(deps, org, service, next);
}

export const recallTicket = async (deps: QueueDeps, org: Org, id: string, actor: Actor, seenCalls?: number) => (await recallOnce(deps, org, id, actor, seenCalls)).ticket;

/**
 * One press, one announcement. `seenCalls` is how often the ticket had been called when the button was shown (the
 * quick reply and the LIFF carry it): when it has been called more often since (a double tap, a retry, an older
 * button), that recall was this press, and its answer is given again with nothing announced (`repeated`). Two copies
 * at once race for the same next log entry (create-if-absent), so only one announces. Without `seenCalls` (typed
 * commands, older clients) every press recalls.
 */
export async function recallOnce(deps: QueueDeps, org: Org, id: string, actor: Actor, seenCalls?: number): Promise<{ ticket: TicketView; repeated: boolean }> {
  if (seenCalls === undefined) return { ticket: await actOnTicket(deps, org, id, 'recall', actor), repeated: false };
  const { ticket, service } = await loadTicket(deps, org.id, id);
  const fresh = await current(deps, ticket);
  const recalledSince = (t: Ticket) => t.state === 'called' && t.calls > seenCalls;
  if (recalledSince(fresh)) return { ticket: await viewOf(deps, org, service, fresh), repeated: true };
  try {
    const next = await transition(deps, service, fresh, 'recall', actor);
    await afterChange(deps, org, service, next, 'recall', []);
    return { ticket: await viewOf(deps, org, service, next), repeated: false };
  } catch (err) {
    if (err instanceof RaceLostError && recalledSince(err.ticket)) return { ticket: await viewOf(deps, org, service, err.ticket), repeated: true };
    throw err;
  }
}
export const startServingTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor) => actOnTicket(deps, org, id, 'start', actor);
export const completeTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor) => actOnTicket(deps, org, id, 'complete', actor);
export const skipTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason?: string) => actOnTicket(deps, org, id, 'skip', actor, reason);
export const reinstateTicket = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason: string) => actOnTicket(deps, org, id, 'reinstate', actor, reason);
export const cancelTicketByStaff = (deps: QueueDeps, org: Org, id: string, actor: Actor, reason: string) => actOnTicket(deps, org, id, 'cancel', actor, reason);

/** The citizen gives up their own waiting ticket (and may take a new one later). */
export async function cancelMyTicket(deps: QueueDeps, org: Org, id: string, userId: string): Promise<TicketView> {
  const { ticket, service } = await loadTicket(deps, org.id, id);
  if (ticket.userId !== userId) throw new NotFoundError(`ticket ${id} of another user`, 'ไม่พบบัตรคิวนี้');
  const actor: Actor = { userId, name: 'ผู้รับบริการ', kind: 'citizen', via: 'liff' };
  const next = await transition(deps, service, await current(deps, ticket), 'cancel', actor);
  await afterChange(deps, org, service, next, 'cancel', waitingInOrder(await activeTickets(deps, org.id, service.id, ticket.day, true)));
  return viewOf(deps, org, service, next);
}

// ---------- pushes ----------

async function push(deps: QueueDeps, orgId: string, to: string | null, key: string, topic: string, messages: Message[]) {
  if (!to) return; // walk-in: nobody to tell
  try {
    await deps.notifier.notify({ orgId, to, key, topic, messages });
  } catch (err) {
    // The ticket has moved on; a lost push must not undo or fail the call (the outbox retries what it queued).
    deps.log?.warn({ topic, err: err instanceof Error ? err.message : String(err) }, 'queue notification not queued');
  }
}

/**
 * What the citizen (and those now near the front) are told after a change. Each message has its own key, so a retry
 * or a second press never sends it twice: `ticket:{id}:called:{n}` (the n-th call), `ticket:{id}:near`, …
 */
async function afterChange(deps: QueueDeps, org: Org, service: QueueService, ticket: Ticket, action: StaffAction, waiting: Ticket[], reason?: string) {
  switch (action) {
    case 'call':
    case 'recall':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:called:${ticket.calls}`, 'queue.called', [
        calledMessage(service, ticket, counterName(service, ticket.counterId), action === 'recall'),
      ]);
      break;
    case 'complete':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:rate`, 'queue.done', [ratingMessage(service, ticket, ratingUrlOf(deps, org, ticket) ?? undefined)]);
      break;
    case 'skip':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:no-show:${ticket.seq}`, 'queue.no_show', [noShowMessage(service, ticket)]);
      break;
    case 'cancel':
      if (reason) await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:cancelled`, 'queue.cancelled', [cancelledByStaffMessage(service, ticket, reason)]);
      break;
    case 'reinstate':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:reinstated:${ticket.seq}`, 'queue.reinstated', [reinstatedMessage(service, ticket)]);
      break;
    case 'start':
      break;
  }
  await notifyNear(deps, org, service, waiting);
}

/** Everyone with at most NEAR_AHEAD tickets ahead hears it once ("อีก 2 คิว"). */
async function notifyNear(deps: QueueDeps, org: Org, service: QueueService, waiting: Ticket[]) {
  const sorted = [...waiting].sort((a, b) => a.number - b.number);
  for (let ahead = 0; ahead <= NEAR_AHEAD && ahead < sorted.length; ahead++) {
    const t = sorted[ahead];
    if (!t?.userId) continue;
    await push(deps, org.id, t.userId, `ticket:${t.id}:near`, 'queue.near', [nearMessage(service, t, ahead, liffUrl(org, `tickets/${t.id}`, deps.liffLocalBase))]);
  }
}

// ---------- what operators and the board see ----------

export async function operatorView(deps: QueueDeps, org: Org, serviceId: string, day?: string) {
  const service = await requireService(deps, org.id, serviceId);
  const d = day ?? bangkokDay(deps.clock.now());
  const tickets = await store.listDayTickets(deps.db, org.id, service.id, d);
  const waiting = waitingInOrder(tickets);
  const brief = (t: Ticket) => ({ id: t.id, label: t.label, number: t.number, state: t.state, walkIn: t.walkIn, issuedAt: t.issuedAt, calledAt: t.calledAt, calls: t.calls, counterId: t.counterId });
  return {
    service: publicService(service, deps.clock.now(), await closedDayOn(deps, org.id, d)),
    day: d,
    counters: service.counters.map((c) => {
      const here = tickets.filter((t) => (t.state === 'called' || t.state === 'serving') && t.counterId === c.id);
      return { ...c, current: here.map(brief) };
    }),
    waiting: waiting.map((t, i) => ({ ...brief(t), ahead: i })),
    finished: tickets.filter((t) => !isActive(t.state)).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(0, 20).map(brief),
    counts: { issued: tickets.length, waiting: waiting.length, done: tickets.filter((t) => t.state === 'done').length, noShow: tickets.filter((t) => t.state === 'no_show').length },
    estimatedWaitMinutes: await estimateFor(deps, org.id, service, d, waiting.length),
  };
}

export interface BoardData {
  org: { id: string; name: string };
  day: string;
  generatedAt: string;
  services: {
    id: string;
    name: string;
    prefix: string;
    location: string;
    counters: { id: string; name: string; current: { label: string; state: Ticket['state']; calls: number } | null }[];
    next: string[];
    waiting: number;
  }[];
  /** The latest calls, newest first; `key` changes with every call and recall (the board announces new keys). */
  calls: { key: string; label: string; counter: string; service: string; at: string }[];
}

/** What the TV board shows: per service, the number at each counter and the next ones. Cached 1 s per process. */
export async function boardData(deps: QueueDeps, org: Org, serviceIds?: string[]): Promise<BoardData> {
  const key = `board:${org.id}:${(serviceIds ?? []).join(',')}`;
  return deps.cache.get(key, 1_000, async () => {
    const now = deps.clock.now();
    const day = bangkokDay(now);
    const services = (await store.listServices(deps.db, org.id)).filter((s) => s.active && (!serviceIds?.length || serviceIds.includes(s.id)));
    const calls: BoardData['calls'] = [];
    const out: BoardData['services'] = [];
    const lists = await Promise.all(services.map((s) => store.listActiveTickets(deps.db, org.id, s.id, day)));
    services.forEach((s, i) => {
      const active = lists[i] ?? [];
      const atCounter = (c: Counter) =>
        active.filter((t) => (t.state === 'called' || t.state === 'serving') && t.counterId === c.id).sort((a, b) => (b.lastCalledAt ?? '').localeCompare(a.lastCalledAt ?? ''))[0];
      const waiting = waitingInOrder(active);
      out.push({
        id: s.id,
        name: s.name,
        prefix: s.prefix,
        location: s.location,
        counters: s.counters.map((c) => {
          const t = atCounter(c);
          return { id: c.id, name: c.name, current: t ? { label: t.label, state: t.state, calls: t.calls } : null };
        }),
        next: waiting.slice(0, 5).map((t) => t.label),
        waiting: waiting.length,
      });
      for (const t of active) {
        if (t.state === 'called' && t.lastCalledAt) calls.push({ key: `${t.id}:${t.calls}`, label: t.label, counter: counterName(s, t.counterId), service: s.name, at: t.lastCalledAt });
      }
    });
    calls.sort((a, b) => b.at.localeCompare(a.at));
    return { org: { id: org.id, name: org.name }, day, generatedAt: now.toISOString(), services: out, calls: calls.slice(0, 8) };
  });
}

// ---------- the call log and statistics ----------

export async function callLog(deps: QueueDeps, org: Org, serviceId: string, day?: string): Promise<{ service: QueueService; day: string; entries: LogEntry[] }> {
  const service = await requireService(deps, org.id, serviceId);
  const d = day ?? bangkokDay(deps.clock.now());
  return { service, day: d, entries: await store.listLog(deps.db, org.id, service.id, d) };
}

export const MAX_STATS_DAYS = 93;

export interface QueueStats {
  from: string;
  to: string;
  rows: DayStats[];
  byService: (Omit<DayStats, 'day'>)[];
  totals: Omit<DayStats, 'day' | 'serviceId' | 'serviceName'>;
}

/** Statistics per day and service over a range of Bangkok days (default: today). Days without tickets are left out. */
export async function queueStats(deps: QueueDeps, org: Org, range: { from?: string | undefined; to?: string | undefined; serviceId?: string | undefined }): Promise<QueueStats> {
  const today = bangkokDay(deps.clock.now());
  const to = range.to ?? today;
  const from = range.from ?? (range.to ? range.to : today);
  if (from > to) throw new ValidationError([{ path: 'from', message: 'วันเริ่มต้องไม่หลังวันสิ้นสุด' }]);
  if (daysBetween(from, to).length > MAX_STATS_DAYS) throw new ValidationError([{ path: 'from', message: `ช่วงวันที่ยาวได้ไม่เกิน ${MAX_STATS_DAYS} วัน` }]);
  const services = (await store.listServices(deps.db, org.id)).filter((s) => !range.serviceId || s.id === range.serviceId);
  if (range.serviceId && services.length === 0) throw new NotFoundError(`queue service ${range.serviceId}`, 'ไม่พบบริการนี้');
  const rows: DayStats[] = [];
  const byService: QueueStats['byService'] = [];
  const all: Ticket[] = [];
  let outOfOrderAll = 0;
  for (const s of services) {
    const mine: Ticket[] = [];
    let outOfOrder = 0;
    for (const day of daysBetween(from, to)) {
      const tickets = await store.listDayTickets(deps.db, org.id, s.id, day);
      if (tickets.length === 0) continue;
      const ooo = (await store.listLog(deps.db, org.id, s.id, day)).filter((e) => e.outOfOrder).length;
      rows.push(dayStats(day, s, tickets, ooo));
      mine.push(...tickets);
      outOfOrder += ooo;
    }
    const { day: _day, ...summary } = dayStats('', s, mine, outOfOrder);
    byService.push(summary);
    all.push(...mine);
    outOfOrderAll += outOfOrder;
  }
  rows.sort((a, b) => a.day.localeCompare(b.day) || a.serviceId.localeCompare(b.serviceId));
  return { from, to, rows, byService, totals: totalStats(all, outOfOrderAll) };
}

export { addDays };
