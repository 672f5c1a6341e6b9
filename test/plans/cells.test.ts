import { describe, expect, it } from 'vitest';
import { splitCell, type CellContext } from '../../functions/src/plans/parse/cells.ts';

const split = (cell: string, ctx: Partial<CellContext> = {}) => splitCell(cell, { style: 'simple', next: 1, ...ctx }).parts;

describe('a summary-table cell read as headings and items', () => {
  it('a mission heading printed before the first item of the mission is a heading, not part of the name', () => {
    expect(split('1.3.1 เสริมสร้างจิตสำนึกแก่เด็กและเยาวชน 11) โครงการโรงเรียนคุณธรรม', { next: 11 })).toEqual([
      { kind: 'mission', code: '1.3.1', title: 'เสริมสร้างจิตสำนึกแก่เด็กและเยาวชน' },
      { kind: 'item', number: '11', text: 'โครงการโรงเรียนคุณธรรม', codeMission: null },
    ]);
  });

  it('several numbered items in one cell are split, numbers may be missing when an item word follows', () => {
    const parts = split('2.2 มาตรการส่งเสริมคุณธรรม 15) โครงการหนึ่ง 16) กิจกรรมสอง 21) มาตรการสาม', { next: 15 });
    expect(parts.map((p) => (p.kind === 'item' ? `${p.number}:${p.text}` : `mission ${p.code}`))).toEqual(['mission 2.2', '15:โครงการหนึ่ง', '16:กิจกรรมสอง', '21:มาตรการสาม']);
  });

  it('a number inside the name (out of sequence, or closing a bracket) stays in the name', () => {
    expect(split('3) โครงการอบรมคุณธรรม (รุ่นที่ 4) ประจำปี 12) ครั้ง', { next: 3 })).toEqual([
      { kind: 'item', number: '3', text: 'โครงการอบรมคุณธรรม (รุ่นที่ 4) ประจำปี 12) ครั้ง', codeMission: null },
    ]);
  });

  it('numbers written (8), 8. and Thai-digit-converted 8) all start items', () => {
    expect(split('(8) โครงการก 9. กิจกรรมข 10) มาตรการค', { next: 8 }).map((p) => (p.kind === 'item' ? p.number : ''))).toEqual(['8', '9', '10']);
  });

  it('in a document numbering its items by code, a bare N.N.N is an item; followed by an item number it is a heading', () => {
    const coded = { style: 'coded' as const };
    expect(split('2.1.1 มาตรการปรับปรุงศูนย์ข้อมูล 2.1.2 โครงการเสริมสร้างความโปร่งใส', coded).map((p) => (p.kind === 'item' ? p.number : p.code))).toEqual(['2.1.1', '2.1.2']);
    expect(split('1.1.1 (1) โครงการพัฒนาความรู้ 1.1.1(2)โครงการเผยแพร่', coded).map((p) => (p.kind === 'item' ? `${p.number} ${p.codeMission}` : ''))).toEqual(['1.1.1(1) 1.1', '1.1.1(2) 1.1']);
  });
});
