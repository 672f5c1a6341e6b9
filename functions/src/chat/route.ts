import { safeText } from '../text/clean.ts';
import express, { Router } from 'express';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { parseInput } from '../http/validate.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import type { FigureSource, Message } from './types.ts';

const askParamsSchema = z.object({ orgId: orgIdSchema });

export const askBodySchema = z.object({
  text: safeText({ min: 1, max: 1000, notText: 'text: ต้องเป็นข้อความ', tooShort: 'กรุณาพิมพ์คำถาม', tooLong: 'คำถามยาวเกิน 1,000 ตัวอักษร' }),
  /**
   * A conversation of the API's own (not a LINE user): questions sent with the same id share follow-up context,
   * kept apart from every LINE chat. Without it each question is answered afresh.
   */
  conversation: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'conversation: ตัวอักษรภาษาอังกฤษ ตัวเลข _ หรือ - ไม่เกิน 64 ตัว')
    .optional(),
  /** Local mode only (evaluation): answer as if today were this Bangkok date, e.g. for "ปีนี้". */
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'today: วันที่แบบ YYYY-MM-DD')
    .optional(),
});

export type AskBody = z.infer<typeof askBodySchema>;

export interface AskAnswer {
  intent: string;
  results: { type: string; id: string; title: string; score: number }[];
  messages: Message[];
  /** Where each figure of the reply comes from. */
  sources?: FigureSource[];
}

export interface AskRouterDeps {
  /** The bot's own answer to a text from nobody in particular (bot/dispatcher.ts replyToText). */
  respond(orgId: string, text: string, options: { conversation?: string; now?: Date }): Promise<AskAnswer>;
  /** Whether `today` may be given (local mode only). */
  allowToday?: boolean;
}

/**
 * `POST /api/orgs/:orgId/ask` `{ text }` → `{ intent, results, messages }`: exactly what the bot would reply to
 * that text as a first message (no conversation context).
 */
export function askRouter(deps: AskRouterDeps): Router {
  const router = Router();
  router.post('/api/orgs/:orgId/ask', express.json({ limit: '16kb' }), async (req, res) => {
    const { orgId } = parseInput(askParamsSchema, req.params);
    const body = parseInput(askBodySchema, req.body ?? {});
    if (body.today !== undefined && !deps.allowToday) {
      throw new ValidationError([{ path: 'today', message: 'today: ใช้ได้เฉพาะโหมด local' }]);
    }
    // Noon in Bangkok of that day: the same Bangkok date whatever the offset arithmetic.
    const now = body.today !== undefined ? new Date(`${body.today}T12:00:00+07:00`) : undefined;
    if (now && Number.isNaN(now.getTime())) throw new ValidationError([{ path: 'today', message: 'today: วันที่ไม่ถูกต้อง' }]);
    const out = await deps.respond(orgId, body.text, { ...(body.conversation ? { conversation: body.conversation } : {}), ...(now ? { now } : {}) });
    res.json({ intent: out.intent, results: out.results, messages: out.messages, sources: out.sources ?? [] });
  });
  return router;
}
