/**
 * Fidelity self-check: every total the document states about itself is compared with what was parsed from its
 * rows. Figures are never adjusted; a disagreement is reported with the lines of the rows and of the total, so a
 * reader can see whether the document contradicts itself.
 */
import { detailBudgetConflict } from './budgetConflict.ts';
import type { Fidelity, FidelityCheck, Project, Report, StatedTotal } from './schema.ts';

function label(s: StatedTotal): string {
  const where = s.mission !== null ? `ภารกิจ ${s.mission}` : s.dimension === null ? 'ทั้งแผน' : `มิติที่ ${s.dimension}`;
  const year = s.year === null ? '' : ` ปี ${s.year}`;
  const what: Record<StatedTotal['measure'], string> = {
    projects: 'จำนวนโครงการ',
    budget: 'งบประมาณ',
    projectsDone: 'โครงการที่ดำเนินการแล้ว',
    budgetByOrdinance: 'งบประมาณตามข้อบัญญัติ',
    budgetSpent: 'งบประมาณที่ใช้จริง',
    percentProjects: 'ร้อยละโครงการ',
    percentBudget: 'ร้อยละงบประมาณ',
    projectsBaseline: 'โครงการตั้งต้น',
    projectsInOrdinance: 'โครงการที่บรรจุในข้อบัญญัติ',
    projectsInProgress: 'โครงการที่อยู่ระหว่างดำเนินการ',
    projectsNotPossible: 'โครงการที่ไม่สามารถดำเนินการได้',
    percentImplemented: 'ร้อยละการนำแผนไปปฏิบัติ (จากโครงการตั้งต้น)',
  };
  return `${what[s.measure]} ${where}${year}`;
}

/** A mission "2.2" holds the items placed in it; a sub-mission "2.2.1" the items numbered under it ("2.2.1(3)"). */
const inMission = (code: string, p: Project) =>
  code.split('.').length === 2 ? p.mission === code : p.number === code || p.number.startsWith(`${code}(`) || p.number.startsWith(`${code}.`);
const inScope = (s: StatedTotal) => (p: Project) =>
  (s.dimension === null || p.dimension === s.dimension) && (s.mission === null || inMission(s.mission, p));
/** Items can be placed in sub-missions only when the document numbers them so ("1.1.1(1)"). */
const numbersCarrySubMissions = (projects: Project[]) => projects.some((p) => /^[1-4]\.\d{1,2}\.\d{1,2}/.test(p.number));

function linesOf(projects: Project[]): string {
  const lines = [...new Set(projects.map((p) => p.line).filter((l): l is number => l !== null))].sort((a, b) => a - b);
  if (lines.length === 0) return 'no rows';
  return lines.length > 12 ? `lines ${lines[0]}–${lines.at(-1)}` : `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
}

/** Value of a stated plan total as parsed from the items, or null if this check does not apply to items. */
function parsedPlanValue(s: StatedTotal, projects: Project[]): number | null {
  if (s.mission !== null && s.mission.split('.').length > 2 && !numbersCarrySubMissions(projects)) return null;
  if (s.mission !== null && s.mission.split('.').length === 2 && !projects.some((p) => p.mission !== null)) return null;
  const scope = projects.filter(inScope(s));
  if (s.measure === 'projects') return scope.length;
  if (s.measure === 'budget' && s.year !== null) return scope.reduce((sum, p) => sum + (p.budgets[String(s.year)] ?? 0), 0);
  // A total over all the plan's years (a summary table's "รวม 4 ปี" column).
  if (s.measure === 'budget') return scope.reduce((sum, p) => sum + Object.values(p.budgets).reduce((a, b) => a + b, 0), 0);
  return null;
}

export function checkFidelity(input: {
  projects: Project[];
  stated: StatedTotal[];
  report: Report | null;
  unlinked?: Fidelity['unlinked'];
  notes?: string[];
}): Fidelity {
  const { projects, stated, report } = input;
  const checks: FidelityCheck[] = [];
  const contradictions: Fidelity['contradictions'] = [];

  for (const s of stated) {
    const parsed = report ? parsedReportValue(s, projects, report) : parsedPlanValue(s, projects);
    let explanation = '';
    if (parsed === null) continue;
    const agrees = Math.abs(parsed - s.value) < 0.005 + (s.measure.startsWith('percent') ? 0.01 : 0);
    if (!agrees) {
      const scope = projects.filter(inScope(s));
      if (report && s.measure === 'projectsDone') {
        explanation = `the report describes ${parsed} numbered activities under ${s.dimension === null ? 'all dimensions' : `มิติที่ ${s.dimension}`} (${linesOf(scope)}), but its table states ${s.value} at line ${s.line}`;
      } else if (report) {
        explanation = `recomputed from the report's own figures: ${round2(parsed)}; the report states ${s.value} at line ${s.line}`;
      } else if (s.measure === 'projects') {
        explanation = `the document lists ${parsed} items (${linesOf(scope)}) but states ${s.value} at line ${s.line}`;
      } else {
        const of = (p: Project) => (s.year === null ? Object.values(p.budgets).reduce((a, b) => a + b, 0) : (p.budgets[String(s.year)] ?? 0));
        const withMoney = scope.filter((p) => of(p) > 0);
        explanation = `the rows give ${parsed.toLocaleString('en-US')} (${withMoney.length ? withMoney.map((p) => `${p.number} = ${of(p).toLocaleString('en-US')} at line ${p.line}`).join('; ') : 'every row 0 or "-"'}) but the document states ${s.value.toLocaleString('en-US')} at line ${s.line}`;
      }
      contradictions.push({ line: s.line, text: s.text, note: `${label(s)}: ${explanation}` });
    }
    checks.push({ subject: label(s), stated: s.value, parsed: round2(parsed), agrees, line: s.line, text: s.text, explanation });
  }

  // The same figure stated twice with different values.
  const seen = new Map<string, StatedTotal>();
  for (const s of stated) {
    const key = `${s.measure}|${s.dimension}|${s.mission}|${s.year}`;
    const first = seen.get(key);
    if (!first) seen.set(key, s);
    else if (first.value !== s.value) {
      contradictions.push({ line: s.line, text: s.text, note: `${label(s)} is ${s.value} at line ${s.line} but ${first.value} at line ${first.line}` });
    }
  }
  // A whole-document total that is not the sum of the document's own dimension totals.
  for (const s of stated) {
    if (s.dimension !== null || s.measure.startsWith('percent')) continue;
    const parts = [1, 2, 3, 4].map((d) => stated.find((t) => t.measure === s.measure && t.dimension === d && t.year === s.year && t.mission === null));
    if (parts.some((p) => !p)) continue;
    const sum = parts.reduce((a, p) => a + (p?.value ?? 0), 0);
    if (Math.abs(sum - s.value) > 0.005) {
      contradictions.push({ line: s.line, text: s.text, note: `${label(s)} is stated as ${s.value} at line ${s.line}, but the document's dimension totals (lines ${parts.map((p) => p?.line).join(', ')}) add up to ${sum}` });
    }
  }
  // Missions' stated counts that do not add up to their dimension's stated count.
  for (const d of [1, 2, 3, 4]) {
    const total = stated.find((t) => t.measure === 'projects' && t.dimension === d && t.mission === null);
    const missions = new Map<string, StatedTotal>();
    for (const t of stated) if (t.measure === 'projects' && t.dimension === d && t.mission !== null && t.mission.split('.').length === 2 && !missions.has(t.mission)) missions.set(t.mission, t);
    if (!total || missions.size === 0) continue;
    const sum = [...missions.values()].reduce((a, t) => a + t.value, 0);
    if (sum !== total.value) {
      const parts = [...missions.values()].map((t) => `${t.mission} = ${t.value} (line ${t.line})`).join(', ');
      contradictions.push({ line: total.line, text: total.text, note: `${label(total)} is stated as ${total.value} at line ${total.line}, but the document's mission counts (${parts}) add up to ${sum}` });
    }
  }
  // A detail section whose budget differs from its summary row.
  for (const p of projects) {
    if (detailBudgetConflict(p)) {
      const values = Object.values(p.budgets);
      contradictions.push({
        line: p.detail?.line ?? p.line ?? 1,
        text: p.detail?.budgetText ?? '',
        note: `item ${p.number} "${p.name}": the summary row (line ${p.line}) gives ${[...new Set(values)].join('/')} per year, its detail section (line ${p.detail?.line}) states "${p.detail?.budgetText}"`,
      });
    }
  }

  const agreements = checks.filter((c) => c.agrees).length;
  return {
    checks,
    agreements,
    disagreements: checks.length - agreements,
    contradictions,
    unlinked: input.unlinked ?? { projects: [], sections: [] },
    notes: input.notes ?? [],
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Report figures: counts of described activities, and recomputed sums and percentages from the report's own table. */
function parsedReportValue(s: StatedTotal, activities: Project[], report: Report): number | null {
  const rows = s.dimension === null ? report.dimensions : report.dimensions.filter((r) => r.dimension === s.dimension);
  if (rows.length === 0) return null;
  const sum = (f: (r: Report['dimensions'][number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  switch (s.measure) {
    case 'projectsDone':
      return activities.filter(inScope(s)).length;
    case 'projects':
      return sum((r) => r.projectsPlanned);
    case 'budget':
      return sum((r) => r.budgetPlanned);
    case 'budgetByOrdinance':
      return sum((r) => r.budgetByOrdinance);
    case 'budgetSpent':
      return sum((r) => r.budgetSpent);
    case 'percentProjects': {
      const planned = sum((r) => r.projectsPlanned);
      return planned === 0 ? 0 : (100 * sum((r) => r.projectsDone)) / planned;
    }
    case 'percentBudget': {
      const planned = sum((r) => r.budgetPlanned);
      return planned === 0 ? 0 : (100 * sum((r) => r.budgetSpent)) / planned;
    }
    case 'percentImplemented': {
      // Recomputed from the status table's own figures: done over the projects the plan started with.
      const st = report.status;
      return st?.done != null && st.baselineProjects ? (100 * st.done) / st.baselineProjects : null;
    }
    case 'projectsBaseline':
    case 'projectsInOrdinance':
    case 'projectsInProgress':
    case 'projectsNotPossible':
      // Stated once, in the status table: nothing else in the report to check them against.
      return null;
  }
}

/** The fidelity report as terminal text. */
export function formatFidelity(f: Fidelity): string {
  const out: string[] = [];
  out.push(`Fidelity: ${f.agreements} agree, ${f.disagreements} disagree (of ${f.checks.length} stated totals)`);
  for (const c of f.checks) {
    out.push(`  ${c.agrees ? 'OK  ' : 'DIFF'} ${c.subject}: stated ${c.stated.toLocaleString('en-US')} (line ${c.line}), parsed ${c.parsed.toLocaleString('en-US')}${c.agrees ? '' : ` — ${c.explanation}`}`);
  }
  if (f.contradictions.length) {
    out.push('The document contradicts itself:');
    for (const c of f.contradictions) out.push(`  line ${c.line}: ${c.note}`);
  }
  if (f.unlinked.projects.length || f.unlinked.sections.length) {
    out.push('Not linked:');
    for (const p of f.unlinked.projects) out.push(`  summary item without detail section: ${p.id} ${p.name} (line ${p.line ?? '-'})`);
    for (const s of f.unlinked.sections) out.push(`  detail section without summary item: ${s.name} (line ${s.line})`);
  }
  for (const n of f.notes) out.push(`  note: ${n}`);
  return out.join('\n');
}
