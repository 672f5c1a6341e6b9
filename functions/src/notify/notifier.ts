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
}

/**
 * Outbound channel for pushes. Services call `notify`; how and when the message reaches LINE (the Firestore outbox with
 * retries, or a recording list in tests) is the notifier's business.
 */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** Keeps what would have been sent, for tests of services that do not need LINE. */
export function recordingNotifier(): Notifier & { sent: Notification[] } {
  const sent: Notification[] = [];
  return {
    sent,
    async notify(n) {
      if (!sent.some((s) => s.orgId === n.orgId && s.key === n.key)) sent.push(n);
    },
  };
}
