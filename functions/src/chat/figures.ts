import type { ParsedDocument, Project, ReportDimensionRow, StatedTotal } from '../plans/schema.ts';
import { formatBaht, formatDecimal, formatNumber } from './format.ts';
import type { Lang } from './lang.ts';
import type { FigureSource, ListFilters } from './types.ts';

/**
 * Figures of a plan or report with where they come from. Rule: a figure the document states about itself (its
 * totals, `doc.stated`) is answered as stated, with its line; where the document's rows add up to something else the
 * answer says so in one short line. A figure the document does not state (a total for one responsible unit) is the
 * sum of the rows it covers, said to be one. Pure.
 */

export interface Figures {
  /** The lead: the sentence that answers, then at most a short note line. */
  text: string;
  sources: FigureSource[];
  /** Details one message below the lead (figures per year), never in the lead itself. */
  detail?: string;
}

export interface FigureDoc {
  doc: ParsedDocument;
  planId?: string | undefined;
  lang: Lang;
}

type Measure = StatedTotal['measure'];

/** The national template's words for the whole document's total row. */
const GRAND_TOTAL = /^(?:รวมทั้งสิ้น|รวมทั้งหมด|รวมทุกมิติ|รวม4มิติ|รวมทั้งแผน)/u;

export function source(fd: FigureDoc, figure: string, line: number | null | undefined, derived?: string): FigureSource {
  return {
    figure,
    kind: fd.doc.kind === 'report' ? 'report' : 'plan',
    ...(fd.planId ? { planId: fd.planId } : {}),
    ...(line ? { line } : {}),
    ...(derived ? { derived } : {}),
  };
}

/** The document's own statement of a figure for exactly this scope; when it states it more than once, the value most often stated (earliest first). */
export function stated(doc: ParsedDocument, measure: Measure, scope: { dimension?: number | undefined; mission?: string | undefined; year?: number | null | undefined }): StatedTotal | null {
  const of = (s: StatedTotal) => s.measure === measure && s.mission === (scope.mission ?? null) && (scope.year === undefined || s.year === scope.year);
  // A row the template's grand-total words open ("รวมทั้งสิ้น…") is the whole document's, whatever dimension the
  // import put it under.
  const whole = (s: StatedTotal) => s.dimension === null || (s.mission === null && GRAND_TOTAL.test(s.text.replace(/[*_<>/p\s]+/gu, '')));
  const found = doc.stated.filter((s) => {
    if (!of(s)) return false;
    if (scope.mission !== undefined) return s.dimension === (scope.dimension ?? null);
    return scope.dimension === undefined ? whole(s) : s.dimension === scope.dimension && !whole(s);
  });
  if (found.length === 0) return null;
  const counts = new Map<number, number>();
  for (const s of found) counts.set(s.value, (counts.get(s.value) ?? 0) + 1);
  const best = Math.max(...counts.values());
  return found.find((s) => counts.get(s.value) === best) ?? null;
}

/** Whether the filters are a scope the document states figures for (whole plan, a dimension, a mission). */
export function statedScope(f: ListFilters): boolean {
  return f.unit === undefined && f.missions === undefined && f.topic === undefined && !f.withBudget && !f.noBudget;
}

const en = (fd: FigureDoc) => fd.lang === 'en';
const baht = (fd: FigureDoc, n: number) => (en(fd) ? (n === 0 ? 'no budget (0 baht)' : `${formatNumber(n)} baht`) : formatBaht(n));
const yearWord = (fd: FigureDoc, y: number) => (en(fd) ? `fiscal year ${y}` : `ปี ${y}`);

/** A first line "ตามเอกสารระบุ X (รวมรายการได้ Y)" when the rows disagree with the stated figure. */
function rowsNote(fd: FigureDoc, statedValue: number, rowsValue: number, unit: (n: number) => string): string {
  if (statedValue === rowsValue) return '';
  return en(fd) ? ` (the document states this; its rows add up to ${unit(rowsValue)})` : ` (รวมรายการได้ ${unit(rowsValue)})`;
}

/**
 * Total budget of a scope. A year's total is the document's own figure for that year where it states one (with a
 * short note when its rows add up differently); where it states none, the sum of the rows, said to be a sum of N
 * items with their lines — never presented as the document's figure. Over several years (asked "ทั้ง 5 ปี",
 * "ตลอดแผน", or a plan whose years differ) the lead is the whole-plan figure: stated if the document states one,
 * else the sum of the yearly figures, said to be one; the figures per year follow in `detail`, not in the lead.
 */
export function budgetTotal(fd: FigureDoc, projects: Project[], f: ListFilters, scope: string, allYears = false): Figures {
  const years = f.year !== undefined ? [f.year] : fd.doc.fiscalYears;
  const rowsOf = (y: number) => projects.reduce((a, p) => a + (p.budgets[String(y)] ?? 0), 0);
  const funded = projects.filter((p) => years.some((y) => (p.budgets[String(y)] ?? 0) > 0));
  const rowSources = () => funded.slice(0, 8).map((p) => source(fd, baht(fd, years.reduce((a, y) => a + (p.budgets[String(y)] ?? 0), 0)), p.line ?? p.detail?.line, `a row of the sum: ${p.name}`));
  const perYear = years.map((y) => {
    const s = statedScope(f) ? stated(fd.doc, 'budget', { dimension: f.dimension, mission: f.mission, year: y }) : null;
    const rows = rowsOf(y);
    return { y, value: s ? s.value : rows, rows, stated: s };
  });
  const overYears = years.length > 1 && (allYears || !f.perYear);
  const head = en(fd) ? `Total budget${scope ? ` (${scope})` : overYears ? '' : ' of the plan'}` : `งบประมาณรวม${scope ? ` ${scope}` : overYears ? '' : 'ทั้งแผน'}`;
  const n = funded.length;
  const sumOfRows = n === 0
    ? en(fd)
      ? `no total stated by the document was found; none of its ${projects.length} items has a budget`
      : `ไม่พบยอดรวมที่เอกสารระบุไว้ และทั้ง ${projects.length} รายการไม่มีงบประมาณ`
    : en(fd)
      ? `no total stated by the document was found; this is the sum of ${n} item${n === 1 ? '' : 's'} of its table`
      : `ไม่พบยอดรวมที่เอกสารระบุไว้ จึงรวมจากรายการโครงการ ${n} รายการ`;
  if (perYear.length === 1) {
    const only = perYear[0] as (typeof perYear)[number];
    const yw = f.year === undefined ? (en(fd) ? `, ${yearWord(fd, only.y)}` : ` ${yearWord(fd, only.y)}`) : '';
    if (only.stated) {
      return { text: `${head}${yw}${en(fd) ? ': as the document states,' : ' ตามเอกสารระบุ'} ${baht(fd, only.value)}${rowsNote(fd, only.value, only.rows, (v) => baht(fd, v))}`, sources: [source(fd, baht(fd, only.value), only.stated.line)] };
    }
    return {
      text: `${head}${yw}${en(fd) ? ':' : ''} ${baht(fd, only.value)} (${sumOfRows})`,
      sources: [source(fd, baht(fd, only.value), funded[0]?.line ?? projects[0]?.line, `sum of ${n} rows`), ...rowSources()],
    };
  }
  const span = `${years[0]}-${years[years.length - 1]}`;
  const equal = perYear.every((x) => x.value === perYear[0]?.value && x.rows === perYear[0]?.rows);
  const allStated = perYear.every((x) => x.stated);
  const detail = [
    en(fd) ? 'By fiscal year:' : 'แยกรายปี:',
    ...perYear.map((x) => `${yearWord(fd, x.y)}: ${baht(fd, x.value)}${x.stated ? rowsNote(fd, x.value, x.rows, (v) => baht(fd, v)) : en(fd) ? ' (sum of its items)' : ' (รวมจากรายการ)'}`),
  ].join('\n');
  const first = perYear[0] as (typeof perYear)[number];
  if (equal && !allYears && first.stated) {
    // The same stated total every year: the yearly figure is what the document says.
    const text = en(fd)
      ? `${head}: ${baht(fd, first.value)} a year in fiscal years ${span} (as the document states)${rowsNote(fd, first.value, first.rows, (v) => baht(fd, v))}`
      : first.value === 0
        ? `${head} ตามเอกสารระบุว่าไม่ใช้งบประมาณทุกปี${rowsNote(fd, first.value, first.rows, (v) => baht(fd, v))} (ปี ${span})`
        : `${head} ตามเอกสารระบุปีละ ${baht(fd, first.value)}${rowsNote(fd, first.value, first.rows, (v) => baht(fd, v))} (ปี ${span})`;
    return { text, sources: [source(fd, baht(fd, first.value), first.stated.line)] };
  }
  if (equal && !allYears) {
    const yearly = first.value === 0 ? (en(fd) ? 'no budget in any year' : 'ไม่ใช้งบประมาณทุกปี') : en(fd) ? `${baht(fd, first.value)} a year` : `ปีละ ${baht(fd, first.value)}`;
    const text = en(fd) ? `${head}: ${yearly} in fiscal years ${span} (${sumOfRows})` : `${head} ${yearly} (ปี ${span}) (${sumOfRows})`;
    return { text, sources: [source(fd, baht(fd, first.value), funded[0]?.line ?? projects[0]?.line, `sum of ${n} rows`), ...rowSources()] };
  }
  if (f.perYear && !allYears) {
    // "ปีละเท่าไร" of years that differ: each year's figure is the answer.
    const lines = perYear.map((x) => `${yearWord(fd, x.y)}: ${baht(fd, x.value)}${x.stated ? rowsNote(fd, x.value, x.rows, (v) => baht(fd, v)) : en(fd) ? ' (sum of its items)' : ' (รวมจากรายการ)'}`);
    const basis = allStated ? (en(fd) ? 'as the document states' : 'ตามเอกสารระบุ') : en(fd) ? 'by year' : 'แยกรายปี';
    const srcs = perYear.map((x) => (x.stated ? source(fd, baht(fd, x.value), x.stated.line) : source(fd, baht(fd, x.value), funded[0]?.line ?? projects[0]?.line, `sum of ${n} rows`)));
    return { text: [`${head} (${basis})`, ...lines].join('\n'), sources: srcs };
  }
  // Over the plan's years: the document's own whole-plan figure when it states one.
  const whole = statedScope(f) ? stated(fd.doc, 'budget', { dimension: f.dimension, mission: f.mission, year: null }) : null;
  const rowsAll = perYear.reduce((a, x) => a + x.rows, 0);
  const over = en(fd) ? `over the ${years.length} years of the plan (${span}):` : `${scope ? ' ' : ''}ตลอดแผน ${years.length} ปี (ปี ${span})`;
  if (whole) {
    return { text: `${head}${en(fd) ? ' ' : ''}${over} ${en(fd) ? 'as the document states' : 'ตามเอกสารระบุ'} ${baht(fd, whole.value)}${rowsNote(fd, whole.value, rowsAll, (v) => baht(fd, v))}`, sources: [source(fd, baht(fd, whole.value), whole.line)], detail };
  }
  const sum = perYear.reduce((a, x) => a + x.value, 0);
  const basis = allStated
    ? en(fd)
      ? `the sum of the ${years.length} yearly totals the document states; no total over the years stated by it was found`
      : `รวมจากยอดรวมรายปีที่เอกสารระบุ ${years.length} ปี ไม่พบยอดรวมทั้ง ${years.length} ปีที่เอกสารระบุไว้`
    : perYear.some((x) => x.stated)
      ? en(fd)
        ? `the sum of the yearly totals the document states, and of its items for the years it states none`
        : `รวมจากยอดรวมรายปีที่เอกสารระบุ และผลรวมของรายการในปีที่ไม่พบยอดรวมที่เอกสารระบุ`
      : sumOfRows;
  const rowsDiffer = allStated && rowsAll !== sum ? rowsNote(fd, sum, rowsAll, (v) => baht(fd, v)) : '';
  const text = `${head}${en(fd) ? ' ' : ''}${over} ${baht(fd, sum)} (${basis})${rowsDiffer}`;
  const lines = perYear.map((x) => x.stated?.line).filter((l): l is number => typeof l === 'number');
  return {
    text,
    sources: [source(fd, baht(fd, sum), lines[0] ?? funded[0]?.line ?? projects[0]?.line, allStated ? `sum of the ${years.length} yearly totals` : `sum of ${n} rows over ${years.length} years`), ...(allStated ? [] : rowSources())],
    detail,
  };
}

/** Number of projects of a scope, as stated, else counted. */
export function projectCount(fd: FigureDoc, projects: Project[], f: ListFilters, scope: string, orgName: string): Figures {
  const s = statedScope(f) && f.year === undefined ? stated(fd.doc, 'projects', { dimension: f.dimension, mission: f.mission, year: null }) : null;
  const value = s ? s.value : projects.length;
  const note = s && s.value !== projects.length ? (en(fd) ? ` (${projects.length} are listed in its tables)` : ` (ในตารางมีรายการ ${projects.length} รายการ)`) : '';
  const text = en(fd)
    ? `${scope ? `${scope[0]?.toUpperCase()}${scope.slice(1)}` : `The plan of ${orgName}`} has ${formatNumber(value)} projects/activities${s ? ' (as the document states)' : ' (counted from its items)'}${note}`
    : `${scope || `แผนของ${orgName}`} มีทั้งหมด ${formatNumber(value)} โครงการ/กิจกรรม${s ? ' ตามที่เอกสารระบุ' : ' (นับจากรายการในเอกสาร)'}${note}`;
  return { text, sources: [s ? source(fd, `${formatNumber(value)}`, s.line) : source(fd, `${formatNumber(value)}`, projects[0]?.line, `count of ${projects.length} rows`)] };
}

export type ReportMeasure = 'done' | 'notDone' | 'planned' | 'spent' | 'ordinance' | 'budgetPlanned' | 'percent' | 'percentBudget';

/** A progress report's figure for the whole report or one dimension, from its per-dimension table. */
export function reportFigure(fd: FigureDoc, report: NonNullable<ParsedDocument['report']>, dimension: number | undefined, measure: ReportMeasure): Figures | null {
  const row: ReportDimensionRow | null | undefined = dimension !== undefined ? report.dimensions.find((r) => r.dimension === dimension) : report.total;
  if (!row) return null;
  const scope = dimension !== undefined ? (en(fd) ? `dimension ${dimension}` : `มิติที่ ${dimension}`) : en(fd) ? 'in all' : 'ทั้งหมด';
  const period = report.period ? (en(fd) ? ` (${report.period})` : ` ${report.period}`) : '';
  const n = formatNumber;
  // Percentages as the report writes them (52.94, not 53); money as baht, 0 as "0 บาท" (an amount, not "no budget").
  const pct = (x: number) => (en(fd) ? `${formatDecimal(x)}%` : `ร้อยละ ${formatDecimal(x)}`);
  const money = (x: number) => (en(fd) ? `${n(x)} baht` : `${n(x)} บาท`);
  // One figure per answer: the one asked for, nothing from the neighbouring columns.
  const th: Record<ReportMeasure, [string, string, string]> = {
    done: [`ผลการดำเนินงาน${period} ${scope}: ดำเนินการแล้ว ${n(row.projectsDone)} โครงการ`, `Progress${period}, ${scope}: ${n(row.projectsDone)} projects done`, n(row.projectsDone)],
    notDone: [`ผลการดำเนินงาน${period} ${scope}: ยังไม่ได้ดำเนินการ ${n(row.projectsPlanned - row.projectsDone)} โครงการ (คิดจากตามแผนลบที่ดำเนินการแล้ว)`, `Progress${period}, ${scope}: ${n(row.projectsPlanned - row.projectsDone)} projects not yet done (planned minus done)`, n(row.projectsPlanned - row.projectsDone)],
    planned: [`ตามแผน${period} ${scope} มี ${n(row.projectsPlanned)} โครงการ`, `Planned${period}, ${scope}: ${n(row.projectsPlanned)} projects`, n(row.projectsPlanned)],
    spent: [`ใช้จ่ายงบประมาณจริง${period} ${scope} ${money(row.budgetSpent)}`, `Budget actually spent${period}, ${scope}: ${money(row.budgetSpent)}`, money(row.budgetSpent)],
    ordinance: [`งบประมาณตามข้อบัญญัติ/เทศบัญญัติ${period} ${scope} ${money(row.budgetByOrdinance)}`, `Budget in the ordinance${period}, ${scope}: ${money(row.budgetByOrdinance)}`, money(row.budgetByOrdinance)],
    budgetPlanned: [`งบประมาณตามแผน${period} ${scope} ${money(row.budgetPlanned)}`, `Planned budget${period}, ${scope}: ${money(row.budgetPlanned)}`, money(row.budgetPlanned)],
    percent: [`ผลการดำเนินงาน${period} ${scope}: ดำเนินการแล้ว${pct(row.percentProjects)} ของโครงการ`, `Progress${period}, ${scope}: ${pct(row.percentProjects)} of projects done`, pct(row.percentProjects)],
    percentBudget: [`การใช้จ่ายงบประมาณ${period} ${scope}: ${pct(row.percentBudget)}`, `Budget use${period}, ${scope}: ${pct(row.percentBudget)}`, pct(row.percentBudget)],
  };
  const [thText, enText, figure] = th[measure];
  return { text: en(fd) ? enText : thText, sources: [source(fd, figure, row.line, measure === 'notDone' ? 'planned minus done' : undefined)] };
}

/** Projects ranked by budget (of a year, or a year's amount), largest or smallest first; ties kept in document order. */
export function ranked(projects: Project[], f: ListFilters, dir: 'top' | 'bottom'): Array<{ p: Project; amount: number }> {
  // Without a year: a project's yearly amount (its largest year), as residents compare budgets a year at a time.
  const amount = (p: Project) => (f.year !== undefined ? (p.budgets[String(f.year)] ?? 0) : Math.max(0, ...Object.values(p.budgets)));
  // An item of a shared row has no figure of its own (the row's is kept on its first item): it is not ranked.
  const rows = projects.map((p) => ({ p, amount: amount(p) })).filter((x) => x.amount > 0 && !x.p.budgetShared);
  return rows.sort((a, b) => (dir === 'top' ? b.amount - a.amount : a.amount - b.amount) || a.p.seq - b.p.seq);
}

/** The average budget per project of a scope: the total as computed from its rows over the count of its rows. */
export function averageBudget(fd: FigureDoc, projects: Project[], f: ListFilters, scope: string): Figures {
  const years = f.year !== undefined ? [f.year] : fd.doc.fiscalYears;
  const total = projects.reduce((a, p) => a + years.reduce((b, y) => b + (p.budgets[String(y)] ?? 0), 0), 0);
  const funded = projects.filter((p) => years.some((y) => (p.budgets[String(y)] ?? 0) > 0)).length;
  const perYear = total / Math.max(1, years.length);
  const avg = Math.round(perYear / Math.max(1, projects.length));
  const yearText = years.length === 1 ? yearWord(fd, years[0] as number) : en(fd) ? 'per year' : 'ต่อปี';
  const text = en(fd)
    ? `Average budget per project${scope ? ` of ${scope}` : ''} ${yearText}: about ${baht(fd, avg)} (${baht(fd, Math.round(perYear))} over ${projects.length} projects, ${funded} of them with a budget)`
    : `งบประมาณเฉลี่ยต่อโครงการ${scope ? ` ${scope}` : ''} ${yearText} ประมาณ ${formatBaht(avg)} (${formatBaht(Math.round(perYear))} หาร ${projects.length} โครงการ มีงบ ${funded} โครงการ)`;
  return { text, sources: [source(fd, baht(fd, avg), projects[0]?.line, `average of ${projects.length} rows`)] };
}

export type DimensionMeasure = 'projects' | 'budget' | ReportMeasure;

/**
 * "มิติไหน…มากที่สุด": the dimension with the largest (or smallest) figure — each dimension's figure as the document
 * states it (its per-dimension totals or the report's per-dimension row), counted from rows only where it states none.
 */
export function dimensionRank(fd: FigureDoc, projects: Project[], measure: DimensionMeasure, dir: 'top' | 'bottom', year: number | undefined): Figures | null {
  const doc = fd.doc;
  const dims = [1, 2, 3, 4].filter((d) => projects.some((p) => p.dimension === d) || doc.report?.dimensions.some((r) => r.dimension === d));
  const report = doc.report;
  const rows = dims.map((d) => {
    const row = report?.dimensions.find((r) => r.dimension === d);
    if (report && row && measure !== 'projects' && measure !== 'budget') {
      const v: Record<ReportMeasure, number> = { done: row.projectsDone, notDone: row.projectsPlanned - row.projectsDone, planned: row.projectsPlanned, spent: row.budgetSpent, ordinance: row.budgetByOrdinance, budgetPlanned: row.budgetPlanned, percent: row.percentProjects, percentBudget: row.percentBudget };
      return { d, value: v[measure], line: row.line };
    }
    if (report && row) return { d, value: measure === 'projects' ? row.projectsPlanned : row.budgetPlanned, line: row.line };
    if (measure === 'budget') {
      const y = year ?? doc.fiscalYears[0];
      const s = y !== undefined ? stated(doc, 'budget', { dimension: d, year: y }) : null;
      const rowsSum = projects.filter((p) => p.dimension === d).reduce((a, p) => a + (y !== undefined ? (p.budgets[String(y)] ?? 0) : 0), 0);
      return { d, value: s ? s.value : rowsSum, line: s?.line ?? projects.find((p) => p.dimension === d)?.line ?? null };
    }
    const s = stated(doc, 'projects', { dimension: d, year: null });
    const counted = projects.filter((p) => p.dimension === d).length;
    return { d, value: s ? s.value : counted, line: s?.line ?? null };
  });
  if (rows.length === 0) return null;
  const best = rows.reduce((a, b) => (dir === 'top' ? (b.value > a.value ? b : a) : b.value < a.value ? b : a));
  const ties = rows.filter((r) => r.value === best.value).map((r) => r.d);
  const isMoney = measure === 'budget' || measure === 'spent' || measure === 'ordinance' || measure === 'budgetPlanned';
  const isPct = measure === 'percent' || measure === 'percentBudget';
  const perYear = measure === 'budget' && year === undefined && doc.fiscalYears.length > 1;
  const fig = isMoney ? `${perYear ? (en(fd) ? '' : 'ปีละ ') : ''}${baht(fd, best.value)}${perYear && en(fd) ? ' a year' : ''}` : isPct ? (en(fd) ? `${formatDecimal(best.value)}%` : `ร้อยละ ${formatDecimal(best.value)}`) : en(fd) ? `${formatNumber(best.value)} projects` : `${formatNumber(best.value)} โครงการ`;
  const which = ties.length > 1 ? (en(fd) ? `dimensions ${ties.join(', ')}` : `มิติที่ ${ties.join(', ')} (เท่ากัน)`) : en(fd) ? `dimension ${best.d}` : `มิติที่ ${best.d}`;
  const title = ties.length === 1 ? doc.dimensions.find((x) => x.number === best.d)?.title : undefined;
  const word = dir === 'top' ? (en(fd) ? 'largest' : 'มากที่สุด') : en(fd) ? 'smallest' : 'น้อยที่สุด';
  const text = en(fd) ? `The ${word}: ${which}${title ? ` (${title})` : ''}, ${fig}` : `${which}${title ? ` ${title}` : ''} ${word} ${fig}${year !== undefined ? ` (ปี ${year})` : ''}`;
  return { text, sources: [source(fd, fig, best.line)] };
}
