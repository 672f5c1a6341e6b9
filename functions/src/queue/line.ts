/**
 * The queue's LINE handlers, in the order the dispatcher tries them: staff-group commands (staffGroup.ts: "คิวถัดไป A ช่อง 1",
 * the operator's quick replies), then a citizen taking a ticket in chat (chatTicket.ts). Register the texts before
 * the answer engine's handler.
 */
import type { PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import { staffGroupPostbackHandlers, staffGroupTextHandlers } from './staffGroup.ts';
import { citizenTicketPostbackHandlers, citizenTicketTextHandler } from './chatTicket.ts';
import type { QueueDeps } from './deps.ts';

export function queueTextHandlers(deps: QueueDeps): TextHandler[] {
  return [...staffGroupTextHandlers(deps), citizenTicketTextHandler(deps)];
}

export function queuePostbackHandlers(deps: QueueDeps): PostbackHandler[] {
  return [...staffGroupPostbackHandlers(deps), ...citizenTicketPostbackHandlers(deps)];
}
