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

/**
 * Cloud Logging reads a JSON line's `severity` (pino's numeric or textual `level` is not understood there, so every
 * line would show as DEFAULT), its `message` as the entry's text and an RFC 3339 `time` as its timestamp.
 */
export const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers["${k.toLowerCase()}"]`]);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths, censor: '[redacted]' },
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT', level: label }) },
    },
    options.destination ?? process.stdout,
  );
}
