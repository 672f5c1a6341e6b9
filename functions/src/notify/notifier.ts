import type { Message } from '../line/client.ts';

/** One LINE message delivery the product owes someone: a citizen, a staff member, or a staff group. */
export interface Notification {
  orgId: string;
  /** A LINE user, group or room id. */
  to: string;
  messages: Message[];
  /**
   * What makes this notification unique (e.g. `complaint:ABC123:status:3`). The same key is delivered at most once,
   * however often it is asked for: retries and repeated requests cannot double-send.
   */
  key: string;
  /** For logs and statistics only; never personal data. */
  topic: string;
  /**
   * Not before this instant (a change staff may still undo: the recipient is told once the undo window has passed).
   * Until then `cancel` withdraws it.
   */
  notBefore?: Date;
}

/** What became of a withdrawn notification: withdrawn, already on its way (too late), or never queued. */
export type CancelOutcome = 'cancelled' | 'too-late' | 'absent';

/**
 * Outbound channel for pushes. Services call `notify`; how and when the message reaches LINE (the Firestore outbox with
 * retries, or a recording list in tests) is the notifier's business.
 */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
  /** Withdraws a notification not yet delivered (one queued with `notBefore`). */
  cancel?(orgId: string, key: string): Promise<CancelOutcome>;
}

/** Keeps what would have been sent, for tests of services that do not need LINE. */
export function recordingNotifier(): Notifier & { sent: Notification[]; cancelled: Notification[]; cancel: NonNullable<Notifier['cancel']> } {
  const sent: Notification[] = [];
  const cancelled: Notification[] = [];
  return {
    sent,
    cancelled,
    async notify(n) {
      if (!sent.some((s) => s.orgId === n.orgId && s.key === n.key)) sent.push(n);
    },
    async cancel(orgId, key) {
      const i = sent.findIndex((s) => s.orgId === orgId && s.key === key);
      if (i < 0) return 'absent';
      cancelled.push(...sent.splice(i, 1));
      return 'cancelled';
    },
  };
}
