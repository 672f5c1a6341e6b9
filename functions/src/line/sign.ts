import { createHmac } from 'node:crypto';

/** The x-line-signature LINE computes: base64 HMAC-SHA256 of the exact body bytes with the channel secret. */
export function signBody(body: string | Buffer, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
