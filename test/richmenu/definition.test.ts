import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE } from '../../functions/src/cli/richmenu.ts';
import type { Org } from '../../functions/src/orgs/schema.ts';
import { buildRichMenu, isToolMenuOf, MENU_ITEMS, RICH_MENU_SIZE, richMenuName } from '../../functions/src/richmenu/definition.ts';
import { imageInfo, richMenuImageProblems } from '../../functions/src/richmenu/image.ts';
import { richMenuHtml } from '../../scripts/richmenu-image.ts';

const AT = new Date('2026-11-22T03:00:00.000Z');
const org = (liffId?: string): Pick<Org, 'id' | 'line'> => ({ id: 'maesot', line: liffId ? { liffId } : {} });

type Action = { type: string; label?: string; uri?: string; text?: string };
const actions = (menu: ReturnType<typeof buildRichMenu>) => menu.areas.map((a) => a.action as Action);

describe('rich menu definition', () => {
  const menu = buildRichMenu(org('1234567890-abc'), { createdAt: AT });

  it('fits LINE’s limits: size, six areas inside the image, no overlap, the whole image covered', () => {
    const { width, height } = menu.size;
    expect(menu.size).toEqual({ width: 2500, height: 1686 });
    expect(width).toBeGreaterThanOrEqual(800);
    expect(width).toBeLessThanOrEqual(2500);
    expect(height).toBeGreaterThanOrEqual(250);
    expect(width / height).toBeGreaterThanOrEqual(1.45);
    expect(menu.areas).toHaveLength(6);
    for (const { bounds: b } of menu.areas) {
      for (const v of [b.x, b.y, b.width, b.height]) expect(Number.isInteger(v)).toBe(true);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
      // A tap target of at least a third of the width and half the height: large on any phone.
      expect(b.width).toBeGreaterThanOrEqual(833);
      expect(b.height).toBeGreaterThanOrEqual(843);
    }
    const boxes = menu.areas.map((a) => a.bounds);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `areas ${i} and ${j} overlap`).toBe(false);
      }
    }
    expect(boxes.reduce((sum, b) => sum + b.width * b.height, 0)).toBe(width * height);
  });

  it('has a chat bar text of at most 14 characters, labels of at most 20, and a name of at most 300', () => {
    expect(menu.chatBarText.length).toBeGreaterThan(0);
    expect(menu.chatBarText.length).toBeLessThanOrEqual(14);
    expect(menu.name.length).toBeLessThanOrEqual(300);
    expect(menu.selected).toBe(true);
    for (const a of actions(menu)) {
      expect(a.label?.length).toBeGreaterThan(0);
      expect(a.label!.length).toBeLessThanOrEqual(20);
    }
  });

  it('asks and lists manuals by message, and opens the organisation’s LIFF pages for the four services', () => {
    expect(actions(menu)).toEqual([
      { type: 'message', label: 'ถามข้อมูล', text: 'วิธีใช้' },
      { type: 'message', label: 'คู่มือประชาชน', text: 'มีคู่มือบริการอะไรบ้าง' },
      { type: 'uri', label: 'ร้องเรียน', uri: 'https://liff.line.me/1234567890-abc/complaints/new' },
      { type: 'uri', label: 'ติดตามเรื่อง', uri: 'https://liff.line.me/1234567890-abc/complaints/track' },
      { type: 'uri', label: 'รับบัตรคิว', uri: 'https://liff.line.me/1234567890-abc/queue' },
      { type: 'uri', label: 'ประเมินความพึงพอใจ', uri: 'https://liff.line.me/1234567890-abc/ratings/new' },
    ]);
  });

  it('falls back to chat messages when the organisation has no LIFF app', () => {
    expect(actions(buildRichMenu(org(), { createdAt: AT })).map((a) => [a.type, a.text])).toEqual([
      ['message', 'วิธีใช้'],
      ['message', 'มีคู่มือบริการอะไรบ้าง'],
      ['message', 'ร้องเรียน'],
      ['message', 'ติดตามเรื่องร้องเรียน'],
      ['message', 'รับบัตรคิว'],
      ['message', 'ประเมินความพึงพอใจ'],
    ]);
  });

  it('opens the local LIFF pages in local mode', () => {
    const local = buildRichMenu(org(), { createdAt: AT, liffLocalBase: 'http://localhost:3000/' });
    expect(actions(local)[2]?.uri).toBe('http://localhost:3000/liff/maesot/complaints/new');
  });

  it('is named so that only this tool’s menus of this organisation are ever replaced', () => {
    expect(menu.name).toBe(richMenuName('maesot', AT));
    expect(isToolMenuOf('maesot', menu.name)).toBe(true);
    expect(isToolMenuOf('maesot-2', menu.name)).toBe(false);
    expect(isToolMenuOf('maesot', richMenuName('maesot-2', AT))).toBe(false);
    expect(isToolMenuOf('maesot', 'เมนูที่ทำใน LINE OA Manager')).toBe(false);
  });
});

describe('the committed rich menu image', () => {
  it('is a PNG of the declared size, at most 1 MB', async () => {
    const png = await readFile(DEFAULT_IMAGE);
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(RICH_MENU_SIZE);
    expect(png.byteLength).toBeLessThanOrEqual(1024 * 1024);
    expect(richMenuImageProblems(png, RICH_MENU_SIZE)).toEqual([]);
  });

  it('is drawn from the definition: every label and an icon per tile', () => {
    const html = richMenuHtml();
    for (const item of MENU_ITEMS) {
      for (const line of item.lines ?? [item.label]) expect(html).toContain(line);
      if (item.hint) expect(html).toContain(item.hint);
    }
    expect(html.match(/<svg /g)).toHaveLength(6);
  });

  it('reads the size of PNG and JPEG images and refuses anything else', () => {
    // The smallest JPEG header that carries a frame size: SOI, then SOF0 with height 843 and width 2500.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x4b, 0x09, 0xc4, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpeg', contentType: 'image/jpeg', width: 2500, height: 843 });
    expect(imageInfo(Buffer.from('GIF89a'))).toBeNull();
    expect(richMenuImageProblems(jpeg, RICH_MENU_SIZE)).toEqual(['2500×843 px: the menu declares 2500×1686']);
  });
});
