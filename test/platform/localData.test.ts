import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config.ts';
import { createLogger } from '../../functions/src/log.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { startRuntime } from '../../functions/src/runtime.ts';

/**
 * Local mode keeps its data in a folder across restarts (LOCAL_DATA_DIR): a start without saved data seeds the demo,
 * a clean stop saves, the next start loads it (and seeds nothing), and a periodic save covers a crash.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'local-data-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const start = (dir: string, env: Record<string, string> = {}) =>
  startRuntime(loadConfig({ MODE: 'local', PORT: '0', LOG_LEVEL: 'silent', LOCAL_DATA_DIR: dir, ...env }), {
    log: createLogger({ level: 'silent' }),
    scheduleEveryMs: 0,
    keepLocalData: true,
  });

const saved = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'firestore.json'), 'utf8')) as { documents: { path: string }[] };

describe('local data across restarts', () => {
  const dir = () => path.join(root, 'data');
  const values = {
    text: 'ไฟถนนดับ ซอย ๓',
    int: 2 ** 53 - 1,
    real: 1.25,
    yes: true,
    nothing: null,
    at: Timestamp.fromMillis(1_764_000_000_123),
    bytes: Buffer.from([0, 1, 254, 255]),
    list: [1, 'สอง', { three: 3 }],
    nested: { deep: { empty: [] as unknown[], n: -7 } },
  };

  it('seeds the demo when the folder does not exist, and saves the data on a clean stop', async () => {
    expect(existsSync(dir())).toBe(false);
    const rt = await start(dir());
    try {
      expect((await getOrg(rt.db, 'maesot'))?.name).toBe('เทศบาลนครแม่สอด');
      await rt.db.doc('orgs/maesot/localDataTest/values').set(values);
      // The demo staff member removed here must stay removed: a start with saved data seeds nothing.
      const staff = await rt.db.collection('orgs/maesot/staff').limit(1).get();
      expect(staff.size).toBe(1);
      await staff.docs[0]!.ref.delete();
      await rt.db.doc('orgs/maesot/localDataTest/removed').set({ id: staff.docs[0]!.id });
    } finally {
      await rt.stop();
    }
    expect(saved(dir()).documents.length).toBeGreaterThan(10);
  }, 120_000);

  it('finds everything again after a clean stop, values exactly as written, and seeds nothing', async () => {
    const rt = await start(dir());
    try {
      const snap = await rt.db.doc('orgs/maesot/localDataTest/values').get();
      expect(snap.exists).toBe(true);
      const data = snap.data()!;
      expect({ ...data, at: (data.at as Timestamp).toMillis(), bytes: [...(data.bytes as Buffer)] }).toEqual({
        ...values,
        at: values.at.toMillis(),
        bytes: [0, 1, 254, 255],
      });
      const removed = (await rt.db.doc('orgs/maesot/localDataTest/removed').get()).get('id') as string;
      expect((await rt.db.doc(`orgs/maesot/staff/${removed}`).get()).exists).toBe(false);
      // The restored organisations' LINE channels work: the bot answers through the sandbox.
      const res = await fetch(`${rt.baseUrl}/dev/chat/maesot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: `U${'a'.repeat(32)}`, text: 'สวัสดี' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { replies: unknown[] }).replies.length).toBeGreaterThan(0);
    } finally {
      await rt.stop();
    }
  }, 60_000);

  it('saves periodically while running, so a crash loses at most the last interval', async () => {
    const rt = await start(dir(), { LOCAL_DATA_SAVE_SECONDS: '1' });
    try {
      await rt.db.doc('orgs/maesot/localDataTest/periodic').set({ n: 1 });
      // No stop: the file must gain the document from the periodic save alone.
      await expect
        .poll(() => saved(dir()).documents.some((d) => d.path.endsWith('/localDataTest/periodic')), { timeout: 10_000, interval: 100 })
        .toBe(true);
    } finally {
      await rt.stop();
    }
  }, 60_000);

  it('npm start saves on SIGTERM, exits 0, and starts again from the folder', async () => {
    const copy = path.join(root, 'spawned');
    cpSync(dir(), copy, { recursive: true });
    const run = async (work: (baseUrl: string) => Promise<void>) => {
      const child = spawn(process.execPath, ['functions/src/server.ts'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, MODE: 'local', PORT: '0', LOG_LEVEL: 'warn', LOCAL_DATA_DIR: copy, LOCAL_DATA_SAVE_SECONDS: '3600' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const baseUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const url = /Open (http:\/\/localhost:\d+)/.exec(out)?.[1];
          if (url) resolve(url);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${out}${err}`)));
      });
      await work(baseUrl);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).not.toMatch(/terminated|Unhandled/i);
    };
    const chat = (baseUrl: string, userId: string) =>
      fetch(`${baseUrl}/dev/chat/maesot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text: 'สวัสดี' }) });
    const events = () => saved(copy).documents.filter((d) => d.path.includes('/webhookEvents/')).length;
    const user = `U${'b'.repeat(32)}`;
    const initial = events();
    await run(async (baseUrl) => {
      expect((await chat(baseUrl, user)).status).toBe(200);
    });
    // The hourly save never ran: the new event record in the file comes from the save on SIGTERM.
    expect(events()).toBe(initial + 1);
    await run(async (baseUrl) => {
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      expect((await chat(baseUrl, user)).status).toBe(200);
    });
    expect(events()).toBe(initial + 2);
  }, 120_000);
});
