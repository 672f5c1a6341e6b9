import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRichMenu, type RichMenuIo } from '../../functions/src/cli/richmenu.ts';
import { createRichMenuApi } from '../../functions/src/richmenu/deploy.ts';
import { api as callApi, givenOrg, startTestApp, type TestApp } from '../support/app.ts';
import { committedImage, handMadeMenu, sdkClients } from './support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  dir = await mkdtemp(join(tmpdir(), 'richmenu-'));
});
afterAll(async () => t.stop());

/** What `FIRESTORE_EMULATOR_HOST=… LINE_API_BASE_URL=… npm run richmenu` sees, pointed at the test server. */
const env = (extra: Record<string, string> = {}) => ({
  FIRESTORE_EMULATOR_HOST: t.emulator.host,
  GCLOUD_PROJECT: t.rt.config.projectId,
  LINE_API_BASE_URL: t.rt.lineApiBaseUrl,
  ...extra,
});

let minutes = 0;
async function run(args: string[], io: Partial<RichMenuIo> = {}) {
  const lines: string[] = [];
  minutes += 1;
  const code = await runRichMenu(args, { env: env(), out: (l) => lines.push(l), now: new Date(Date.UTC(2026, 10, 22, 3, minutes)), ...io });
  return { code, output: lines.join('\n') };
}

const menusOf = (orgId: string) => t.rt.sandbox!.richMenus({ orgId });
const snapshot = () => JSON.stringify(t.rt.sandbox!.richMenus().map((m) => [m.richMenuId, m.isDefault, m.image?.bytes]));

describe('npm run richmenu', () => {
  it('creates the menu, uploads the image and makes it the default, in the sandbox', async () => {
    const org = await givenOrg(t, { liffId: '1234567890-abc' });
    const { code, output } = await run(['--org', org.id]);
    expect(code, output).toBe(0);
    const menus = menusOf(org.id);
    expect(menus).toHaveLength(1);
    const [menu] = menus;
    expect(menu?.isDefault).toBe(true);
    expect(menu?.menu.chatBarText).toBe('เมนูบริการ');
    expect(menu?.menu.name).toMatch(new RegExp(`^integrity-oa:${org.id}:`));
    expect(menu?.menu.areas.map((a) => a.action.uri ?? a.action.text)).toEqual([
      'วิธีใช้',
      'มีคู่มือบริการอะไรบ้าง',
      'https://liff.line.me/1234567890-abc/complaints/new',
      'https://liff.line.me/1234567890-abc/complaints/track',
      'https://liff.line.me/1234567890-abc/queue',
      'https://liff.line.me/1234567890-abc/ratings/new',
    ]);
    expect(menu?.image).toMatchObject({ contentType: 'image/png', bytes: (await committedImage()).byteLength, width: 2500, height: 1686 });
    // LINE itself reports it as the default.
    expect((await sdkClients(t, org.channelAccessToken).api.getDefaultRichMenuId()).richMenuId).toBe(menu?.richMenuId);
    expect(output).toContain(`done: ${menu?.richMenuId} is the default rich menu of ${org.id}`);
  });

  it('replaces its earlier menu on a second run, and leaves menus it did not make alone', async () => {
    const org = await givenOrg(t, { liffId: '1234567890-abc' });
    const { api } = sdkClients(t, org.channelAccessToken);
    const { richMenuId: handMade } = await api.createRichMenu(handMadeMenu());

    expect((await run(['--org', org.id])).code).toBe(0);
    const first = menusOf(org.id).find((m) => m.richMenuId !== handMade)!;
    const second = await run(['--org', org.id]);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain(`deleted the earlier menu ${first.richMenuId}`);

    const now = menusOf(org.id);
    expect(now.map((m) => m.richMenuId)).toContain(handMade);
    expect(now.map((m) => m.richMenuId)).not.toContain(first.richMenuId);
    const ours = now.filter((m) => m.richMenuId !== handMade);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.isDefault).toBe(true);
  });

  it('says when it takes over a default menu another tool set', async () => {
    const org = await givenOrg(t);
    const { api, blob } = sdkClients(t, org.channelAccessToken);
    const { richMenuId: handMade } = await api.createRichMenu(handMadeMenu());
    await blob.setRichMenuImage(handMade, new Blob([await committedImage()], { type: 'image/png' }));
    await api.setDefaultRichMenu(handMade);
    const { code, output } = await run(['--org', org.id]);
    expect(code).toBe(0);
    expect(output).toContain(`replaced the default menu ${handMade}, which this tool did not make`);
    expect(menusOf(org.id).find((m) => m.richMenuId === handMade)?.isDefault).toBe(false);
  });

  it('sends chat messages from every tile when the organisation has no LIFF app, and the chat engine answers each', async () => {
    const org = await givenOrg(t);
    expect((await run(['--org', org.id])).code).toBe(0);
    const texts = menusOf(org.id)[0]!.menu.areas.map((a) => (a.action.type === 'message' ? String(a.action.text) : ''));
    expect(texts).toEqual(['วิธีใช้', 'มีคู่มือบริการอะไรบ้าง', 'ร้องเรียน', 'ติดตามเรื่องร้องเรียน', 'รับบัตรคิว', 'ประเมินความพึงพอใจ']);
    for (const text of texts) {
      const res = await callApi(t, 'POST', `/api/orgs/${org.id}/ask`, { body: { text } });
      expect(res.status).toBe(200);
      expect(res.body.intent, text).not.toBe('unknown');
      expect(res.body.messages.length, text).toBeGreaterThan(0);
    }
  });

  it('points the tiles at the local LIFF pages with --liff-base', async () => {
    const org = await givenOrg(t);
    expect((await run(['--org', org.id, '--liff-base', t.rt.baseUrl])).code).toBe(0);
    expect(menusOf(org.id)[0]?.menu.areas[2]?.action.uri).toBe(`${t.rt.baseUrl}/liff/${org.id}/complaints/new`);
  });

  it('changes nothing on a dry run', async () => {
    const org = await givenOrg(t, { liffId: '1234567890-abc' });
    expect((await run(['--org', org.id])).code).toBe(0);
    const before = snapshot();
    const { code, output } = await run(['--org', org.id, '--dry-run']);
    expect(code).toBe(0);
    expect(output).toMatch(/would create .* delete 1 earlier menu/);
    expect(output).toContain('nothing changed');
    expect(snapshot()).toBe(before);
  });

  it('refuses bad arguments with a clear error and a usage exit code, changing nothing', async () => {
    const org = await givenOrg(t);
    const before = snapshot();
    const wrongSize = join(dir, 'wrong-size.png');
    const png = Buffer.from(await committedImage());
    png.writeUInt32BE(1686, 16);
    png.writeUInt32BE(843, 20);
    await writeFile(wrongSize, png);
    const notImage = join(dir, 'not-image.png');
    await writeFile(notImage, 'hello');

    const cases: Array<[string[], number, RegExp, Record<string, string>?]> = [
      [[], 64, /--org: .*\n.*usage: npm run richmenu -- --org ID/],
      [['--org', 'Bad Org!'], 64, /--org: org id: 2-40 lowercase letters/],
      [['--org', org.id, '--colour', 'red'], 64, /Unknown option '--colour'/],
      [['--org', org.id, 'extra'], 64, /unexpected argument "extra"/],
      [['--org', org.id, '--liff-base', 'ftp://example.com'], 64, /--liff-base must be an http\(s\) URL/],
      [['--org', org.id], 64, /LINE_API_BASE_URL must be an http\(s\) URL/, { LINE_API_BASE_URL: 'not a url' }],
      [['--org', 'no-such-org'], 3, /organisation "no-such-org" does not exist/],
      [['--org', org.id, '--image', join(dir, 'missing.png')], 66, /cannot read the image .*missing\.png/],
      [['--org', org.id, '--image', wrongSize], 65, /1686×843 px: the menu declares 2500×1686/],
      [['--org', org.id, '--image', notImage], 65, /not a PNG or JPEG image/],
      [['--org', org.id], 4, /no channel access token for "[^"]+" \(not in LINE_CHANNELS\)/, { LINE_CHANNELS: JSON.stringify({ other: { channelSecret: 's', channelAccessToken: 't' } }) }],
      [['--org', org.id], 64, /LINE_CHANNELS must be JSON/, { LINE_CHANNELS: '{not json' }],
    ];
    for (const [args, expected, message, extraEnv] of cases) {
      const { code, output } = await run(args, extraEnv ? { env: env(extraEnv) } : {});
      expect(code, `${args.join(' ')} → ${output}`).toBe(expected);
      expect(output).toMatch(message);
    }
    expect(snapshot()).toBe(before);
  });

  it('takes the access token from LINE_CHANNELS when set, and reports LINE’s refusal', async () => {
    const org = await givenOrg(t);
    const wrong = await run(['--org', org.id], { env: env({ LINE_CHANNELS: JSON.stringify({ [org.id]: { channelSecret: 's', channelAccessToken: 'revoked' } }) }) });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/error: LINE answered 401: Authentication failed/);
    const right = await run(['--org', org.id], { env: env({ LINE_CHANNELS: JSON.stringify({ [org.id]: { channelSecret: org.channelSecret, channelAccessToken: org.channelAccessToken } }) }) });
    expect(right.code, right.output).toBe(0);
    expect(menusOf(org.id)).toHaveLength(1);
  });

  it('keeps the current menu when LINE fails half way, and removes the half-made one', async () => {
    const org = await givenOrg(t, { liffId: '1234567890-abc' });
    expect((await run(['--org', org.id])).code).toBe(0);
    const before = snapshot();

    t.rt.sandbox!.failNext(1, 500); // the create call
    const failedCreate = await run(['--org', org.id]);
    expect(failedCreate.code).toBe(1);
    expect(failedCreate.output).toMatch(/LINE answered 500/);
    expect(snapshot()).toBe(before);

    const failingUpload: RichMenuIo['api'] = (options) => {
      const real = createRichMenuApi(options);
      return { ...real, uploadImage: () => Promise.reject(new Error('connection reset')) };
    };
    const failedUpload = await run(['--org', org.id], { api: failingUpload });
    expect(failedUpload.code).toBe(1);
    expect(failedUpload.output).toContain('the previous rich menu (if any) is unchanged');
    expect(snapshot()).toBe(before);
  });

  it('runs as a command: exit code 0 and the menu linked; exit code 64 on bad arguments', async () => {
    const org = await givenOrg(t, { liffId: '1234567890-abc' });
    const exec = promisify(execFile);
    const script = join(root, 'functions/src/cli/richmenu.ts');
    const ok = await exec(process.execPath, [script, '--org', org.id], { cwd: root, env: { ...process.env, ...env() } });
    expect(ok.stdout).toContain('done: richmenu-');
    expect(menusOf(org.id).filter((m) => m.isDefault)).toHaveLength(1);

    const bad = await exec(process.execPath, [script, '--org'], { cwd: root, env: { ...process.env, ...env() } }).catch((err: unknown) => err as { code: number; stdout: string });
    expect(bad).toMatchObject({ code: 64 });
    expect((bad as { stdout: string }).stdout).toContain('usage: npm run richmenu -- --org ID');
  });
});
