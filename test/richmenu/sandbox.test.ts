import { HTTPFetchError } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOrg, startTestApp, type TestApp } from '../support/app.ts';
import { committedImage, handMadeMenu, sandboxFetch, sdkClients } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const status = async (p: Promise<unknown>) => {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof HTTPFetchError) return err.status;
    throw err;
  }
};

describe('LINE sandbox: rich menus', () => {
  it('creates a menu, takes its image on the data API, sets it as default, lists and deletes it', async () => {
    const org = await givenOrg(t);
    const { api, blob } = sdkClients(t, org.channelAccessToken);
    const png = await committedImage();

    const { richMenuId } = await api.createRichMenu(handMadeMenu());
    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    // No image yet: LINE refuses to link it.
    expect(await status(api.setDefaultRichMenu(richMenuId))).toBe(400);
    await blob.setRichMenuImage(richMenuId, new Blob([png], { type: 'image/png' }));
    expect(await status(blob.setRichMenuImage(richMenuId, new Blob([png], { type: 'image/png' })))).toBe(400); // once only
    await api.setDefaultRichMenu(richMenuId);

    expect((await api.getDefaultRichMenuId()).richMenuId).toBe(richMenuId);
    expect((await api.getRichMenuList()).richmenus.map((m) => [m.richMenuId, m.name])).toEqual([[richMenuId, 'เมนูที่ทำเอง']]);
    const [recorded] = t.rt.sandbox!.richMenus({ orgId: org.id });
    expect(recorded).toMatchObject({ richMenuId, orgId: org.id, isDefault: true, menu: { chatBarText: 'เมนู' } });
    expect(recorded?.image).toMatchObject({ contentType: 'image/png', bytes: png.byteLength, width: 2500, height: 1686 });
    const content = await sandboxFetch(t, org.channelAccessToken, `/v2/bot/richmenu/${richMenuId}/content`);
    expect(Buffer.from(await content.arrayBuffer()).equals(png)).toBe(true);

    await api.deleteRichMenu(richMenuId);
    expect(t.rt.sandbox!.richMenus({ orgId: org.id })).toEqual([]);
    expect(await status(api.getDefaultRichMenuId())).toBe(404); // deleting the default clears it
    expect(await status(api.deleteRichMenu(richMenuId))).toBe(404);
  });

  it('refuses menus that break LINE’s rules, with the property at fault', async () => {
    const org = await givenOrg(t);
    const cases: Array<[string, Parameters<typeof handMadeMenu>[0]]> = [
      ['chatBarText', { chatBarText: 'เมนูบริการประชาชนทั้งหมด' }],
      ['size.width', { size: { width: 3000, height: 1686 } }],
      ['size', { size: { width: 1200, height: 1000 } }],
      ['areas[0].bounds', { areas: [{ bounds: { x: 1700, y: 0, width: 833, height: 843 }, action: { type: 'message', text: 'x' } }] }],
      ['areas[0].action.label', { areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'message', label: 'ก'.repeat(21), text: 'x' } }] }],
      ['areas[0].action.uri', { areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'uri', uri: 'javascript:alert(1)' } }] }],
    ];
    for (const [property, overrides] of cases) {
      const res = await sandboxFetch(t, org.channelAccessToken, '/v2/bot/richmenu', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(handMadeMenu(overrides)),
      });
      expect(res.status, property).toBe(400);
      const body = (await res.json()) as { details: Array<{ property: string }> };
      expect(body.details.map((d) => d.property)).toContain(property);
    }
    expect(t.rt.sandbox!.richMenus({ orgId: org.id })).toEqual([]);
  });

  it('takes only a PNG or JPEG of the menu’s size, at most 1 MB', async () => {
    const org = await givenOrg(t);
    const { api } = sdkClients(t, org.channelAccessToken);
    const { richMenuId } = await api.createRichMenu(handMadeMenu());
    const png = await committedImage();
    const upload = (body: Buffer, type: string) =>
      sandboxFetch(t, org.channelAccessToken, `/v2/bot/richmenu/${richMenuId}/content`, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) });

    expect((await upload(png, 'image/gif')).status).toBe(415);
    expect((await upload(png, 'image/jpeg')).status).toBe(400); // says JPEG, is PNG
    const smaller = Buffer.from(png);
    smaller.writeUInt32BE(1250, 16); // IHDR width
    expect((await upload(smaller, 'image/png')).status).toBe(400);
    const tooBig = Buffer.concat([png, Buffer.alloc(1024 * 1024)]);
    expect((await upload(tooBig, 'image/png')).status).toBe(413);
    expect(t.rt.sandbox!.richMenus({ orgId: org.id })[0]?.image).toBeUndefined();
    expect((await upload(png, 'image/png')).status).toBe(200);
  });

  it('keeps each channel’s menus apart and wants a known token', async () => {
    const a = await givenOrg(t);
    const b = await givenOrg(t);
    const { richMenuId } = await sdkClients(t, a.channelAccessToken).api.createRichMenu(handMadeMenu());
    const other = sdkClients(t, b.channelAccessToken).api;
    expect((await other.getRichMenuList()).richmenus).toEqual([]);
    expect(await status(other.deleteRichMenu(richMenuId))).toBe(404);
    expect(await status(other.setDefaultRichMenu(richMenuId))).toBe(404);
    expect((await sandboxFetch(t, 'not-a-token', '/v2/bot/richmenu/list')).status).toBe(401);
    expect(t.rt.sandbox!.richMenus({ orgId: a.id })).toHaveLength(1);
  });

  it('allows 100 rich menu creations per channel an hour, as LINE does', async () => {
    const org = await givenOrg(t);
    const { api } = sdkClients(t, org.channelAccessToken);
    for (let i = 0; i < 100; i += 1) {
      const { richMenuId } = await api.createRichMenu(handMadeMenu());
      await api.deleteRichMenu(richMenuId); // deleting does not give the allowance back
    }
    expect(await status(api.createRichMenu(handMadeMenu()))).toBe(429);
    t.clock.advance(3_600_000);
    expect(await status(api.createRichMenu(handMadeMenu()))).toBe(200);
  });
});
