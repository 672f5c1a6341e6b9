/**
 * The lookups ratings needs, backed by the features that own the data: queue services and tickets (queue/store.ts)
 * and complaints (complaintRatingContext). The router uses these unless the composition passes its own.
 */
import type { Firestore } from '../store/firestore.ts';
import { complaintRatingContext } from '../complaints/service.ts';
import { getComplaint } from '../complaints/store.ts';
import { getService, getTicket, listServices } from '../queue/store.ts';
import type { QueueService } from '../queue/schema.ts';
import { parseTicketId } from '../queue/workflow.ts';
import type { ComplaintLookup, RatedService, ServiceLookup, TicketLookup } from './lookups.ts';

const rated = (s: QueueService): RatedService => ({ id: s.id, title: s.name, active: s.active, staffGroupIds: s.staffGroupIds });

/** Services are the queue's services (`orgs/{orgId}/queueServices/{serviceId}`), titled by their name. */
export function queueServiceLookup(db: Firestore): ServiceLookup {
  return {
    async getService(orgId, serviceId) {
      const s = await getService(db, orgId, serviceId);
      return s ? rated(s) : null;
    },
    async listServices(orgId) {
      return (await listServices(db, orgId)).map(rated);
    },
  };
}

/** A ticket by its public id `{serviceId}-{yyyymmdd}-{number}`; served when its state is `done`. */
export function queueTicketLookup(db: Firestore): TicketLookup {
  return {
    async getTicket(orgId, ticketId) {
      const where = parseTicketId(ticketId);
      if (!where) return null;
      const t = await getTicket(db, orgId, where.serviceId, where.day, where.number);
      return t ? { id: t.id, serviceId: t.serviceId, userId: t.userId, served: t.state === 'done' } : null;
    },
  };
}

/** A complaint the caller filed under their LINE identity and that is finished (resolved, rejected or forwarded). */
export function complaintLookup(db: Firestore): ComplaintLookup {
  return {
    async complaintForRating(orgId, complaintId, userId) {
      const c = await complaintRatingContext({ db }, orgId, complaintId, userId);
      return c ? { complaintId: c.complaintId, kind: c.kind } : null;
    },
    async complaintKind(orgId, complaintId) {
      return (await getComplaint(db, orgId, complaintId))?.kind ?? null;
    },
  };
}
