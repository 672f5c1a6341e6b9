import type { Request, Response, Router } from 'express';
import type { Clock } from '../../clock.ts';
import { bangkokMonth } from '../../time/bangkok.ts';

/**
 * The sandbox's part of LINE's monthly message quota (local mode and tests only). LINE counts a message per
 * *recipient* of a delivered push or multicast, whatever the number of message objects in the request
 * (developers.line.biz FAQ "How is the number of messages counted?": a push to a group of five counts five); replies
 * are free. Past the quota LINE answers 429 `{"message":"You have reached your monthly limit."}` and sends nothing.
 *
 * The sandbox counts per organisation's channel and per calendar month (Bangkok time, as the product counts), serves
 * `GET /v2/bot/message/quota` and `GET /v2/bot/message/quota/consumption` in LINE's shapes (MessageQuotaResponse,
 * QuotaConsumptionResponse of messaging-api.yml), and has no quota (`type: none`) until one is set.
 */
export const MONTHLY_LIMIT_BODY = { message: 'You have reached your monthly limit.' } as const;
/** LINE's body for the per-second rate limit (a different 429, temporary). */
export const RATE_LIMIT_BODY = { message: 'The API rate limit has been exceeded. Try again later.' } as const;

export interface SandboxQuota {
  /** Sets the channel's monthly message quota (`null`: none, LINE's `type: none`). */
  setMonthlyQuota(orgId: string, value: number | null): void;
  /** Members of a group or room besides the bot (each is a message when the group gets a push); default 1. */
  setChatMembers(chatId: string, members: number): void;
  /** Messages counted this month for the channel, as `GET /v2/bot/message/quota/consumption` reports it. */
  consumption(orgId: string): number;
  /** The quota set for the channel, or null. */
  monthlyQuota(orgId: string): number | null;
  /** Pushes refused because the month's quota was used up. */
  limitRefusals(orgId?: string): number;
}

/** What a send is charged: one message per recipient; a group or room counts its members. */
export interface QuotaGate {
  /** True when the send fits the month's quota; then it is counted. False: answer 429 with MONTHLY_LIMIT_BODY. */
  charge(orgId: string, recipients: string[]): boolean;
}

const isChat = (id: string) => id.startsWith('C') || id.startsWith('R');

export function createSandboxQuota(clock: Clock): SandboxQuota & QuotaGate & { mount(router: Router, orgOf: (req: Request) => string | undefined): void } {
  const quotas = new Map<string, number>();
  const used = new Map<string, number>(); // `${orgId}|${month}` → messages
  const members = new Map<string, number>();
  const refusedByOrg = new Map<string, number>();
  const key = (orgId: string) => `${orgId}|${bangkokMonth(clock.now())}`;
  const consumption = (orgId: string) => used.get(key(orgId)) ?? 0;

  return {
    setMonthlyQuota(orgId, value) {
      if (value === null) quotas.delete(orgId);
      else quotas.set(orgId, Math.max(0, Math.floor(value)));
    },
    setChatMembers: (chatId, n) => void members.set(chatId, Math.max(0, Math.floor(n))),
    consumption,
    monthlyQuota: (orgId) => quotas.get(orgId) ?? null,
    limitRefusals: (orgId) => (orgId ? (refusedByOrg.get(orgId) ?? 0) : [...refusedByOrg.values()].reduce((a, b) => a + b, 0)),
    charge(orgId, recipients) {
      const cost = recipients.reduce((n, to) => n + (isChat(to) ? (members.get(to) ?? 1) : 1), 0);
      const quota = quotas.get(orgId);
      // LINE sends a request whole or not at all: one that would go past the quota is refused.
      if (quota !== undefined && consumption(orgId) + cost > quota) {
        refusedByOrg.set(orgId, (refusedByOrg.get(orgId) ?? 0) + 1);
        return false;
      }
      used.set(key(orgId), consumption(orgId) + cost);
      return true;
    },
    mount(router, orgOf) {
      router.get('/v2/bot/message/quota', (req: Request, res: Response) => {
        const quota = quotas.get(orgOf(req) ?? '');
        res.json(quota === undefined ? { type: 'none' } : { type: 'limited', value: quota });
      });
      router.get('/v2/bot/message/quota/consumption', (req: Request, res: Response) => {
        res.json({ totalUsage: consumption(orgOf(req) ?? '') });
      });
    },
  };
}
