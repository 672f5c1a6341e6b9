/**
 * The queue's data: services (with counters and opening hours), tickets, and the call log. What comes from outside
 * (admin API, CLI, request bodies) is validated by the queue's contract (contracts/queue.ts), re-exported here for the
 * queue's own modules and its CLIs; the stored shapes are typed here and written only by store.ts.
 */
import type { LogEntry as LogEntryContract, TicketState } from '../contracts/queue.ts';

export {
  closedDaySchema,
  counterIdSchema,
  counterSchema,
  dayParam,
  hoursSchema,
  LOG_ACTIONS,
  newServiceSchema,
  REASON_MAX,
  serviceFieldsSchema,
  serviceIdSchema,
  serviceUpdateSchema,
  TICKET_STATES,
  ticketIdSchema,
  VIAS,
  viaSchema,
  type Counter,
  type LogAction,
  type NewService,
  type QueueService,
  type ServiceUpdate,
  type TicketState,
  type Via,
} from '../contracts/queue.ts';

/** A ticket as stored: the document that claimed its number (see docs/queue.md, "Numbering"). */
export interface Ticket {
  /** Public id `{serviceId}-{yyyymmdd}-{number}`: where the document lives, derivable without a lookup. */
  id: string;
  orgId: string;
  serviceId: string;
  /** Bangkok day `yyyy-mm-dd` the number belongs to. */
  day: string;
  number: number;
  label: string;
  state: TicketState;
  /** The LINE user who took it; null for a walk-in ticket issued by staff. */
  userId: string | null;
  /** The holder record `{userId}~{k}` that allowed this person this ticket (one active ticket per person). */
  holder: string | null;
  walkIn: boolean;
  /**
   * The citizen asked to be told when their turn is near (LIFF checkbox or the chat button). Absent on tickets stored
   * before the choice existed: no "near" message for them (docs/queue.md, "Messages per ticket").
   */
  notifyNear?: boolean;
  issuedAt: string;
  issuedBy: string | null;
  /** First call (waiting time ends), last call, start of service, end (done, no-show, cancelled). */
  calledAt: string | null;
  lastCalledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  counterId: string | null;
  /** How often it was called (1 + recalls). */
  calls: number;
  /** Sequence of the last call-log entry applied to this document (0: none). */
  seq: number;
}

/** One entry of the call log as stored (and as the log API returns it). */
export type LogEntry = LogEntryContract;

export interface ClosedDay {
  day: string;
  name: string;
  setBy: string;
  setAt: string;
}
