/**
 * Chat reports in the LINE chat: the dispatcher hands over photos and places sent in a one-to-one chat
 * (`chatReportMediaHandler`), texts while a draft waits for a typed answer (`chatReportTextHandler`, registered first
 * among the text handlers), and the flow's buttons (`action=chat-report`).
 */
import type { EventContext, MediaHandler, PostbackHandler, TextHandler } from '../../bot/dispatcher.ts';
import { fitText } from '../../line/limits.ts';
import { cleanText } from '../../text/clean.ts';
import * as m from './messages.ts';
import { answerText, chooseCategory, consentAndFile, discard, receiveMedia, startReport, type ChatReportDeps, type MediaItem } from './service.ts';

const userOf = (ctx: EventContext): string | undefined => (ctx.chat?.type === 'user' ? ctx.userId : undefined);

/** A photo or place in a one-to-one chat (the dispatcher never calls this for groups). */
export function chatReportMediaHandler(deps: ChatReportDeps): MediaHandler {
  return async (ctx) => {
    const userId = userOf(ctx);
    if (!userId || ctx.event.type !== 'message') return null;
    const message = ctx.event.message;
    let item: MediaItem;
    if (message.type === 'image') {
      item = { kind: 'image', messageId: message.id, sentAt: ctx.event.timestamp, setIndex: message.imageSet?.index };
    } else if (message.type === 'location') {
      // LINE's place name and address, cleaned as every text from LINE is (text/clean.ts).
      const text = fitText(cleanText([message.title, message.address].filter(Boolean).join(' ')).trim(), 500);
      item = { kind: 'location', place: { lat: message.latitude, lng: message.longitude, ...(text ? { text } : {}) } };
    } else {
      return null;
    }
    return receiveMedia(deps, ctx.org, userId, item, ctx.now);
  };
}

export function chatReportTextHandler(deps: ChatReportDeps): TextHandler {
  return {
    name: 'chat-report',
    scope: 'user',
    async handle(ctx, text) {
      const userId = userOf(ctx);
      return userId ? answerText(deps, ctx.org, userId, text, ctx.now) : null;
    },
  };
}

const CATEGORY_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function chatReportPostbackHandler(deps: ChatReportDeps): PostbackHandler {
  return {
    action: 'chat-report',
    async handle(ctx, params) {
      const userId = userOf(ctx);
      if (!userId) return m.onlyInUserChat();
      const nonce = params.get('n');
      switch (params.get('do')) {
        case 'start':
          return startReport(deps, ctx.org, userId, nonce, ctx.now);
        case 'no':
          return discard(deps, ctx.org, userId, nonce, 'no', ctx.now);
        case 'cancel':
          return discard(deps, ctx.org, userId, nonce, 'cancel', ctx.now);
        case 'cat': {
          const id = params.get('id') ?? '';
          return CATEGORY_ID.test(id) ? chooseCategory(deps, ctx.org, userId, nonce, id, ctx.now) : m.draftGoneMessages();
        }
        case 'consent':
          return consentAndFile(deps, ctx.org, userId, nonce, ctx.now);
        default:
          return m.draftGoneMessages();
      }
    },
  };
}
