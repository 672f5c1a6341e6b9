import { HTTPFetchError, messagingApi } from '@line/bot-sdk';

export type Message = messagingApi.Message;

/** What the product needs of the Messaging API for one channel. */
export interface LineApi {
  reply(replyToken: string, messages: Message[]): Promise<void>;
  /** `retryKey` (a UUID) makes a retried push idempotent: LINE answers 409 to a key it has seen. */
  push(to: string, messages: Message[], retryKey?: string): Promise<void>;
  showLoading(chatId: string): Promise<void>;
}

export function createLineApi(options: { channelAccessToken: string; baseURL: string }): LineApi {
  const client = new messagingApi.MessagingApiClient(options);
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
    async push(to, messages, retryKey) {
      try {
        await client.pushMessage({ to, messages }, retryKey);
      } catch (err) {
        // 409: this retry key was accepted before, so the message went out already.
        if (retryKey && err instanceof HTTPFetchError && err.status === 409) return;
        throw err;
      }
    },
    async showLoading(chatId) {
      await client.showLoadingAnimation({ chatId, loadingSeconds: 5 });
    },
  };
}

/** The HTTP status of a failed LINE call, when there was one. */
export function lineErrorStatus(err: unknown): number | undefined {
  return err instanceof HTTPFetchError ? err.status : undefined;
}
