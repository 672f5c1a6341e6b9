import type { KnowledgeBase } from '../search/knowledgeBase.ts';
import { answer, answerPostback, type AnswerOptions } from './answer.ts';
import type { ContextStore } from './contextStore.ts';
import type { AnswerOutput } from './types.ts';

export interface ChatServiceDeps {
  kb: KnowledgeBase;
  contexts: ContextStore;
  clock?: { now(): Date };
  options?: Omit<AnswerOptions, 'now'>;
}

/** What the LINE webhook calls: answers with the user's context, and remembers the new one. */
export interface ChatService {
  answerText(input: { orgId: string; userId: string; text: string; now?: Date }): Promise<AnswerOutput>;
  /** Postback data of the engine's own buttons: `action=ask&...`. */
  answerPostback(input: { orgId: string; userId: string; data: string }): Promise<AnswerOutput>;
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const now = () => deps.clock?.now() ?? new Date();
  return {
    async answerText({ orgId, userId, text, now: at }) {
      const context = await deps.contexts.get(orgId, userId);
      const out = await answer(deps.kb, orgId, text, context, { ...deps.options, now: at ?? now() });
      // Actions and help keep the previous context so "อันที่ 2" still works after a detour.
      if (out.context) await deps.contexts.set(orgId, userId, out.context);
      return out;
    },
    async answerPostback({ orgId, userId, data }) {
      const context = await deps.contexts.get(orgId, userId);
      const out = await answerPostback(deps.kb, orgId, new URLSearchParams(data), context, { ...deps.options, now: now() });
      if (out.context) await deps.contexts.set(orgId, userId, out.context);
      return out;
    },
  };
}
