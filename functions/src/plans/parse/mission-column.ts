/**
 * A summary table's mission column after the item's name (ที่ | โครงการ/กิจกรรม/มาตรการ | ภารกิจ | หน่วยงาน… | ปี …):
 * each item's mission code, printed on every row or only on the first row of each mission (an empty cell below it
 * means "the same mission as above", within the dimension). The template's own mission column before the name holds
 * headings ("1.1 <title>") and is read with the row's other cells before the name (`summary.ts`).
 */

/** What a mission cell says: nothing (carry the mission above), "-" (no mission), a code, or text that is no code. */
export type MissionCell = { kind: 'empty' } | { kind: 'none' } | { kind: 'code'; code: string; title: string } | { kind: 'unread'; text: string };

/**
 * "1.1", "๑.๒" (digits already Arabic), "ภารกิจที่ 2.2", "ภารกิจ 2.2 :", "1.1 <title>", a sub-mission "1.2.3" (mission
 * 1.2), wrapped over lines. A cell of text without a code is not read (and flagged by the caller).
 */
export function readMissionCell(text: string): MissionCell {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return { kind: 'empty' };
  if (/^[-–—]$/.test(t)) return { kind: 'none' };
  const m = t.replace(/^(?:[-●•]\s*)?(?:ภารกิจ|การกิจ|พันธกิจ)\s*(?:ที่)?\s*/, '').match(/^([1-4])\s*\.\s*(\d{1,2})(?:\s*\.\s*\d{1,2})*(?![\d,])\s*[:.)–-]?\s*(.*)$/s);
  if (m?.[1] && m[2]) return { kind: 'code', code: `${Number(m[1])}.${Number(m[2])}`, title: (m[3] ?? '').trim() };
  return { kind: 'unread', text: t.length > 60 ? `${t.slice(0, 60)}…` : t };
}
