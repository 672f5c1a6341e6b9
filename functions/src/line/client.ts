import type { Readable } from 'node:stream';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';

export type Message = messagingApi.Message;

/** What the product needs of the Messaging API for one channel. */
export interface LineApi {
  reply(replyToken: string, messages: Message[]): Promise<void>;
  /**
   * `retryKey` (a UUID) makes a retried push idempotent: LINE answers 409 to a key it has seen. `sent`: this call
   * delivered it (and LINE counted it against the monthly quota); `duplicate`: an earlier call with the same key did.
   */
  push(to: string, messages: Message[], retryKey?: string): Promise<PushOutcome>;
  /** LINE's monthly message quota of the channel (`GET /v2/bot/message/quota`): `null` when no limit is set. */
  quota(): Promise<{ limit: number | null }>;
  /** Messages LINE counted this month (`GET /v2/bot/message/quota/consumption`): pushes times recipients. */
  consumption(): Promise<number>;
  showLoading(chatId: string): Promise<void>;
  /**
   * The bytes of an image (or other media) a user sent, from the data API (`api-data.line.me/v2/bot/message/{id}/content`,
   * or `/content/preview`, LINE's smaller rendition of an image). Null when LINE has no such content (404) or it is
   * larger than `maxBytes` (read no further).
   */
  content(messageId: string, options: { preview?: boolean; maxBytes: number }): Promise<MessageContent | null>;
  /** Gives one user their own rich menu (over the channel's default): the staff menu (richmenu/staffLink.ts). */
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
  /** Back to the channel's default menu. A user with no menu of their own is fine (LINE answers 200 or 404: both done). */
  unlinkRichMenu(userId: string): Promise<void>;
}

export type PushOutcome = 'sent' | 'duplicate';

export interface MessageContent {
  contentType: string;
  bytes: Buffer;
}

/** api.line.me's data host; any other Messaging API base (the sandbox, a proxy) serves the data API itself. */
export function dataApiBaseFor(baseURL: string): string {
  return new URL(baseURL).origin === 'https://api.line.me' ? 'https://api-data.line.me' : baseURL;
}

export function createLineApi(options: { channelAccessToken: string; baseURL: string; dataBaseURL?: string }): LineApi {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.baseURL });
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.channelAccessToken, baseURL: options.dataBaseURL ?? dataApiBaseFor(options.baseURL) });
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
    async push(to, messages, retryKey) {
      try {
        await client.pushMessage({ to, messages }, retryKey);
        return 'sent';
      } catch (err) {
        // 409: this retry key was accepted before, so the message went out already.
        if (retryKey && err instanceof HTTPFetchError && err.status === 409) return 'duplicate';
        throw err;
      }
    },
    async quota() {
      const q = await client.getMessageQuota();
      return { limit: q.type === 'limited' && typeof q.value === 'number' ? q.value : null };
    },
    async consumption() {
      return (await client.getMessageQuotaConsumption()).totalUsage;
    },
    async showLoading(chatId) {
      await client.showLoadingAnimation({ chatId, loadingSeconds: 5 });
    },
    async linkRichMenu(userId, richMenuId) {
      await client.linkRichMenuIdToUser(userId, richMenuId);
    },
    async unlinkRichMenu(userId) {
      try {
        await client.unlinkRichMenuIdFromUser(userId);
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 404) return;
        throw err;
      }
    },
    async content(messageId, { preview = false, maxBytes }) {
      let stream: Readable;
      let contentType = '';
      try {
        if (preview) stream = await blob.getMessageContentPreview(messageId);
        else {
          const res = await blob.getMessageContentWithHttpInfo(messageId);
          stream = res.body;
          contentType = res.httpResponse.headers.get('content-type') ?? '';
        }
      } catch (err) {
        if (err instanceof HTTPFetchError && err.status === 404) return null;
        throw err;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        size += b.length;
        if (size > maxBytes) {
          stream.destroy();
          return null;
        }
        chunks.push(b);
      }
      // The preview call gives no headers: LINE's previews are JPEG.
      return { contentType: (contentType.split(';')[0] ?? '').trim().toLowerCase() || 'image/jpeg', bytes: Buffer.concat(chunks) };
    },
  };
}

/** The HTTP status of a failed LINE call, when there was one. */
export function lineErrorStatus(err: unknown): number | undefined {
  return err instanceof HTTPFetchError ? err.status : undefined;
}

/**
 * LINE's 429 for a used-up monthly quota ("You have reached your monthly limit."), told apart from its 429 for the
 * per-second rate limit by the body: the first lasts until the month ends or the plan changes, the second seconds.
 */
export function isMonthlyLimit(err: unknown): boolean {
  if (!(err instanceof HTTPFetchError) || err.status !== 429) return false;
  try {
    const message = (JSON.parse(err.body) as { message?: unknown }).message;
    return typeof message === 'string' && /monthly limit/i.test(message);
  } catch {
    return false;
  }
}
