/**
 * The queue's Firestore layout (all under `orgs/{orgId}`):
 *
 *   queueServices/{serviceId}                          a service: name, prefix, counters, hours, manuals
 *     days/{yyyy-mm-dd}/tickets/{number:5}             a ticket; creating it IS claiming its number (create-if-absent)
 *     days/{yyyy-mm-dd}/holders/{userId}~{k}           the k-th ticket a person took that day: one active per person
 *     days/{yyyy-mm-dd}/log/{number:5}-{seq:3}         the call log, append-only (create only, never updated)
 *   queueClosedDays/{yyyy-mm-dd}                       a day the office is closed (public holiday): no tickets from LINE
 *
 * The day documents themselves are never written: the subcollections are addressed by path.
 */
export const QUEUE_COLLECTIONS = {
  services: 'queueServices',
  days: 'days',
  tickets: 'tickets',
  holders: 'holders',
  log: 'log',
  closedDays: 'queueClosedDays',
} as const;
