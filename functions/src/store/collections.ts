/**
 * Every Firestore collection name, in one place. Organisation data lives under `orgs/{orgId}` so one deployment
 * serves many organisations without their data meeting.
 */
export const COLLECTIONS = {
  orgs: 'orgs',
  /** Channel secrets and tokens, apart from `orgs` so no query for an organisation can return them. */
  orgSecrets: 'orgSecrets',
  /** Pending and sent LINE pushes of every organisation (top level: one query finds what is due). */
  outbox: 'outbox',
  // Below: subcollections of orgs/{orgId}
  webhookEvents: 'webhookEvents',
  /** One document per event, created by whoever processes it first: processing happens once. */
  webhookEventClaims: 'webhookEventClaims',
  followers: 'followers',
  groups: 'groups',
  staff: 'staff',
  /** One-time codes (staff invitations, staff-group registration), under the code's hash. */
  staffCodes: 'staffCodes',
  plans: 'plans',
  projects: 'projects',
  /** Under plans/{planId}: the imported document's text, in chunks of lines (what review flags point at). */
  sourceLines: 'sourceLines',
  /** Under plans/{planId}: append-only record of every review edit, acceptance and the publication. */
  reviewLog: 'reviewLog',
  manuals: 'manuals',
} as const;
