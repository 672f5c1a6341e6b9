/**
 * What the citizen is told by LINE push after a change, and only that: every push costs a message of the
 * organisation's monthly quota (replies are free). Per ticket served: "called" always (one message: the text and its
 * buttons in one bubble, with the ticket page and the satisfaction form); "near" only when the citizen asked for it.
 * A recall, a no-show, a cancellation by staff and a reinstatement each tell the citizen once more. Each message has
 * its own key, so a retry or a second press never sends it twice: `ticket:{id}:called:{n}` (the n-th call),
 * `ticket:{id}:near`, … Topics (`queue.called`, `queue.near`, …) name what the message is (delivery ranks by them).
 */
import type { Message } from '../line/client.ts';
import type { Org } from '../orgs/schema.ts';
import type { QueueDeps } from './deps.ts';
import { counterName } from './lookups.ts';
import { calledMessage, cancelledByStaffMessage, nearMessage, noShowMessage, reinstatedMessage } from './messages.ts';
import type { QueueService, Ticket } from './schema.ts';
import { calledNoticeKey, ratingUrlOf, ticketPageUrl } from './views.ts';
import { NEAR_AHEAD, type StaffAction } from './workflow.ts';

async function push(deps: QueueDeps, orgId: string, to: string | null, key: string, topic: string, messages: Message[]) {
  if (!to) return; // walk-in: nobody to tell
  try {
    await deps.notifier.notify({ orgId, to, key, topic, messages });
  } catch (err) {
    // The ticket has moved on; a lost push must not undo or fail the call (the outbox retries what it queued).
    deps.log?.warn({ topic, err: err instanceof Error ? err.message : String(err) }, 'queue notification not queued');
  }
}

/** What the citizen (and those now near the front who asked for it) are told after a change. */
export async function afterChange(deps: QueueDeps, org: Org, service: QueueService, ticket: Ticket, action: StaffAction, waiting: Ticket[], reason?: string) {
  switch (action) {
    case 'call':
    case 'recall':
      await push(deps, org.id, ticket.userId, calledNoticeKey(ticket), 'queue.called', [
        calledMessage(service, ticket, counterName(service, ticket.counterId), action === 'recall', {
          page: ticketPageUrl(deps, org, ticket) ?? undefined,
          rate: ratingUrlOf(deps, org, ticket) ?? undefined,
        }),
      ]);
      break;
    case 'complete':
      // Nothing pushed: the "called" message carried the satisfaction form, and the ticket page shows it once done.
      break;
    case 'skip':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:no-show:${ticket.seq}`, 'queue.no_show', [noShowMessage(service, ticket)]);
      break;
    case 'cancel':
      if (reason) await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:cancelled`, 'queue.cancelled', [cancelledByStaffMessage(service, ticket, reason)]);
      break;
    case 'reinstate':
      await push(deps, org.id, ticket.userId, `ticket:${ticket.id}:reinstated:${ticket.seq}`, 'queue.reinstated', [reinstatedMessage(service, ticket)]);
      break;
    case 'start':
      break;
  }
  await notifyNear(deps, org, service, waiting);
}

/** Everyone who asked for it, with at most NEAR_AHEAD tickets ahead, hears it once ("อีก 2 คิว"). */
async function notifyNear(deps: QueueDeps, org: Org, service: QueueService, waiting: Ticket[]) {
  const sorted = [...waiting].sort((a, b) => a.number - b.number);
  for (let ahead = 0; ahead <= NEAR_AHEAD && ahead < sorted.length; ahead++) {
    const t = sorted[ahead];
    if (!t?.userId || t.notifyNear !== true) continue;
    await push(deps, org.id, t.userId, `ticket:${t.id}:near`, 'queue.near', [nearMessage(service, t, ahead, ticketPageUrl(deps, org, t) ?? undefined)]);
  }
}
