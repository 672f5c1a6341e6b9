/**
 * Every Firestore collection name, in one place. Organisation data lives under `orgs/{orgId}` so one deployment
 * serves many organisations without their data meeting.
 */
export const COLLECTIONS = {
  orgs: 'orgs',
  /** Channel secrets and tokens, apart from `orgs` so no query for an organisation can return them. */
  orgSecrets: 'orgSecrets',
  /** orgSecrets/{orgId}/keys/{name}: server-side keys of an organisation (`staffRef`: staff/refKeyStore.ts). */
  orgKeys: 'keys',
  /** Pending and sent LINE pushes of every organisation (top level: one query finds what is due). */
  outbox: 'outbox',
  /** Fixed-window request limits shared by every instance (http/rateLimit.ts): one hit document per request. */
  rateLimits: 'rateLimits',
  /** rateLimits/{window}/hits/{id}, deleted by TTL on `expireAt`. */
  rateLimitHits: 'hits',
  // Below: subcollections of orgs/{orgId}
  /** Idempotency keys of state-changing API calls and what they answered (http/idempotency.ts), TTL on `expireAt`. */
  requestKeys: 'requestKeys',
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
  /** The organisation's built answer index (search/indexStore.ts): `current`, its bytes in `chunks/{n}`. */
  searchIndex: 'searchIndex',
  searchIndexChunks: 'chunks',
  /** Rich menus deployed for the organisation that the app links at run time (richmenu/store.ts: the staff menus). */
  richMenus: 'richMenus',
} as const;
