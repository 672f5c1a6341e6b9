import { describe, expect, it } from 'vitest';
import { ConfigError, defaultKnowledgeCacheBytes, loadConfig } from '../../functions/src/config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('configuration', () => {
  it('defaults to local mode on port 3000 with the embedded emulator, the sandbox and the local issuer', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      port: 3000,
      firestore: { kind: 'embedded' },
      line: { apiBaseUrl: 'sandbox', credentials: 'firestore' },
      idToken: { issuer: 'local' },
      devRoutes: true,
    });
  });

  it('sizes the answer-index cache from KNOWLEDGE_CACHE_MB, else from the heap limit, and refuses a bad value', () => {
    expect(loadConfig({ KNOWLEDGE_CACHE_MB: '64' }).knowledgeCacheBytes).toBe(64 * 1024 * 1024);
    const byDefault = loadConfig({}).knowledgeCacheBytes;
    expect(byDefault).toBe(defaultKnowledgeCacheBytes());
    expect(byDefault).toBeGreaterThan(0);
    expect(problemsOf({ KNOWLEDGE_CACHE_MB: 'lots' })[0]).toMatch(/^KNOWLEDGE_CACHE_MB:/);
  });

  it('honours PORT and EMBEDDED_FIRESTORE_PORT', () => {
    const config = loadConfig({ PORT: '8123', EMBEDDED_FIRESTORE_PORT: '9555' });
    expect(config.port).toBe(8123);
    expect(config.firestore).toEqual({ kind: 'embedded', port: 9555 });
  });

  it('lists every bad value at once, by name', () => {
    const problems = problemsOf({ MODE: 'staging', PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(problems.join('\n')).toMatch(/MODE/);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('needs an emulator host in emulator mode and rejects one that is not host:port', () => {
    expect(problemsOf({ MODE: 'emulator' }).join()).toMatch(/FIRESTORE_EMULATOR_HOST: required/);
    expect(problemsOf({ MODE: 'emulator', FIRESTORE_EMULATOR_HOST: 'http://x' }).join()).toMatch(/host:port/);
    expect(loadConfig({ MODE: 'emulator', FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' })).toMatchObject({
      firestore: { kind: 'emulator', host: '127.0.0.1:8080' },
      devRoutes: false,
      line: { apiBaseUrl: 'https://api.line.me' },
    });
  });

  it('refuses the local-only pieces in production', () => {
    const problems = problemsOf({
      MODE: 'production',
      PROJECT_ID: 'my-project',
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080',
      ID_TOKEN_ISSUER: 'local',
      LINE_API_BASE_URL: 'http://127.0.0.1:9999',
      LINE_CHANNELS: '{}',
    }).join('\n');
    expect(problems).toMatch(/FIRESTORE_EMULATOR_HOST: must not be set in production/);
    expect(problems).toMatch(/ID_TOKEN_ISSUER: the local token issuer is refused/);
    expect(problems).toMatch(/LINE_API_BASE_URL/);
  });

  it('needs the channel credentials secret and a project id in production', () => {
    const problems = problemsOf({ MODE: 'production' }).join('\n');
    expect(problems).toMatch(/LINE_CHANNELS: required/);
    expect(problems).toMatch(/PROJECT_ID: required/);
  });

  it('rejects LINE_CHANNELS that is not the expected JSON, without echoing it', () => {
    const problems = problemsOf({ MODE: 'production', PROJECT_ID: 'my-project', LINE_CHANNELS: '{"maesot":{"channelSecret":"s3cr3t"}}' }).join('\n');
    expect(problems).toMatch(/LINE_CHANNELS: must be JSON/);
    expect(problems).not.toContain('s3cr3t');
  });

  it('gives production LINE, Cloud Firestore, LINE ID tokens and no dev routes', () => {
    const config = loadConfig({
      MODE: 'production',
      PROJECT_ID: 'my-project',
      LINE_CHANNELS: JSON.stringify({ maesot: { channelSecret: 'a', channelAccessToken: 'b' } }),
    });
    expect(config).toMatchObject({
      firestore: { kind: 'cloud' },
      line: { apiBaseUrl: 'https://api.line.me', credentials: 'secret' },
      idToken: { issuer: 'line', url: 'https://access.line.me' },
      devRoutes: false,
    });
  });
});
