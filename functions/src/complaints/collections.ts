/**
 * Firestore collection names of the complaints feature, all under `orgs/{orgId}` (see store/collections.ts for the
 * shared ones). Kept here so the feature owns its storage; the platform lead mirrors them in firestore.rules/indexes.
 *
 * orgs/{orgId}/complaints/{complaintId}                   the case: no reporter identity, no photos
 * orgs/{orgId}/complaints/{complaintId}/updates/{seq}     append-only history, seq zero-padded, created with create()
 * orgs/{orgId}/complaintPhotos/{complaintId}-{n}          photo bytes, one document per photo (n = 1..3)
 * orgs/{orgId}/complaintReporters/{complaintId}           who filed it and how to reach them (apart from the case)
 * orgs/{orgId}/complaintTracking/{trackingCode}           tracking code reservation (create-if-absent) -> complaint id
 * orgs/{orgId}/complaintCategories/{categoryId}           per-organisation categories (defaults when empty)
 * orgs/{orgId}/complaintDigests/{isoWeek}                 weekly digest run marker (counts only, no content)
 * Reports being made in chat (drafts, their photos, filing claims): chatReport/store.ts (CHAT_DRAFT_COLLECTIONS).
 */
export const COMPLAINT_COLLECTIONS = {
  complaints: 'complaints',
  updates: 'updates',
  photos: 'complaintPhotos',
  reporters: 'complaintReporters',
  tracking: 'complaintTracking',
  categories: 'complaintCategories',
  digests: 'complaintDigests',
} as const;
