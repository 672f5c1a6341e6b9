/**
 * The report as a printable page (A4, Thai, Buddhist-era dates, page numbers) and as CSV. Same figures as the text
 * form (text.ts), from the same model (build.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { formatThaiDate, formatThaiDateTime } from '../time/bangkok.ts';
import type { DimensionFigures, ReportModel } from './build.ts';
import { barChart, esc, money2, printablePage } from './page.ts';
import { reportTitle } from './text.ts';

const figureRow = (label: string, f: DimensionFigures) =>
  `<tr><th scope="row" class="nw">${esc(label)}</th><td class="n">${f.projectsPlanned}</td><td class="n">${f.projectsDone}</td><td class="n">${money2(f.budgetPlanned)}</td><td class="n">${money2(f.budgetByOrdinance)}</td><td class="n">${money2(f.budgetSpent)}</td><td class="n">${f.percentProjects.toFixed(2)}</td><td class="n">${f.percentBudget.toFixed(2)}</td></tr>`;

const paragraphs = (text: string, empty: string) => {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map((l) => `<p>${esc(l)}</p>`).join('') : `<p class="muted">${esc(empty)}</p>`;
};

export function reportHtml(m: ReportModel, links: { csv: string; text: string }): string {
  const place = [m.org.district ? `อำเภอ${m.org.district}` : '', m.org.province ? `จังหวัด${m.org.province}` : ''].filter(Boolean).join(' ');
  const dims = m.dimensions.map((d) => figureRow(`มิติที่ ${d.dimension}`, d)).join('');
  const chart = barChart({
    title: 'ร้อยละโครงการที่ดำเนินการแล้ว รายมิติ',
    bars: m.dimensions.map((d) => ({ label: `มิติที่ ${d.dimension}`, value: d.percentProjects })),
    max: 100,
    unit: '%',
  });
  const statusCounts = `<p class="small">ดำเนินการแล้วเสร็จ ${m.total.projectsDone} · อยู่ระหว่างดำเนินการ ${m.total.projectsInProgress} · ยังไม่ได้ดำเนินการ ${m.total.projectsNotStarted} · ยกเลิก/เลื่อน ${m.total.projectsCancelled} (จากทั้งหมด ${m.total.projectsPlanned} โครงการ)</p>`;
  const projects = m.dimensions
    .map((d) => {
      const list = m.projects.filter((p) => p.dimension === d.dimension);
      const items = list
        .map(
          (p, i) => `<div class="project"><h3>${i + 1}. ${esc(p.name)}</h3>
<p class="small"><span class="badge ${p.status === 'done' ? 'ok' : p.status === 'cancelled' ? 'no' : ''}">${esc(p.statusLabel)}</span>
${p.reason ? ` เหตุผล: ${esc(p.reason)}` : ''}
· งบประมาณตามแผน ${p.budgetBaht === null ? 'แผนไม่ได้ระบุ' : `${money2(p.budgetBaht)} บาท`} · ใช้จริง ${money2(p.spentBaht)} บาท
${p.startedOn ? ` · เริ่ม ${esc(formatThaiDate(p.startedOn))}` : ''}${p.finishedOn ? ` · แล้วเสร็จ ${esc(formatThaiDate(p.finishedOn))}` : ''}
${p.responsibleUnit ? ` · ผู้รับผิดชอบ ${esc(p.responsibleUnit)}` : ''}${p.evidenceFiles ? ` · หลักฐาน ${p.evidenceFiles} ไฟล์` : ''}</p>
${p.outputs ? `<p><strong>ผลผลิต:</strong> ${esc(p.outputs)}</p>` : ''}
<p><strong>ผลการดำเนินการ:</strong> ${p.results ? esc(p.results) : '<span class="muted">ยังไม่มีการรายงานผล</span>'}</p></div>`,
        )
        .join('');
      return `<h2>มิติที่ ${d.dimension}${d.title ? ` ${esc(d.title)}` : ''}</h2>${items || '<p class="muted">ไม่มีโครงการในปีนี้</p>'}`;
    })
    .join('');
  const body = `<header>
<p class="muted">${esc(m.org.name)}${place ? ` ${esc(place)}` : ''}</p>
<h1>${esc(reportTitle(m))}</h1>
<p>ตามแผนปฏิบัติการป้องกันการทุจริต: ${esc(m.plan.title)}<br>
ช่วงรายงาน ${esc(formatThaiDate(m.range.from))} – ${esc(formatThaiDate(m.range.to))} · ข้อมูล ณ วันที่ ${esc(formatThaiDate(m.asOf))}</p>
</header>
<h2>สรุปผลการดำเนินงานรายมิติ</h2>
<div class="pair"><table>
<thead><tr><th rowspan="2">มิติ</th><th colspan="2">โครงการ</th><th colspan="3">งบประมาณ (บาท)</th><th colspan="2">ร้อยละดำเนินการ</th></tr>
<tr><th class="n">ตามแผน</th><th class="n">ดำเนินการแล้ว</th><th class="n">ตามแผน</th><th class="n">ตามข้อบัญญัติ/ เทศบัญญัติ</th><th class="n">ใช้จริง</th><th class="n">โครงการ</th><th class="n">งบประมาณ</th></tr></thead>
<tbody>${dims}</tbody><tfoot>${figureRow('รวม', m.total)}</tfoot></table>
${chart}</div>
${statusCounts}
${m.total.ordinanceMissing > 0 ? `<p class="small muted">งบประมาณตามข้อบัญญัติ/เทศบัญญัติ: ยังไม่ได้บันทึก ${m.total.ordinanceMissing} โครงการ (นับเป็น 0)</p>` : ''}
<h2>ผลการดำเนินงานรายโครงการ</h2>
${projects}
<h2>ปัญหาและอุปสรรค</h2>${paragraphs(m.problems, 'ไม่มี')}
<h2>ข้อเสนอแนะ</h2>${paragraphs(m.suggestions, 'ไม่มี')}`;
  return printablePage({
    title: reportTitle(m),
    orgName: m.org.name,
    body,
    nav: `<a href="${esc(links.csv)}">ดาวน์โหลด CSV</a> · <a href="${esc(links.text)}">ข้อความตามแบบรายงาน (นำเข้าได้)</a>`,
    footer: `สร้างจากข้อมูลความคืบหน้าที่เจ้าหน้าที่บันทึก เมื่อ ${esc(formatThaiDateTime(m.generatedAt))} น. · ร้อยละงบประมาณ = ใช้จริง ÷ งบตามแผน × 100 (เป็น 0.00 เมื่องบตามแผนเป็น 0) · โครงการที่แล้วเสร็จหลังสิ้นช่วงรายงานนับเป็นอยู่ระหว่างดำเนินการ`,
  });
}

export function reportCsv(m: ReportModel): string {
  const rows: Array<Array<string | number>> = [];
  rows.push([reportTitle(m), m.org.name, `ข้อมูล ณ ${m.asOf}`]);
  rows.push(['มิติ', 'โครงการตามแผน', 'โครงการดำเนินการแล้ว', 'งบประมาณตามแผน', 'งบประมาณตามข้อบัญญัติ/เทศบัญญัติ', 'งบประมาณใช้จริง', 'ร้อยละโครงการ', 'ร้อยละงบประมาณ']);
  const fig = (label: string, f: DimensionFigures) => [label, f.projectsPlanned, f.projectsDone, f.budgetPlanned.toFixed(2), f.budgetByOrdinance.toFixed(2), f.budgetSpent.toFixed(2), f.percentProjects.toFixed(2), f.percentBudget.toFixed(2)];
  for (const d of m.dimensions) rows.push(fig(String(d.dimension), d));
  rows.push(fig('รวม', m.total));
  rows.push([]);
  rows.push(['มิติ', 'ลำดับในแผน', 'รหัสโครงการ', 'ชื่อโครงการ', 'สถานะ', 'งบประมาณตามแผน', 'งบประมาณตามข้อบัญญัติ/เทศบัญญัติ', 'ใช้จริง', 'วันที่เริ่ม', 'วันที่แล้วเสร็จ', 'เหตุผล (ยกเลิก/เลื่อน)', 'ผลผลิต', 'ผลการดำเนินการ', 'ผู้รับผิดชอบ', 'ไฟล์หลักฐาน']);
  for (const p of m.projects) {
    rows.push([p.dimension, p.number, p.id, p.name, p.statusLabel, p.budgetBaht === null ? '' : p.budgetBaht.toFixed(2), p.approvedBaht === null ? '' : p.approvedBaht.toFixed(2), p.spentBaht.toFixed(2), p.startedOn ?? '', p.finishedOn ?? '', p.reason ?? '', p.outputs, p.results, p.responsibleUnit ?? '', p.evidenceFiles]);
  }
  rows.push([]);
  rows.push(['ปัญหาและอุปสรรค', m.problems]);
  rows.push(['ข้อเสนอแนะ', m.suggestions]);
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
