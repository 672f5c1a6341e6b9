import { readFile } from 'node:fs/promises';
import { messagingApi } from '@line/bot-sdk';
import { DEFAULT_IMAGE } from '../../functions/src/cli/richmenu.ts';
import type { TestApp } from '../support/app.ts';

export const committedImage = () => readFile(DEFAULT_IMAGE);

/** The real SDK clients of one channel, pointed at the sandbox for both the API and the data API. */
export function sdkClients(t: TestApp, channelAccessToken: string) {
  const baseURL = t.rt.lineApiBaseUrl;
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken, baseURL }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL }),
  };
}

/** A small valid rich menu object (one area), e.g. one made by hand in another tool. */
export function handMadeMenu(overrides: Partial<messagingApi.RichMenuRequest> = {}): messagingApi.RichMenuRequest {
  return {
    size: { width: 2500, height: 1686 },
    selected: false,
    name: 'เมนูที่ทำเอง',
    chatBarText: 'เมนู',
    areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 1686 }, action: { type: 'message', label: 'สวัสดี', text: 'สวัสดี' } }],
    ...overrides,
  };
}

/** Sends a raw request to the sandbox as the channel (for what the SDK would not send). */
export function sandboxFetch(t: TestApp, token: string, path: string, init: RequestInit = {}) {
  return fetch(`${t.rt.lineApiBaseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
}
