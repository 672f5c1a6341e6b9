import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Tokens, signatures, secrets and LINE user/group ids are personal or secret data: they are
 * redacted by key wherever they appear.
 */
export const REDACTED_KEYS = [
  'authorization',
  'Authorization',
  'x-line-signature',
  'channelSecret',
  'channelAccessToken',
  'accessToken',
  'idToken',
  'token',
  'replyToken',
  'userId',
  'groupId',
  'roomId',
  'sub',
  'secret',
  'trackingSecret',
  'reporter',
  'displayName',
  'name',
  'phone',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers["${k.toLowerCase()}"]`]);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths, censor: '[redacted]' },
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? process.stdout,
  );
}
