import { HTTPFetchError } from '@line/bot-sdk';
import type { Logger } from '../log.ts';

/**
 * LINE refusing a message body (400 with `details`) means the product built a message LINE does not take: a bug to
 * surface, never something to retry. A refusal is logged with the messages' shape — types, lengths, LINE's property
 * paths — and never their text, URLs or ids, and counted.
 */
export interface LineRefusal {
  message: string;
  details: Array<{ property: string; message: string }>;
}

/** LINE's refusal of the request body, or undefined for any other failure (a 400 "Invalid reply token" included). */
export function lineRefusalOf(err: unknown): LineRefusal | undefined {
  if (!(err instanceof HTTPFetchError) || err.status !== 400) return undefined;
  try {
    const body = JSON.parse(err.body) as { message?: unknown; details?: unknown };
    if (!Array.isArray(body.details) || body.details.length === 0) return undefined;
    const details = body.details.map((d: { property?: unknown; message?: unknown }) => ({
      property: typeof d?.property === 'string' ? d.property.slice(0, 200) : '',
      message: typeof d?.message === 'string' ? d.message.slice(0, 200) : '',
    }));
    return { message: typeof body.message === 'string' ? body.message.slice(0, 200) : '', details };
  } catch {
    return undefined;
  }
}

/** The shape of a message: its type, the template/flex kind, and the lengths of its texts and lists. No content. */
export type MessageShape = Record<string, string | number>;

export function messageShapes(messages: unknown[]): MessageShape[] {
  return messages.map((m) => {
    const msg = (m ?? {}) as Record<string, unknown>;
    const shape: MessageShape = { type: String(msg.type ?? '?') };
    const len = (key: string, v: unknown) => void (typeof v === 'string' ? (shape[key] = v.length) : undefined);
    len('text', msg.text);
    len('altText', msg.altText);
    const template = msg.template as Record<string, unknown> | undefined;
    if (template) {
      shape.template = String(template.type ?? '?');
      len('title', template.title);
      len('templateText', template.text);
      if (Array.isArray(template.actions)) {
        shape.actions = template.actions.length;
        shape.labels = template.actions.map((a: { label?: unknown }) => (typeof a?.label === 'string' ? a.label.length : 0)).join(',');
      }
      if (Array.isArray(template.columns)) shape.columns = template.columns.length;
    }
    const contents = msg.contents as { type?: unknown; contents?: unknown } | undefined;
    if (contents) {
      shape.flex = String(contents.type ?? '?');
      shape.bytes = Buffer.byteLength(JSON.stringify(contents), 'utf8');
      if (Array.isArray(contents.contents)) shape.bubbles = contents.contents.length;
    }
    const items = (msg.quickReply as { items?: unknown } | undefined)?.items;
    if (Array.isArray(items)) {
      shape.quickReplies = items.length;
      shape.quickReplyLabels = items.map((i: { action?: { label?: unknown } }) => (typeof i?.action?.label === 'string' ? i.action.label.length : 0)).join(',');
    }
    return shape;
  });
}

/** Counts refusals in this process, for logs and the bench. */
export interface RefusalCounter {
  record(where: string): number;
  snapshot(): { total: number; byWhere: Record<string, number> };
}

export function createRefusalCounter(): RefusalCounter {
  const byWhere: Record<string, number> = {};
  let total = 0;
  return {
    record(where) {
      byWhere[where] = (byWhere[where] ?? 0) + 1;
      return ++total;
    },
    snapshot: () => ({ total, byWhere: { ...byWhere } }),
  };
}

/** Logs a refusal as an error (it is a bug in what we built) and counts it. `context` must hold no personal data. */
export function reportRefusal(
  deps: { log: Logger; refusals: RefusalCounter },
  where: string,
  context: Record<string, string | number>,
  messages: unknown[],
  refusal: LineRefusal,
): void {
  const total = deps.refusals.record(where);
  deps.log.error(
    { ...context, where, lineRefusalsSoFar: total, details: refusal.details, shapes: messageShapes(messages) },
    'LINE refused a message we built (a bug: fix the message, not retried)',
  );
}
