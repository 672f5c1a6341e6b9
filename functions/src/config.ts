import path from 'node:path';
import type { Mode } from './contracts/orgs.ts';
import v8 from 'node:v8';
import { z } from 'zod';

/**
 * The one configuration module. Everything the server reads from its environment is declared and validated here at
 * start-up; a bad or missing value stops the start with a readable list.
 */
const LINE_API = 'https://api.line.me';
const LINE_ISSUER = 'https://access.line.me';
const LINE_JWKS = 'https://api.line.me/oauth2/v2.1/certs';

const envSchema = z
  .object({
    MODE: z.enum(['local', 'emulator', 'production']).default('local'),
    // 0 asks the OS for a free port (tests).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    EMBEDDED_FIRESTORE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    FIRESTORE_EMULATOR_HOST: z
      .string()
      .regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8080')
      .optional(),
    PROJECT_ID: z.string().regex(/^[a-z][a-z0-9-]{4,29}$/, 'must be a Firebase project id').optional(),
    GCLOUD_PROJECT: z.string().optional(),
    LINE_API_BASE_URL: z.url().optional(),
    LINE_DATA_API_BASE_URL: z.url().optional(),
    /** Where channel secrets and access tokens come from: a Firebase secret holding JSON, or the orgSecrets collection. */
    LINE_CREDENTIALS: z.enum(['secret', 'firestore']).optional(),
    LINE_CHANNELS: z.string().optional(),
    ID_TOKEN_ISSUER: z.enum(['line', 'local']).optional(),
    PUBLIC_BASE_URL: z.url().optional(),
    /** Local mode: the folder that keeps the embedded emulator's data across restarts; "none" keeps it in memory only. */
    LOCAL_DATA_DIR: z.string().min(1).default('./data/local'),
    LOCAL_DATA_SAVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /**
     * How many proxies in front of the app append to X-Forwarded-For and are trusted to: the client address is the
     * entry that many hops from the right. Production default 1 (Cloud Functions 2nd gen / Cloud Run: Google's front
     * end appends the address it saw); add 1 behind Firebase Hosting rewrites. Elsewhere 0: the header is ignored.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).optional(),
    /**
     * Megabytes of built answer indices kept in memory (least recently used evicted beyond it). Default: a quarter
     * of the V8 heap limit, which follows the function's memory (Cloud Functions sizes the heap to it).
     */
    KNOWLEDGE_CACHE_MB: z.coerce.number().min(1).max(16384).optional(),
    /**
     * Megabytes of the process-wide memo of segmented text chunks that every organisation's index build consults
     * (search/tokenize.ts `SegmentMemo`). Default 8; 0: none.
     */
    KNOWLEDGE_SEGMENT_MEMO_MB: z.coerce.number().min(0).max(1024).default(8),
    /** Store built answer indices in Firestore and load them on a miss (search/indexStore.ts). Default: on. */
    KNOWLEDGE_STORE_INDEX: z.enum(['on', 'off']).default('on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.MODE === 'emulator' && !env.FIRESTORE_EMULATOR_HOST) {
      problem('FIRESTORE_EMULATOR_HOST', 'required in emulator mode');
    }
    if (env.MODE === 'production') {
      if (env.FIRESTORE_EMULATOR_HOST) problem('FIRESTORE_EMULATOR_HOST', 'must not be set in production');
      if (env.ID_TOKEN_ISSUER === 'local') problem('ID_TOKEN_ISSUER', 'the local token issuer is refused in production');
      if (env.LINE_API_BASE_URL && new URL(env.LINE_API_BASE_URL).origin !== LINE_API) {
        problem('LINE_API_BASE_URL', `production talks to ${LINE_API} only`);
      }
      if (env.LINE_DATA_API_BASE_URL && new URL(env.LINE_DATA_API_BASE_URL).origin !== 'https://api-data.line.me') {
        problem('LINE_DATA_API_BASE_URL', 'production talks to https://api-data.line.me only');
      }
      if ((env.LINE_CREDENTIALS ?? 'secret') === 'secret' && !env.LINE_CHANNELS) {
        problem('LINE_CHANNELS', 'required in production (the Firebase secret with each organisation\'s channel credentials)');
      }
      if (!env.PROJECT_ID && !env.GCLOUD_PROJECT) problem('PROJECT_ID', 'required in production');
    }
    if (env.LINE_CHANNELS) {
      const parsed = lineChannelsSchema.safeParse(safeJson(env.LINE_CHANNELS));
      if (!parsed.success) problem('LINE_CHANNELS', 'must be JSON {"<orgId>": {"channelSecret": "...", "channelAccessToken": "..."}}');
    }
  });

export const lineChannelsSchema = z.record(
  z.string(),
  z.object({ channelSecret: z.string().min(1), channelAccessToken: z.string().min(1) }),
);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type { Mode };

export interface Config {
  mode: Mode;
  port: number;
  projectId: string;
  firestore:
    | { kind: 'embedded'; port: number | undefined }
    | { kind: 'emulator'; host: string }
    | { kind: 'cloud' };
  line: {
    /** Messaging API base URL; in local mode the sandbox on this server (filled in once the port is known). */
    apiBaseUrl: string | 'sandbox';
    dataApiBaseUrl: string | 'sandbox';
    credentials: 'secret' | 'firestore';
    /** JSON from the LINE_CHANNELS secret; never logged. */
    channelsJson: string | undefined;
  };
  idToken: { issuer: 'line'; url: string; jwksUrl: string } | { issuer: 'local' };
  /** Routes under /dev (sandbox, token issuer, demo) exist only when true: local mode. */
  devRoutes: boolean;
  publicBaseUrl: string | undefined;
  /** express `trust proxy` as a hop count; 0: X-Forwarded-For is never believed (the socket's address is the client). */
  trustProxyHops: number;
  logLevel: string;
  /** Local mode on the embedded emulator: where its data is kept across restarts (absent: memory only). */
  localData: { dir: string; saveEverySeconds: number } | undefined;
  /** Byte budget of the answer engine's per-organisation index cache. */
  knowledgeCacheBytes: number;
  /** Built answer indices are stored in Firestore and loaded on a cache miss instead of built again. */
  knowledgeStoreIndex: boolean;
  /** Bytes of the process-wide memo of segmented text chunks (`KNOWLEDGE_SEGMENT_MEMO_MB`); 0: none. */
  knowledgeSegmentMemoBytes: number;
}

/** A quarter of the heap limit: room for requests, Firestore clients and the rest of the app beside the indices. */
export function defaultKnowledgeCacheBytes(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / 4);
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const local = e.MODE === 'local';
  return {
    mode: e.MODE,
    port: e.PORT,
    projectId: e.PROJECT_ID ?? e.GCLOUD_PROJECT ?? 'demo-integrity',
    firestore:
      e.MODE === 'production'
        ? { kind: 'cloud' }
        : e.FIRESTORE_EMULATOR_HOST
          ? { kind: 'emulator', host: e.FIRESTORE_EMULATOR_HOST }
          : { kind: 'embedded', port: e.EMBEDDED_FIRESTORE_PORT },
    line: {
      apiBaseUrl: e.LINE_API_BASE_URL ?? (local ? 'sandbox' : LINE_API),
      dataApiBaseUrl: e.LINE_DATA_API_BASE_URL ?? (local ? 'sandbox' : 'https://api-data.line.me'),
      credentials: e.LINE_CREDENTIALS ?? (e.MODE === 'production' ? 'secret' : 'firestore'),
      channelsJson: e.LINE_CHANNELS,
    },
    idToken:
      (e.ID_TOKEN_ISSUER ?? (e.MODE === 'production' ? 'line' : 'local')) === 'local'
        ? { issuer: 'local' }
        : { issuer: 'line', url: LINE_ISSUER, jwksUrl: LINE_JWKS },
    devRoutes: local,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    trustProxyHops: e.TRUST_PROXY_HOPS ?? (e.MODE === 'production' ? 1 : 0),
    logLevel: e.LOG_LEVEL,
    localData:
      local && !e.FIRESTORE_EMULATOR_HOST && e.LOCAL_DATA_DIR !== 'none'
        ? { dir: path.resolve(e.LOCAL_DATA_DIR), saveEverySeconds: e.LOCAL_DATA_SAVE_SECONDS }
        : undefined,
    knowledgeCacheBytes: e.KNOWLEDGE_CACHE_MB !== undefined ? Math.floor(e.KNOWLEDGE_CACHE_MB * 1024 * 1024) : defaultKnowledgeCacheBytes(),
    knowledgeStoreIndex: e.KNOWLEDGE_STORE_INDEX === 'on',
    knowledgeSegmentMemoBytes: Math.floor(e.KNOWLEDGE_SEGMENT_MEMO_MB * 1024 * 1024),
  };
}
