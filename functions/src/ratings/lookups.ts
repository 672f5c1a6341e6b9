/**
 * What ratings need to know from other features, behind small interfaces the app composition wires (app.ts), so this
 * feature reads no other feature's collections itself:
 * - services (the queue feature: `orgs/{orgId}/services/{serviceId}`): does a service exist, its title, its staff group;
 * - tickets (queue): whose ticket it is, for which service, and whether it was served;
 * - complaints: whether the caller filed the complaint under their LINE identity and it is finished.
 */

/** A service people can rate. */
export interface RatedService {
  id: string;
  /** Thai title shown on the form, the results and the cards. */
  title: string;
  /**
   * LINE group ids of the staff responsible for this service, when the service names them; otherwise every registered
   * staff group of the organisation is told of low scores.
   */
  staffGroupIds?: string[] | undefined;
  /** A service switched off no longer takes ratings (its past results stay published). */
  active?: boolean | undefined;
}

export interface ServiceLookup {
  getService(orgId: string, serviceId: string): Promise<RatedService | null>;
  /** Every service of the organisation, for the poster page's choice and the form's list. */
  listServices(orgId: string): Promise<RatedService[]>;
}

/** What rating needs of a queue ticket. */
export interface TicketForRating {
  id: string;
  serviceId: string;
  /** The LINE user who took the ticket; null for a ticket taken without LINE (printed at the counter). */
  userId: string | null;
  /** Served: the ticket reached its final "done" state. Skipped or cancelled tickets are not served. */
  served: boolean;
}

export interface TicketLookup {
  getTicket(orgId: string, ticketId: string): Promise<TicketForRating | null>;
}

/**
 * A complaint the caller may rate: null unless the caller filed it under their LINE identity and it is finished.
 * `complaintRatingContext` of the complaints feature has exactly this contract.
 */
export interface ComplaintLookup {
  complaintForRating(orgId: string, complaintId: string, userId: string): Promise<{ complaintId: string; kind: 'general' | 'corruption' } | null>;
  /**
   * The kind of a complaint (null when unknown). Text attached to a corruption case (a rating comment) follows the
   * case's access rule: only integrity officers read it, so staff listings leave it out.
   */
  complaintKind(orgId: string, complaintId: string): Promise<'general' | 'corruption' | null>;
}
