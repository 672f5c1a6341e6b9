import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';

/**
 * What we check of a webhook body before recording it. Only the fields the event path relies on are required; the
 * rest of each event is kept as sent (LINE adds event types and fields over time).
 */
const sourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.string().min(1).max(100) }).loose(),
  z.object({ type: z.literal('group'), groupId: z.string().min(1).max(100), userId: z.string().max(100).optional() }).loose(),
  z.object({ type: z.literal('room'), roomId: z.string().min(1).max(100), userId: z.string().max(100).optional() }).loose(),
]);

export const webhookEventSchema = z
  .object({
    type: z.string().min(1).max(50),
    mode: z.enum(['active', 'standby']),
    timestamp: z.number().int().nonnegative(),
    webhookEventId: z.string().regex(/^[0-9A-Za-z_-]{10,64}$/, 'webhookEventId: a ULID'),
    deliveryContext: z.object({ isRedelivery: z.boolean() }),
    source: sourceSchema.optional(),
    replyToken: z.string().max(200).optional(),
  })
  .loose();

/** The envelope only: each event is checked on its own, so one unreadable event does not drop the others. */
export const webhookEnvelopeSchema = z.object({
  destination: z.string().max(100),
  events: z.array(z.unknown()).max(100),
});


/**
 * A validated event. The SDK's union type is what handlers narrow on; the zod check above guarantees the shared
 * envelope, and each handler reads only fields LINE documents for its event type.
 */
export type LineEvent = webhook.Event;

export function asLineEvent(event: z.infer<typeof webhookEventSchema>): LineEvent {
  return event as unknown as LineEvent;
}

/** The chat an event came from: where a push would go. */
export function chatIdOf(event: LineEvent): string | undefined {
  const source = event.source;
  if (!source) return undefined;
  if (source.type === 'user') return source.userId;
  if (source.type === 'group') return source.groupId;
  if (source.type === 'room') return source.roomId;
  return undefined;
}
