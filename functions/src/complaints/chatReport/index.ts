/** Chat reports (issue 20): what the app composition wires. */
export { chatReportMediaHandler, chatReportPostbackHandler, chatReportTextHandler } from './line.ts';
export { chatDraftRouter } from './routes.ts';
export { sweepChatDrafts, type ChatReportDeps } from './service.ts';
export { CHAT_DRAFT_COLLECTIONS } from './store.ts';
