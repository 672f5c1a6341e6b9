/** What the app composition wires: the router, the chat handlers, the scheduler entry, the collection names. */
export { complaintsRouter, type ComplaintsRouterDeps } from './routes.ts';
export { complaintPostbackHandlers, complaintTextHandlers } from './line.ts';
export { runComplaintDeadlines, type DeadlineDeps, type DeadlineRun } from './reminders.ts';
export { digestWeek, runWeeklyComplaintDigest, type DigestDeps, type DigestOutcome } from './digest.ts';
export { COMPLAINT_COLLECTIONS } from './collections.ts';
export { complaintRatingContext, type ComplaintDeps } from './service.ts';
