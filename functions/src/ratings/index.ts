/** What the app composition wires: the router, the scheduler entry, the chat answer, the lookups to implement. */
export { ratingsRouter, type RatingsRouterDeps } from './routes.ts';
export { runWeeklyRatingSummary, weekToSummarise, type WeeklyDeps, type WeeklyOutcome } from './weekly.ts';
export { latestSatisfactionSummary, satisfactionMessages, type SatisfactionSummary } from './chat.ts';
export type { ComplaintLookup, RatedService, ServiceLookup, TicketForRating, TicketLookup } from './lookups.ts';
export { RATING_COLLECTIONS } from './store.ts';
export { complaintLookup, queueServiceLookup, queueTicketLookup } from './adapters.ts';
export { links as ratingLinks } from './service.ts';
export { asksForSatisfactionResults, ratingTextHandlers } from './line.ts';
export { seedDemoRatings } from './demo.ts';
