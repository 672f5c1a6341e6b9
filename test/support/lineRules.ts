import { sendRequestProblems } from '../../functions/src/line/sandbox/requestRules.ts';
import { recordingNotifier, type CancelOutcome, type Notification, type Notifier } from '../../functions/src/notify/notifier.ts';

/**
 * LINE's rules for tests whose messages do not reach the sandbox (a recording notifier, the dispatcher called
 * directly): the same check the sandbox makes on every reply and push (LINE's published schema and documented limits).
 */
export function lineProblems(kind: 'reply' | 'push', messages: unknown[]): string[] {
  const body = kind === 'reply' ? { replyToken: 'token', messages } : { to: 'Uto', messages };
  return sendRequestProblems(kind, body).map((p) => `${p.property}: ${p.message}`);
}

/** Returns `result` when LINE would accept its messages as a reply; throws with LINE's details otherwise. */
export function expectLineAccepts<T extends { messages: unknown[] }>(result: T, what = 'reply'): T {
  if (result.messages.length === 0) return result;
  const problems = lineProblems('reply', result.messages);
  if (problems.length) throw new Error(`LINE would refuse the ${what}:\n${problems.join('\n')}`);
  return result;
}

/**
 * A recording notifier that also notes every notification LINE would refuse; `assertAccepted()` fails on any. Given to
 * the app (`startTestApp({ app: { notifier: n.passingTo } })`), it records what the app sends and passes everything on
 * to the app's own outbox, which delivers it to the LINE sandbox; a withdrawal counts as one when the outbox withdrew it.
 */
export function lineCheckedNotifier() {
  const inner = recordingNotifier();
  const refused: string[] = [];
  let outbox: Notifier | undefined;
  const notifier = {
    sent: inner.sent,
    cancelled: inner.cancelled,
    refused,
    async notify(n: Notification) {
      for (const p of lineProblems('push', n.messages)) refused.push(`${n.topic} ${n.key}: ${p}`);
      await inner.notify(n);
      await outbox?.notify(n);
    },
    async cancel(orgId: string, key: string): Promise<CancelOutcome> {
      if (!outbox?.cancel) return inner.cancel(orgId, key);
      const outcome = await outbox.cancel(orgId, key);
      if (outcome === 'cancelled') await inner.cancel(orgId, key);
      return outcome;
    },
    /** For `AppOverrides.notifier`: records, then passes on to the app's outbox. */
    passingTo(next: Notifier): Notifier {
      outbox = next;
      return notifier;
    },
    assertAccepted() {
      if (refused.length) throw new Error(`LINE would refuse ${refused.length} notification problem(s):\n${refused.join('\n')}`);
    },
  };
  return notifier;
}
