/**
 * The public statistics page of a fiscal year: one printable A4 document, a table and a chart per topic. Corruption
 * reports appear as four counts only. Every value is escaped (reports/page.ts).
 */
import { formatThaiDate, formatThaiDateTime } from '../time/bangkok.ts';
import { barChart, esc, num, printablePage } from '../reports/page.ts';
import type { OrgStatistics } from './service.ts';

const td = (v: number | null | undefined, suffix = '') => `<td class="n">${esc(num(v))}${v === null || v === undefined ? '' : esc(suffix)}</td>`;

export function statisticsHtml(s: OrgStatistics, links: { json: string; complaintsCsv: string; ratingsCsv: string }): string {
  const g = s.complaints.general;
  const t = g.totals;
  const r = g.response;
  const months = g.byMonth
    .map((m) => `<tr><th scope="row">${esc(m.month)}</th>${td(m.received)}${td(m.finished)}${td(m.inProgress)}${td(m.overdue)}${td(m.finishedOnTime)}</tr>`)
    .join('');
  const categories = g.byCategory.map((c) => `<tr><th scope="row">${esc(c.title)}</th>${td(c.received)}${td(c.finished)}${td(c.inProgress)}${td(c.overdue)}</tr>`).join('');
  const complaintChart = barChart({ title: 'เรื่องร้องเรียนทั่วไปที่รับ รายเดือน', bars: g.byMonth.map((m) => ({ label: m.month, value: m.received })), unit: ' เรื่อง' });

  const q = s.queue.services;
  const queueRows = q
    .map(
      (x) => `<tr><th scope="row">${esc(x.name)}</th>${td(x.issued)}${td(x.served)}${td(x.waitMedianMinutes, ' นาที')}${td(x.waitP90Minutes, ' นาที')}${td(x.serviceMedianMinutes, ' นาที')}${td(x.totalMedianMinutes, ' นาที')}<td>${x.standard ? `${esc(num(x.standard.minutes))} นาที<br><span class="small muted">${esc(x.standard.source)}</span>` : '<span class="muted">คู่มือไม่ได้ระบุเป็นนาที/ชั่วโมง</span>'}</td>${td(x.withinStandardPercent, '%')}</tr>`,
    )
    .join('');
  const queueChart = barChart({
    title: 'เวลารอรวมรับบริการ (มัธยฐาน) เทียบมาตรฐาน',
    bars: q.map((x) => ({ label: x.name, value: x.totalMedianMinutes ?? 0, mark: x.standard?.minutes ?? null })),
    unit: ' นาที',
    markLabel: 'เวลามาตรฐานตามคู่มือ',
  });

  const rt = s.ratings;
  const headline = (x: { allItems: { meanPercent: number | null; satisfiedPercent: number | null } }) => (rt.target.basis === 'mean' ? x.allItems.meanPercent : x.allItems.satisfiedPercent);
  const ratingRows = rt.byService
    .map((x) => `<tr><th scope="row">${esc(x.title)}</th>${td(x.ratings)}${td(x.allItems.meanPercent, '%')}${td(x.allItems.satisfiedPercent, '%')}<td>${x.meetsTarget === null ? '–' : x.meetsTarget ? '<span class="badge ok">ถึงเป้า</span>' : '<span class="badge no">ต่ำกว่าเป้า</span>'}</td></tr>`)
    .join('');
  const ratingChart = barChart({
    title: `${rt.target.basisLabel} รายบริการ`,
    bars: rt.byService.map((x) => ({ label: x.title, value: headline(x) ?? 0, mark: rt.target.percent })),
    max: 100,
    unit: '%',
    markLabel: `${rt.target.label} ${rt.target.percent}%`,
  });

  const body = `<header><p class="muted">${esc(s.org.name)}</p>
<h1>สถิติการให้บริการและเรื่องร้องเรียน ปีงบประมาณ ${s.fiscalYear}</h1>
<p>ช่วงข้อมูล ${esc(formatThaiDate(s.range.from))} – ${esc(formatThaiDate(s.through))}${s.through < s.range.to ? ' (ปีงบประมาณยังไม่สิ้นสุด)' : ''}</p></header>

<h2>1. เรื่องร้องเรียนทั่วไป</h2>
<div class="pair"><table><tbody>
<tr><th scope="row">รับเรื่อง</th>${td(t.received, ' เรื่อง')}</tr>
<tr><th scope="row">ดำเนินการแล้วเสร็จ</th>${td(t.finished, ' เรื่อง')}</tr>
<tr><th scope="row">อยู่ระหว่างดำเนินการ</th>${td(t.inProgress, ' เรื่อง')}</tr>
<tr><th scope="row">เกินกำหนด 15 วัน (ยังไม่เสร็จ)</th>${td(t.overdue, ' เรื่อง')}</tr>
<tr><th scope="row">เสร็จภายใน 15 วัน</th>${td(t.finishedOnTime, ' เรื่อง')}</tr>
<tr><th scope="row">ระยะเวลาถึงการตอบรับครั้งแรก (มัธยฐาน)</th>${td(r.medianHoursToFirstResponse, ' ชั่วโมง')}</tr>
<tr><th scope="row">ตอบรับภายใน 1 วัน / 3 วัน</th><td class="n">${esc(num(r.within1DayPercent))}% / ${esc(num(r.within3DaysPercent))}%</td></tr>
<tr><th scope="row">ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข (เปิดเรื่องใหม่)</th><td class="n">${esc(num(r.reopened))} จาก ${esc(num(r.everResolved))} เรื่องที่แก้ไขแล้ว (${esc(num(r.reopenedPercent))}%)</td></tr>
</tbody></table>${complaintChart}</div>
<h3>รายเดือน (ตามเดือนที่รับเรื่อง)</h3>
<table><thead><tr><th>เดือน</th><th class="n">รับ</th><th class="n">เสร็จ</th><th class="n">ระหว่างดำเนินการ</th><th class="n">เกินกำหนด</th><th class="n">เสร็จในกำหนด</th></tr></thead><tbody>${months || '<tr><td colspan="6" class="muted">ไม่มีเรื่องในช่วงนี้</td></tr>'}</tbody></table>
<h3>รายหมวดเรื่อง</h3>
<table><thead><tr><th>หมวด</th><th class="n">รับ</th><th class="n">เสร็จ</th><th class="n">ระหว่างดำเนินการ</th><th class="n">เกินกำหนด</th></tr></thead><tbody>${categories || '<tr><td colspan="5" class="muted">ไม่มีเรื่องในช่วงนี้</td></tr>'}</tbody></table>

<h2>2. เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h2>
<p class="small muted">นับแยกจากเรื่องทั่วไป แสดงเป็นจำนวนเท่านั้น เพื่อคุ้มครองผู้แจ้ง</p>
<table><thead><tr><th class="n">รับเรื่อง</th><th class="n">ดำเนินการแล้วเสร็จ</th><th class="n">อยู่ระหว่างดำเนินการ</th><th class="n">เกินกำหนด</th></tr></thead>
<tbody><tr>${td(s.complaints.corruption.received)}${td(s.complaints.corruption.finished)}${td(s.complaints.corruption.inProgress)}${td(s.complaints.corruption.overdue)}</tr></tbody></table>

<h2>3. บัตรคิวและเวลารอรับบริการ</h2>
<div class="pair"><table><thead><tr><th>บริการ</th><th class="n">ออกบัตร</th><th class="n">ให้บริการแล้ว</th><th class="n">รอ (มัธยฐาน)</th><th class="n">รอ (P90)</th><th class="n">ให้บริการ (มัธยฐาน)</th><th class="n">รวม (มัธยฐาน)</th><th>มาตรฐานตามคู่มือ</th><th class="n">ภายในมาตรฐาน</th></tr></thead>
<tbody>${queueRows || '<tr><td colspan="9" class="muted">ไม่มีบริการบัตรคิว</td></tr>'}</tbody></table>${queueChart}</div>
<p class="small muted">เวลารอ = จากรับบัตรถึงถูกเรียกครั้งแรก · รวม = จากรับบัตรถึงเสร็จบริการ · ภายในมาตรฐาน = ร้อยละของผู้รับบริการที่ใช้เวลารวมไม่เกินระยะเวลาที่คู่มือสำหรับประชาชนของบริการนั้นระบุ</p>

<h2>4. ความพึงพอใจต่อการให้บริการ</h2>
<p>${esc(rt.target.label)}: ${esc(rt.target.basisLabel)} ไม่น้อยกว่าร้อยละ ${esc(num(rt.target.percent))}${rt.target.source ? ` <span class="small muted">(${esc(rt.target.source)})</span>` : ''}</p>
<div class="pair"><table><thead><tr><th>บริการ</th><th class="n">ผู้ประเมิน</th><th class="n">ร้อยละความพึงพอใจ</th><th class="n">ร้อยละผู้พึงพอใจ (4-5)</th><th>เทียบเป้า</th></tr></thead>
<tbody>${ratingRows || '<tr><td colspan="5" class="muted">ยังไม่มีผู้ประเมิน</td></tr>'}</tbody>
<tfoot><tr><th scope="row">รวม</th>${td(rt.total.ratings)}${td(rt.total.allItems.meanPercent, '%')}${td(rt.total.allItems.satisfiedPercent, '%')}<td>${rt.total.meetsTarget === null ? '–' : rt.total.meetsTarget ? 'ถึงเป้า' : 'ต่ำกว่าเป้า'}</td></tr></tfoot></table>${ratingChart}</div>
<p class="small muted">${esc(rt.definitions.meanPercent)} · ${esc(rt.definitions.satisfiedPercent)}</p>`;
  return printablePage({
    title: `สถิติปีงบประมาณ ${s.fiscalYear}`,
    orgName: s.org.name,
    body,
    nav: `<a href="${esc(links.json)}">JSON</a> · <a href="${esc(links.complaintsCsv)}">CSV เรื่องร้องเรียน</a> · <a href="${esc(links.ratingsCsv)}">CSV ความพึงพอใจ</a>`,
    footer: `คำนวณจากข้อมูลในระบบเมื่อ ${esc(formatThaiDateTime(s.generatedAt))} น. (ปรับปรุงทุก 5 นาที)`,
  });
}
