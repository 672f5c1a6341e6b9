import { cleanText } from '../text/clean.ts';
import type { FigureSource } from '../chat/types.ts';
import type { Firestore } from '../store/firestore.ts';
import type { Message } from '../line/client.ts';
import type { LineEvent } from '../line/events.ts';
import { liffUrl } from '../line/liff.ts';
import type { Org } from '../orgs/schema.ts';
import {
  greetingMessages,
  groupHelpMessages,
  groupJoinedMessages,
  mediaReply,
  memberJoinedMessages,
  stickerReply,
} from './messages.ts';
import { recordFollow, recordGroupJoined, recordGroupLeft, recordUnfollow } from './store.ts';

/** What a handler knows about the event it handles. */
export interface EventContext {
  org: Org;
  event: LineEvent;
  /** The person (when LINE says who), and the chat the event came from. */
  userId: string | undefined;
  chat: { type: 'user' | 'group' | 'room'; id: string } | undefined;
  now: Date;
}

/** A feature's answer to a text. `null`: not mine, ask the next handler. */
export interface TextHandler {
  name: string;
  /** Where it listens: one-on-one chats, staff/other groups, or both. */
  scope: 'user' | 'group' | 'any';
  handle(ctx: EventContext, text: string): Promise<Message[] | null>;
}

/** Postback data is `action=<name>&...`; each feature owns its actions. */
export interface PostbackHandler {
  action: string;
  handle(ctx: EventContext, params: URLSearchParams): Promise<Message[]>;
}

/** A photo or place sent in a one-on-one chat; `null`: not taken (the general media reply follows). */
export type MediaHandler = (ctx: EventContext) => Promise<Message[] | null>;

/** What a text is answered with: the answer engine's intent and results, or the feature command that took it. */
export interface TextAnswer {
  intent: string;
  results: { type: string; id: string; title: string; score: number }[];
  messages: Message[];
  /** Where each figure of an engine answer comes from (see chat/types.ts FigureSource). */
  sources?: FigureSource[];
}

export interface BotDeps {
  db: Firestore;
  /** Feature commands (tracking codes, staff-group commands, …), tried in order before the answer engine. */
  textHandlers: TextHandler[];
  /** The answer engine: every one-on-one text no command took. Without it, the greeting. */
  answer?: (ctx: EventContext, text: string) => Promise<TextAnswer>;
  postbackHandlers: PostbackHandler[];
  /** Photos and places in a one-on-one chat (a report started in chat); never called for groups. */
  media?: MediaHandler;
  /** Base of local LIFF links in local mode (see liffUrl). */
  liffLocalBase?: string;
}

export interface HandledEvent {
  messages: Message[];
  /** A short English word or two for the event record and logs: what happened. */
  outcome: string;
}

const HELP_WORDS = /^(help|ช่วยเหลือ|วิธีใช้|เมนู|menu|สวัสดี\S*|หวัดดี\S*|hello|hi|เริ่มต้น|start)$/i;

export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.test(text.trim().replace(/[!?.ๆ~ ]+$/u, ''));
}

function contextOf(org: Org, event: LineEvent, now: Date): EventContext {
  const s = event.source;
  const chat =
    s?.type === 'user' ? { type: 'user' as const, id: s.userId ?? '' }
    : s?.type === 'group' ? { type: 'group' as const, id: s.groupId }
    : s?.type === 'room' ? { type: 'room' as const, id: s.roomId }
    : undefined;
  return { org, event, userId: s && 'userId' in s ? s.userId : undefined, chat: chat?.id ? chat : undefined, now };
}

/**
 * Decides what an event means and what to answer. Effects (followers, groups, feature records) happen here, once per
 * event: the caller holds the event's processing claim.
 */
export async function handleEvent(deps: BotDeps, org: Org, event: LineEvent, now: Date): Promise<HandledEvent> {
  const ctx = contextOf(org, event, now);
  const inGroup = ctx.chat !== undefined && ctx.chat.type !== 'user';
  switch (event.type) {
    case 'follow': {
      if (ctx.userId) await recordFollow(deps.db, org.id, ctx.userId, now);
      const returning = event.follow?.isUnblocked === true;
      return { messages: greetingMessages(org, { returning }), outcome: returning ? 'follow (unblocked)' : 'follow' };
    }
    case 'unfollow':
      if (ctx.userId) await recordUnfollow(deps.db, org.id, ctx.userId, now);
      return { messages: [], outcome: 'unfollow' };
    case 'join':
      if (ctx.chat && ctx.chat.type !== 'user') await recordGroupJoined(deps.db, org.id, ctx.chat.id, ctx.chat.type, now);
      return { messages: groupJoinedMessages(org), outcome: 'join' };
    case 'leave':
      if (ctx.chat && ctx.chat.type !== 'user') await recordGroupLeft(deps.db, org.id, ctx.chat.id, now);
      return { messages: [], outcome: 'leave' };
    case 'memberJoined':
      return { messages: memberJoinedMessages(), outcome: 'memberJoined' };
    case 'postback':
      return handlePostback(deps, ctx, event.postback.data);
    case 'message':
      break;
    default:
      return { messages: [], outcome: `ignored ${event.type}` };
  }

  const message = event.message;
  const complaintUrl = liffUrl(org, 'complaints/new', deps.liffLocalBase);
  switch (message.type) {
    case 'text':
      // What a person typed: control and bidi characters dropped before any feature reads or echoes it.
      return handleText(deps, ctx, cleanText(message.text, { multiline: true }), inGroup);
    case 'sticker':
      return { messages: inGroup ? [] : stickerReply(), outcome: 'sticker' };
    case 'image':
    case 'location': {
      if (inGroup) return { messages: [], outcome: message.type };
      const taken = deps.media ? await deps.media(ctx) : null;
      if (taken) return { messages: taken, outcome: `${message.type}: chat report` };
      return { messages: mediaReply(message.type, complaintUrl), outcome: message.type };
    }
    default:
      return { messages: inGroup ? [] : mediaReply('other', complaintUrl), outcome: `message ${message.type}` };
  }
}

async function handleText(deps: BotDeps, ctx: EventContext, text: string, inGroup: boolean): Promise<HandledEvent> {
  if (!inGroup) {
    const answered = await replyToText(deps, ctx, text);
    return { messages: answered.messages, outcome: `text: ${answered.intent}` };
  }
  for (const handler of deps.textHandlers) {
    if (handler.scope === 'user') continue;
    const messages = await handler.handle(ctx, text);
    if (messages) return { messages, outcome: `text: ${handler.name}` };
  }
  // In a group the bot speaks only when spoken to: casual talk between staff gets no answer.
  return { messages: isHelpRequest(text) ? groupHelpMessages() : [], outcome: 'group text' };
}

/**
 * The answer to a text in a one-on-one chat: help, else the first feature command that takes it, else the answer
 * engine. `POST /api/orgs/:orgId/ask` goes through this same path, so it returns exactly what the bot replies.
 */
export async function replyToText(deps: BotDeps, ctx: EventContext, text: string): Promise<TextAnswer> {
  if (isHelpRequest(text)) return { intent: 'help', results: [], messages: greetingMessages(ctx.org) };
  for (const handler of deps.textHandlers) {
    if (handler.scope === 'group') continue;
    const messages = await handler.handle(ctx, text);
    if (messages) return { intent: handler.name, results: [], messages };
  }
  if (deps.answer) return deps.answer(ctx, text);
  return { intent: 'help', results: [], messages: greetingMessages(ctx.org) };
}

/** The context of a text that comes from no LINE chat (the ask API): nobody in particular, so no follow-up memory. */
export function contextWithoutChat(org: Org, text: string, now: Date): EventContext {
  const event = {
    type: 'message',
    mode: 'active',
    timestamp: now.getTime(),
    webhookEventId: 'ask',
    deliveryContext: { isRedelivery: false },
    message: { id: 'ask', type: 'text', text, quoteToken: '' },
  } as unknown as LineEvent; // a synthetic event: only its text is read
  return { org, event, userId: undefined, chat: undefined, now };
}

async function handlePostback(deps: BotDeps, ctx: EventContext, data: string): Promise<HandledEvent> {
  const params = new URLSearchParams(data);
  const action = params.get('action');
  const handler = deps.postbackHandlers.find((h) => h.action === action);
  if (!handler) return { messages: greetingMessages(ctx.org), outcome: `postback: unknown action` };
  return { messages: await handler.handle(ctx, params), outcome: `postback: ${handler.action}` };
}
