import { safeText } from '../text/clean.ts';
import express, { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../http/validate.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import type { Message } from './types.ts';

const askParamsSchema = z.object({ orgId: orgIdSchema });

export const askBodySchema = z.object({
  text: safeText({ min: 1, max: 1000, notText: 'text: ต้องเป็นข้อความ', tooShort: 'กรุณาพิมพ์คำถาม', tooLong: 'คำถามยาวเกิน 1,000 ตัวอักษร' }),
});

export interface AskAnswer {
  intent: string;
  results: { type: string; id: string; title: string; score: number }[];
  messages: Message[];
}

export interface AskRouterDeps {
  /** The bot's own answer to a text from nobody in particular (bot/dispatcher.ts replyToText). */
  respond(orgId: string, text: string): Promise<AskAnswer>;
}

/**
 * `POST /api/orgs/:orgId/ask` `{ text }` → `{ intent, results, messages }`: exactly what the bot would reply to
 * that text as a first message (no conversation context).
 */
export function askRouter(deps: AskRouterDeps): Router {
  const router = Router();
  router.post('/api/orgs/:orgId/ask', express.json({ limit: '16kb' }), async (req, res) => {
    const { orgId } = parseInput(askParamsSchema, req.params);
    const { text } = parseInput(askBodySchema, req.body ?? {});
    const out = await deps.respond(orgId, text);
    res.json({ intent: out.intent, results: out.results, messages: out.messages });
  });
  return router;
}
