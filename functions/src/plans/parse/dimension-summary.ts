/**
 * A plan's table of counts and budgets per dimension (มิติ | จำนวนโครงการ | งบประมาณ ปี 2565 (บาท) | หมายเหตุ), as
 * stated totals: one row per dimension ("มิติที่ 1 …", or its standard title), and a รวม row for the whole plan. The
 * counts then check the items read (and raise the count-mismatch flags), the budgets the sums.
 */
import { budgetCellValues, matchKey } from '../normalize.ts';
import type { StatedTotal } from '../schema.ts';
import { DIMENSION_HEADING, dimensionByWords, unbullet, type Line } from './common.ts';

export function readDimensionSummary(lines: Line[], fiscalYear: number | null): { stated: StatedTotal[]; lines: Set<number> } {
  const stated: StatedTotal[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const header = (lines[i]?.text ?? '').split('\t').map((c) => c.trim());
    if (header.length < 2) continue;
    const dimCol = header.findIndex((c) => /^(?:มิติ|ด้าน)(?:ที่)?$/.test(c));
    const countCol = header.findIndex((c) => /^จำนวน/.test(c) && /โครงการ|กิจกรรม|มาตรการ/.test(c));
    const budgetCol = header.findIndex((c) => /งบประมาณ/.test(c));
    if (dimCol < 0 || countCol < 0) continue;
    used.add(lines[i]?.no ?? 0);
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j] as Line;
      if (l.text.trim() === '') continue;
      if (!l.text.includes('\t')) break;
      const cells = l.text.split('\t').map((c) => c.trim());
      const first = unbullet(cells[dimCol] ?? '');
      const total = /^รวม/.test(first);
      const heading = first.match(DIMENSION_HEADING);
      const dimension = total ? null : heading?.[1] ? Number(heading[1]) : dimensionByWords(matchKey(first));
      if (!total && dimension === null) break;
      used.add(l.no);
      const count = (cells[countCol] ?? '').match(/^(\d{1,3})(?:\s*โครงการ)?$/);
      if (count?.[1]) stated.push({ measure: 'projects', dimension, mission: null, year: null, value: Number(count[1]), line: l.no, text: l.raw.trim() });
      const values = budgetCol >= 0 ? budgetCellValues(cells[budgetCol] ?? '') : [];
      if (values.length === 1 && fiscalYear !== null) stated.push({ measure: 'budget', dimension, mission: null, year: fiscalYear, value: values[0] ?? 0, line: l.no, text: l.raw.trim() });
      if (total) break;
    }
  }
  return { stated, lines: used };
}
