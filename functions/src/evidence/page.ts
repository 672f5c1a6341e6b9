/** The public evidence index page: one printable table of the year's items with their links and readiness. */
import { formatThaiDateTime } from '../time/bangkok.ts';
import { esc, printablePage } from '../reports/page.ts';
import type { EvidenceIndex } from './service.ts';

export function evidenceHtml(e: EvidenceIndex, years: number[], jsonUrl: string): string {
  const rows = e.items
    .map(
      (i) => `<tr><td>${esc(i.code)}${i.codeVerified ? '' : ' <span class="small muted">(ยังไม่ยืนยัน)</span>'}</td><td>${esc(i.title)}</td>
<td>${i.url ? `<a href="${esc(i.url)}">${esc(i.url)}</a>` : '<span class="muted">ยังไม่มี</span>'}</td>
<td>${i.ready ? '<span class="badge ok">พร้อม</span>' : `<span class="badge no">ยังไม่พร้อม</span>${i.note ? `<br><span class="small">${esc(i.note)}</span>` : ''}`}</td>
<td class="small">${i.updatedAt ? esc(formatThaiDateTime(i.updatedAt)) : '–'}</td></tr>`,
    )
    .join('');
  const ready = e.items.filter((i) => i.ready).length;
  const body = `<header><p class="muted">${esc(e.org.name)}</p>
<h1>หลักฐานประกอบการประเมินคุณธรรมและความโปร่งใส (ITA) ปี ${e.year}</h1>
<p>ตามรายการจาก: ${esc(e.manual.title)} (${esc(e.manual.publisher)})${e.manual.url ? ` <a href="${esc(e.manual.url)}">คู่มือ</a>` : ''}</p>
<p class="small ${e.verified ? '' : 'muted'}"><strong>${e.verified ? 'ตรวจกับคู่มือแล้ว' : 'ยังไม่ได้ตรวจกับคู่มือ'}:</strong> ${esc(e.verification)}</p>
<p>พร้อม ${ready} จาก ${e.items.length} รายการ · ปีอื่น: ${years.map((y) => (y === e.year ? `<strong>${y}</strong>` : `<a href="?year=${y}">${y}</a>`)).join(' ')}</p></header>
<table><thead><tr><th>รหัส</th><th>รายการ</th><th>ลิงก์สาธารณะ</th><th>สถานะข้อมูลปีนี้</th><th>ปรับปรุงล่าสุด</th></tr></thead><tbody>${rows}</tbody></table>
<p class="small muted">ลิงก์ที่ขึ้นต้นด้วย / อยู่บนเว็บไซต์นี้ · ลิงก์ liff.line.me เปิดในแอป LINE · หน้าเหล่านี้เปิดได้โดยไม่ต้องเข้าสู่ระบบ และไม่แสดงตัวตนผู้ร้องเรียนหรือเนื้อหาเรื่องแจ้งเบาะแสการทุจริต</p>`;
  return printablePage({
    title: `หลักฐาน ITA ปี ${e.year}`,
    orgName: e.org.name,
    body,
    nav: `<a href="${esc(jsonUrl)}">JSON</a>`,
    footer: `สร้างเมื่อ ${esc(formatThaiDateTime(e.generatedAt))} น.`,
  });
}
