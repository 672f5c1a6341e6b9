/**
 * The report as plain text in the template's layout (the same layout the importer reads from other organisations'
 * reports: functions/src/plans/parse/report.ts), so `npm run import` of a generated report gives back its figures.
 * Tables are tab-separated; figures use Arabic digits with thousands separators and two decimals, as the template.
 * Like the template, the numbered results describe the projects carried out (done in the period); the others are
 * listed apart, before them, with their status.
 */
import { formatThaiDate } from '../time/bangkok.ts';
import { formatBaht, formatFixed } from '../text/numbers.ts';
import type { DimensionFigures, ReportModel } from './build.ts';

export const money = (n: number) => formatFixed(n, 2);
export const pct = (n: number) => n.toFixed(2);
const baht = (n: number) => formatBaht(n);

/**
 * Words and numbers that start the template's structure (a dimension or mission heading, a numbered activity, its
 * steps or results heading, a budget or responsible-unit label). A line of staff text starting with one is quoted.
 */
const STRUCTURAL = /^(?:[-●•▪]\s*)*(?:ม(?:ิ)?ติ|\d|[๐-๙]|การดำเนิน|ผลการดำเนิน|ผลดำเนิน|ขั้นตอน|วิธี|งบประมาณ|ใช้งบ|เบิกจ่าย|ผู้รับผิดชอบ|หน่วยงาน|รายงานผล)/;

/** Each line of staff-typed text as a bullet, quoted where it could read as a heading of the template. */
const bullets = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/\t/g, ' ').trim())
    .filter((l) => l !== '')
    .map((l) => `- ${STRUCTURAL.test(l) ? `“${l}”` : l}`);

export function reportTitle(m: Pick<ReportModel, 'fiscalYear' | 'periodLabel'>): string {
  return `รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. ${m.fiscalYear} ${m.periodLabel}`;
}

function row(label: string, f: DimensionFigures): string {
  return [label, f.dimension ?? '', f.projectsPlanned, f.projectsDone, money(f.budgetPlanned), money(f.budgetByOrdinance), money(f.budgetSpent), pct(f.percentProjects), pct(f.percentBudget)].join('\t');
}

export function reportText(m: ReportModel): string {
  const out: string[] = [];
  const place = [m.org.district ? `อำเภอ${m.org.district}` : '', m.org.province ? `จังหวัด${m.org.province}` : ''].filter(Boolean).join(' ');
  out.push(`${m.org.name}${place ? ` ${place}` : ''}`, '');
  out.push(reportTitle(m));
  out.push(['ชื่อ อปท.', 'มิติ', 'โครงการ', '', 'งบประมาณ', '', '', 'ร้อยละดำเนินการ', ''].join('\t'));
  out.push(['', '', 'ตามแผน', 'ดำเนินการแล้ว', 'ตามแผน', 'ตามข้อบัญญัติ/ เทศบัญญัติ', 'ใช้จริง', 'โครงการ', 'งบประมาณ'].join('\t'));
  m.dimensions.forEach((d, i) => out.push(row(i === 0 ? m.org.name : '', d)));
  out.push(row('รวม', m.total));
  out.push('');
  out.push('การเบิกจ่ายงบประมาณ', '');
  out.push(['มิติ', 'ตามแผนป้องกันฯ', 'ข้อบัญญัติ/เทศบัญญัติ', 'การเบิกจ่าย'].join('\t'));
  for (const d of m.dimensions) out.push([`มิติที่ ${d.dimension}`, money(d.budgetPlanned), money(d.budgetByOrdinance), money(d.budgetSpent)].join('\t'));
  out.push(['รวม 4 มิติ', money(m.total.budgetPlanned), money(m.total.budgetByOrdinance), money(m.total.budgetSpent)].join('\t'));
  out.push('');
  out.push(`** ข้อมูล ณ วันที่ ${formatThaiDate(m.asOf)} (ช่วงรายงาน ${formatThaiDate(m.range.from)} – ${formatThaiDate(m.range.to)})`);
  if (m.total.ordinanceMissing > 0) out.push(`** งบประมาณตามข้อบัญญัติ/เทศบัญญัติ: ยังไม่ได้บันทึก ${m.total.ordinanceMissing} โครงการ (นับเป็น 0)`);
  out.push('');
  out.push('ปัญหาและอุปสรรค', ...(bullets(m.problems).length ? bullets(m.problems) : ['- ไม่มี']), '');
  out.push('ข้อเสนอแนะ', ...(bullets(m.suggestions).length ? bullets(m.suggestions) : ['- ไม่มี']), '');
  // Projects not done in the period: listed apart, as the template describes only the projects carried out.
  const open = m.projects.filter((p) => p.status !== 'done');
  out.push('โครงการที่ยังไม่แล้วเสร็จในช่วงรายงาน');
  if (open.length === 0) out.push('- ไม่มี');
  for (const p of open) {
    const detail = [p.reason ? `เหตุผล: ${p.reason}` : '', p.spentBaht > 0 ? `ใช้จริง ${baht(p.spentBaht)}` : '', p.results ? `ผล: ${p.results}` : '']
      .filter(Boolean)
      .join(' · ')
      .replace(/\s+/g, ' ');
    out.push(`- (มิติ ${p.dimension}) ${p.name}: ${p.statusLabel}${detail ? ` · ${detail}` : ''}`);
  }
  out.push('');
  out.push(`รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${m.fiscalYear} ${m.periodLabel}`, '');
  for (const d of m.dimensions) {
    out.push(`มิติที่ ${d.dimension}${d.title ? ` ${d.title}` : ''}`, '');
    const list = m.projects.filter((p) => p.dimension === d.dimension && p.status === 'done');
    if (list.length === 0) out.push('- ไม่มีโครงการที่ดำเนินการแล้วเสร็จในช่วงรายงาน', '');
    list.forEach((p, i) => {
      out.push(`${i + 1}. ${p.name}`);
      out.push('การดำเนินการ');
      if (p.startedOn) out.push(`- เริ่มดำเนินการ: ${formatThaiDate(p.startedOn)}`);
      if (p.finishedOn) out.push(`- แล้วเสร็จ: ${formatThaiDate(p.finishedOn)}`);
      out.push(`- งบประมาณตามแผน: ${p.budgetBaht === null ? 'แผนไม่ได้ระบุ' : baht(p.budgetBaht)}`);
      for (const l of bullets(p.outputs)) out.push(l);
      out.push(`งบประมาณที่ใช้จริง ${baht(p.spentBaht)}`);
      if (p.responsibleUnit) out.push(`ผู้รับผิดชอบ : ${p.responsibleUnit.replace(/\s+/g, ' ')}`);
      out.push('ผลการดำเนินการ');
      const results = bullets(p.results);
      out.push(...(results.length ? results : ['- ไม่ได้ระบุผล']));
      out.push('');
    });
  }
  return `${out.join('\n')}\n`;
}
