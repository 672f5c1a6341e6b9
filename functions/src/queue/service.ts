/**
 * The queue's use cases in domain words — the story, one module per chapter:
 *
 * - services (serviceAdmin.ts): an admin adds a service with its counters and hours, and changes it;
 * - closing days (closedDays.ts): the office is shut on a holiday, nobody takes a ticket from LINE;
 * - taking a ticket (issuing.ts): `issueTicket` for a citizen (one active ticket each), `issueWalkInTicket` for someone
 *   without LINE, `askNearNotice` when the citizen wants to hear that their turn is near;
 * - calling and serving (calling.ts): `callNextTicket`, `callTicket` (out of order with a reason), `recallOnce`,
 *   `startServingTicket`, `completeTicket`, `skipTicket`, `cancelTicketByStaff`, `reinstateTicket`, `cancelMyTicket`;
 *   every step is one claimed call-log entry (transitions.ts), then the citizen is told (notices.ts);
 * - what people see (views.ts, board.ts): the services, a service's queue, a ticket's page, the operator's desk, the
 *   TV board;
 * - the record (report.ts): the call log and statistics.
 *
 * Routes and the LINE handlers validate and forward here; only store.ts touches Firestore.
 */
export { createQueueDeps, type Actor, type QueueDeps, type ReadCache } from './deps.ts';
export { addService, updateService } from './serviceAdmin.ts';
export { closeDay, closedDayOn, reopenDay, upcomingClosedDays } from './closedDays.ts';
export { requireService } from './lookups.ts';
export { getTicketView, listMyTickets, listPublicServices, publicService, serviceStatus, type TicketView } from './views.ts';
export { askNearNotice, HOLDER_STALE_MS, issueTicket, issueWalkInTicket } from './issuing.ts';
export {
  actOnTicket,
  callNextTicket,
  callTicket,
  cancelMyTicket,
  cancelTicketByStaff,
  completeTicket,
  recallOnce,
  recallTicket,
  reinstateTicket,
  skipTicket,
  startServingTicket,
  type CallResult,
} from './calling.ts';
export { RaceLostError } from './transitions.ts';
export { boardData, operatorView, type BoardData, type OperatorView } from './board.ts';
export { callLog, MAX_STATS_DAYS, queueStats, type QueueStats } from './report.ts';
export { addDays } from '../time/bangkok.ts';
