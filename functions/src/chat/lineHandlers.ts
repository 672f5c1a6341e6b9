import type { PostbackHandler } from '../bot/dispatcher.ts';
import type { ChatService } from './service.ts';

/** The engine's own buttons come back as `action=ask&...` postbacks. */
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
