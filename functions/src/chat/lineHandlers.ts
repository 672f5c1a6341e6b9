import type { PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import type { ChatService } from './service.ts';

/**
 * The engine as handlers of the bot dispatcher: every text in a one-on-one chat gets an answer (never silence),
 * and the engine's own buttons come back as `action=ask&...` postbacks.
 */
export function chatTextHandler(chat: ChatService): TextHandler {
  return {
    name: 'chat',
    scope: 'user',
    async handle(ctx, text) {
      const userId = ctx.userId ?? ctx.chat?.id ?? 'anonymous';
      const out = await chat.answerText({ orgId: ctx.org.id, userId, text });
      return out.messages;
    },
  };
}

export function chatPostbackHandler(chat: ChatService): PostbackHandler {
  return {
    action: 'ask',
    async handle(ctx, params) {
      const userId = ctx.userId ?? ctx.chat?.id ?? 'anonymous';
      const out = await chat.answerPostback({ orgId: ctx.org.id, userId, data: params.toString() });
      return out.messages;
    },
  };
}
