/**
 * The only module of the queue that touches Firestore. Correct without transaction isolation (the embedded emulator
 * has none) and without atomic batches: every exactly-once step is a create() on a deterministic id, whose
 * "must not exist" precondition Firestore checks atomically per document (docs/queue.md).
 */
import type { DocumentData, Firestore, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { isStaffGroup } from '../staff/groupsStore.ts';
import { getDeliveryStatuses } from '../notify/outboxStore.ts';
import type { StaffMember } from '../staff/schema.ts';
import { getStaffMember } from '../staff/store.ts';
import { COLLECTIONS } from '../store/collections.ts';
import { createIfAbsent } from '../store/errors.ts';
import { QUEUE_COLLECTIONS as Q } from './collections.ts';
import { DEMO_SERVICES } from './demo.ts';
import { newServiceSchema, type ClosedDay, type LogEntry, type QueueService, type Ticket } from './schema.ts';
import { ACTIVE_STATES, applyEntry, logEntryId } from './workflow.ts';

function plain<T>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (v) => v as DocumentData,
    // Written only through this module from typed values.
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}

export interface Holder {
  /** `{userId}~{k}`: the k-th ticket this person took for this service on this day. */
  id: string;
  userId: string;
  k: number;
  createdAt: string;
  /** Set once the number is claimed; null while claiming (or after a crash, see docs/queue.md). */
  ticketNumber: number | null;
  /** The claim failed and the holder was given up at once. */
  abandoned: boolean;
}

const orgDoc = (db: Firestore, orgId: string) => db.collection(COLLECTIONS.orgs).doc(orgId);
const servicesOf = (db: Firestore, orgId: string) => orgDoc(db, orgId).collection(Q.services).withConverter(plain<QueueService>());
const dayDoc = (db: Firestore, orgId: string, serviceId: string, day: string) =>
  orgDoc(db, orgId).collection(Q.services).doc(serviceId).collection(Q.days).doc(day);
const ticketsOf = (db: Firestore, orgId: string, serviceId: string, day: string) =>
  dayDoc(db, orgId, serviceId, day).collection(Q.tickets).withConverter(plain<Ticket>());
const holdersOf = (db: Firestore, orgId: string, serviceId: string, day: string) =>
  dayDoc(db, orgId, serviceId, day).collection(Q.holders).withConverter(plain<Holder>());
const logOf = (db: Firestore, orgId: string, serviceId: string, day: string) =>
  dayDoc(db, orgId, serviceId, day).collection(Q.log).withConverter(plain<LogEntry>());

const closedDaysOf = (db: Firestore, orgId: string) => orgDoc(db, orgId).collection(Q.closedDays).withConverter(plain<ClosedDay>());

export const ticketDocId = (n: number) => String(n).padStart(5, '0');

// ---------- closed days ----------

export async function getClosedDay(db: Firestore, orgId: string, day: string): Promise<ClosedDay | null> {
  const snap = await closedDaysOf(db, orgId).doc(day).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** Closed days from `fromDay` on, earliest first. */
export async function listClosedDays(db: Firestore, orgId: string, fromDay: string, limit: number): Promise<ClosedDay[]> {
  const snap = await closedDaysOf(db, orgId).where('day', '>=', fromDay).orderBy('day').limit(limit).get();
  return snap.docs.map((d) => d.data());
}

export async function saveClosedDay(db: Firestore, orgId: string, closed: ClosedDay): Promise<void> {
  await closedDaysOf(db, orgId).doc(closed.day).set(closed);
}

/** False when the day was not closed. */
export async function deleteClosedDay(db: Firestore, orgId: string, day: string): Promise<boolean> {
  const ref = closedDaysOf(db, orgId).doc(day);
  if (!(await ref.get()).exists) return false;
  await ref.delete();
  return true;
}

// ---------- services ----------

export async function getService(db: Firestore, orgId: string, serviceId: string): Promise<QueueService | null> {
  const snap = await servicesOf(db, orgId).doc(serviceId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** All services of the organisation, in display order (then by id). */
export async function listServices(db: Firestore, orgId: string): Promise<QueueService[]> {
  const snap = await servicesOf(db, orgId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Creates the service; false when the id is taken. */
export async function createService(db: Firestore, orgId: string, service: QueueService): Promise<boolean> {
  return createIfAbsent(() => servicesOf(db, orgId).doc(service.id).create(service));
}

export async function saveService(db: Firestore, orgId: string, service: QueueService): Promise<void> {
  await servicesOf(db, orgId).doc(service.id).set(service);
}

// ---------- tickets (number claims) ----------

/** The highest number taken for the service on the day (0 for none): one ordered read of one document. */
export async function highestTicketNumber(db: Firestore, orgId: string, serviceId: string, day: string): Promise<number> {
  const snap = await ticketsOf(db, orgId, serviceId, day).orderBy('number', 'desc').limit(1).get();
  return snap.docs[0]?.data().number ?? 0;
}

/** Claims the ticket's number by creating its document; false when the number is taken. */
export async function createTicketIfAbsent(db: Firestore, ticket: Ticket): Promise<boolean> {
  return createIfAbsent(() => ticketsOf(db, ticket.orgId, ticket.serviceId, ticket.day).doc(ticketDocId(ticket.number)).create(ticket));
}

export async function getTicket(db: Firestore, orgId: string, serviceId: string, day: string, n: number): Promise<Ticket | null> {
  const snap = await ticketsOf(db, orgId, serviceId, day).doc(ticketDocId(n)).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** Waiting, called and serving tickets of the service on the day (tens at most): one query, no composite index. */
export async function listActiveTickets(db: Firestore, orgId: string, serviceId: string, day: string): Promise<Ticket[]> {
  const snap = await ticketsOf(db, orgId, serviceId, day).where('state', 'in', [...ACTIVE_STATES]).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.number - b.number);
}

/**
 * How many tickets wait before number `n`: a count aggregation (one read per 1,000 index entries), so a ticket page
 * polling in a long queue costs one read. Needs the composite index (state, number) on real Firestore.
 */
export async function countWaitingBefore(db: Firestore, orgId: string, serviceId: string, day: string, n: number): Promise<number> {
  const snap = await ticketsOf(db, orgId, serviceId, day).where('state', '==', 'waiting').where('number', '<', n).count().get();
  return snap.data().count;
}

/** Every ticket of the service on the day (statistics, operator view). */
export async function listDayTickets(db: Firestore, orgId: string, serviceId: string, day: string): Promise<Ticket[]> {
  const snap = await ticketsOf(db, orgId, serviceId, day).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.number - b.number);
}

/** The most recently finished tickets (for the waiting estimate): single-field order, no composite index. */
export async function listRecentlyFinished(db: Firestore, orgId: string, serviceId: string, day: string, limit: number): Promise<Ticket[]> {
  const snap = await ticketsOf(db, orgId, serviceId, day).orderBy('finishedAt', 'desc').limit(limit).get();
  return snap.docs.map((d) => d.data()).filter((t) => t.finishedAt !== null);
}

/**
 * The citizen asks for "near" after taking the ticket (the chat button). A field update: the call log's projection
 * (applyLogEntry) reads and rewrites the document in a transaction, which real Firestore retries if this lands between.
 */
export async function setTicketNotifyNear(db: Firestore, orgId: string, serviceId: string, day: string, n: number): Promise<void> {
  await ticketsOf(db, orgId, serviceId, day).doc(ticketDocId(n)).update({ notifyNear: true });
}

export async function findTicketByHolder(db: Firestore, orgId: string, serviceId: string, day: string, holderId: string): Promise<Ticket | null> {
  const snap = await ticketsOf(db, orgId, serviceId, day).where('holder', '==', holderId).limit(1).get();
  return snap.docs[0]?.data() ?? null;
}

/** A person's tickets of the day for the service (by their LINE user id). */
export async function listTicketsOfUser(db: Firestore, orgId: string, serviceId: string, day: string, userId: string): Promise<Ticket[]> {
  const snap = await ticketsOf(db, orgId, serviceId, day).where('userId', '==', userId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.number - b.number);
}

/**
 * Applies a claimed call-log entry to its ticket, unless the ticket already reflects it (or a later one). On real
 * Firestore the transaction makes the check and the write one step; on the embedded emulator a lost race can leave
 * the ticket one entry behind, and the next action rolls it forward from the log (service.ts).
 */
export async function applyLogEntry(db: Firestore, orgId: string, entry: LogEntry): Promise<Ticket | null> {
  const ref = ticketsOf(db, orgId, entry.serviceId, entry.day).doc(ticketDocId(entry.number));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.data();
    if (!current) return null;
    if (current.seq >= entry.seq) return current;
    const next = applyEntry(current, entry);
    tx.set(ref, next);
    return next;
  });
}

// ---------- holders: one active ticket per person ----------

export async function listHolders(db: Firestore, orgId: string, serviceId: string, day: string, userId: string): Promise<Holder[]> {
  const snap = await holdersOf(db, orgId, serviceId, day).where('userId', '==', userId).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.k - b.k);
}

export async function getHolder(db: Firestore, orgId: string, serviceId: string, day: string, holderId: string): Promise<Holder | null> {
  const snap = await holdersOf(db, orgId, serviceId, day).doc(holderId).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** Claims the person's k-th ticket of the day; false when k is taken (a concurrent request of the same person). */
export async function createHolderIfAbsent(db: Firestore, orgId: string, serviceId: string, day: string, holder: Holder): Promise<boolean> {
  return createIfAbsent(() => holdersOf(db, orgId, serviceId, day).doc(holder.id).create(holder));
}

export async function setHolderTicket(db: Firestore, orgId: string, serviceId: string, day: string, holderId: string, ticketNumber: number): Promise<void> {
  await holdersOf(db, orgId, serviceId, day).doc(holderId).update({ ticketNumber });
}

export async function abandonHolder(db: Firestore, orgId: string, serviceId: string, day: string, holderId: string): Promise<void> {
  await holdersOf(db, orgId, serviceId, day).doc(holderId).update({ abandoned: true });
}

// ---------- the call log: append-only ----------

/**
 * Appends an entry; false when an entry with its id exists (another action on the ticket claimed that step first).
 * There is deliberately no update or delete of log entries anywhere in the code base.
 */
export async function appendLogEntry(db: Firestore, orgId: string, entry: LogEntry): Promise<boolean> {
  return createIfAbsent(() => logOf(db, orgId, entry.serviceId, entry.day).doc(entry.id).create(entry));
}

export async function getLogEntry(db: Firestore, orgId: string, serviceId: string, day: string, n: number, seq: number): Promise<LogEntry | null> {
  const snap = await logOf(db, orgId, serviceId, day).doc(logEntryId(n, seq)).get();
  return snap.exists ? (snap.data() ?? null) : null;
}

/** The day's log of a service, in time order. */
export async function listLog(db: Firestore, orgId: string, serviceId: string, day: string): Promise<LogEntry[]> {
  const snap = await logOf(db, orgId, serviceId, day).get();
  return snap.docs.map((d) => d.data()).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

// ---------- demo data ----------

/** Creates the demo services (demo.ts) the organisation lacks; returns the ids created. Create-if-absent: edits stay. */
export async function seedDemoServices(db: Firestore, orgId: string, now: Date): Promise<string[]> {
  const created: string[] = [];
  for (const input of DEMO_SERVICES) {
    const service: QueueService = { ...newServiceSchema.parse(input), createdAt: now.toISOString(), updatedAt: now.toISOString() };
    if (await createService(db, orgId, service)) created.push(service.id);
  }
  return created;
}

// ---------- the store the queue's use cases are given ----------

/**
 * This module's functions bound to one Firestore, plus the two staff facts the queue needs (is a group a registered
 * staff group, who is a staff member), read through the staff feature's own functions. The use cases receive this
 * (deps.ts); nothing else of the queue holds the database.
 */
export function createQueueStore(db: Firestore) {
  return {
    getClosedDay: getClosedDay.bind(null, db),
    listClosedDays: listClosedDays.bind(null, db),
    saveClosedDay: saveClosedDay.bind(null, db),
    deleteClosedDay: deleteClosedDay.bind(null, db),
    getService: getService.bind(null, db),
    listServices: listServices.bind(null, db),
    createService: createService.bind(null, db),
    saveService: saveService.bind(null, db),
    highestTicketNumber: highestTicketNumber.bind(null, db),
    createTicketIfAbsent: createTicketIfAbsent.bind(null, db),
    getTicket: getTicket.bind(null, db),
    /** What became of LINE messages about tickets, by key (the outbox's record). */
    getDeliveryStatuses: getDeliveryStatuses.bind(null, db),
    listActiveTickets: listActiveTickets.bind(null, db),
    countWaitingBefore: countWaitingBefore.bind(null, db),
    listDayTickets: listDayTickets.bind(null, db),
    listRecentlyFinished: listRecentlyFinished.bind(null, db),
    setTicketNotifyNear: setTicketNotifyNear.bind(null, db),
    findTicketByHolder: findTicketByHolder.bind(null, db),
    listTicketsOfUser: listTicketsOfUser.bind(null, db),
    applyLogEntry: applyLogEntry.bind(null, db),
    listHolders: listHolders.bind(null, db),
    getHolder: getHolder.bind(null, db),
    createHolderIfAbsent: createHolderIfAbsent.bind(null, db),
    setHolderTicket: setHolderTicket.bind(null, db),
    abandonHolder: abandonHolder.bind(null, db),
    appendLogEntry: appendLogEntry.bind(null, db),
    getLogEntry: getLogEntry.bind(null, db),
    listLog: listLog.bind(null, db),
    isStaffGroup: (orgId: string, groupId: string): Promise<boolean> => isStaffGroup(db, orgId, groupId),
    getStaffMember: (orgId: string, userId: string): Promise<StaffMember | null> => getStaffMember(db, orgId, userId),
  };
}
export type QueueStore = ReturnType<typeof createQueueStore>;
