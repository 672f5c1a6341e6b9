import { randomUUID } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import type { Clock } from '../../clock.ts';

/**
 * A local fake of the LINE Messaging API (local mode and tests only): the real SDK client is pointed at it, and it
 * records every reply and push in an outbox instead of reaching LINE. It keeps LINE's rules that matter to us: a bearer
 * token of a known channel, reply tokens valid once, 1-5 messages, push retry keys answered 409 when repeated.
 */
export interface OutboxEntry {
  id: string;
  at: string;
  kind: 'reply' | 'push' | 'multicast';
  orgId: string;
  /** Recipient chat id(s): a user, group or room. */
  to: string[];
  replyToken?: string;
  retryKey?: string;
  messages: unknown[];
}

export interface LineSandbox {
  router: Router;
  registerChannel(orgId: string, accessToken: string): void;
  /** Makes a reply token valid for one reply to `to`, as LINE does when it delivers an event. */
  issueReplyToken(to: string, token?: string): string;
  outbox(filter?: { to?: string; orgId?: string }): OutboxEntry[];
  clearOutbox(): void;
  /** Makes the next `count` send calls fail with `status` (tests of retries). */
  failNext(count: number, status?: number): void;
  /** Calls answered with an injected failure, for assertions. */
  failedCalls(): number;
}

const MAX_ENTRIES = 5000;

export function createLineSandbox(clock: Clock): LineSandbox {
  const channels = new Map<string, string>();
  const replyTokens = new Map<string, { to: string; used: boolean }>();
  const retryKeys = new Set<string>();
  let entries: OutboxEntry[] = [];
  let faults = { remaining: 0, status: 500 };
  let failed = 0;

  const orgOf = (req: Request) => channels.get((req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));

  const record = (entry: Omit<OutboxEntry, 'id' | 'at'>) => {
    entries.push({ id: randomUUID(), at: clock.now().toISOString(), ...entry });
    if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
  };

  const router = express.Router();
  router.use(express.json({ limit: '2mb' }));
  router.use((req, res, next) => {
    if (!orgOf(req)) {
      res.status(401).json({ message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' });
      return;
    }
    if (faults.remaining > 0 && req.method === 'POST') {
      faults.remaining -= 1;
      failed += 1;
      res.status(faults.status).json({ message: 'Injected failure (sandbox)' });
      return;
    }
    next();
  });

  const badMessages = (messages: unknown) =>
    !Array.isArray(messages) || messages.length < 1 || messages.length > 5
      ? 'The request body has 1 error(s): messages must be 1-5 items'
      : undefined;

  router.post('/v2/bot/message/reply', (req, res) => {
    const { replyToken, messages } = req.body as { replyToken?: string; messages?: unknown };
    const problem = badMessages(messages);
    if (problem) return void res.status(400).json({ message: problem });
    const token = replyToken ? replyTokens.get(replyToken) : undefined;
    if (!token || token.used) return void res.status(400).json({ message: 'Invalid reply token' });
    token.used = true;
    record({ kind: 'reply', orgId: orgOf(req) ?? '', to: [token.to], replyToken, messages: messages as unknown[] });
    res.status(200).json({ sentMessages: [] });
  });

  router.post('/v2/bot/message/push', (req, res) => {
    const { to, messages } = req.body as { to?: string; messages?: unknown };
    const problem = badMessages(messages) ?? (typeof to === 'string' && to ? undefined : "The property, 'to', in the request body is invalid");
    if (problem) return void res.status(400).json({ message: problem });
    const retryKey = req.get('x-line-retry-key');
    if (retryKey) {
      if (retryKeys.has(retryKey)) return void res.status(409).json({ message: 'The retry key is already accepted' });
      retryKeys.add(retryKey);
    }
    record({ kind: 'push', orgId: orgOf(req) ?? '', to: [to as string], ...(retryKey ? { retryKey } : {}), messages: messages as unknown[] });
    res.status(200).json({ sentMessages: [] });
  });

  router.post('/v2/bot/message/multicast', (req, res) => {
    const { to, messages } = req.body as { to?: unknown; messages?: unknown };
    const problem = badMessages(messages) ?? (Array.isArray(to) && to.length > 0 && to.length <= 500 ? undefined : 'to must be 1-500 user ids');
    if (problem) return void res.status(400).json({ message: problem });
    record({ kind: 'multicast', orgId: orgOf(req) ?? '', to: to as string[], messages: messages as unknown[] });
    res.status(200).json({});
  });

  router.post('/v2/bot/chat/loading/start', (_req, res) => void res.status(202).json({}));

  return {
    router,
    registerChannel: (orgId, accessToken) => void channels.set(accessToken, orgId),
    issueReplyToken(to, token = randomUUID().replace(/-/g, '')) {
      replyTokens.set(token, { to, used: false });
      return token;
    },
    outbox: (filter = {}) =>
      entries.filter((e) => (!filter.to || e.to.includes(filter.to)) && (!filter.orgId || e.orgId === filter.orgId)),
    clearOutbox: () => void (entries = []),
    failNext: (count, status = 500) => void (faults = { remaining: count, status }),
    failedCalls: () => failed,
  };
}
