/**
 * Entry point of the importer's parsers: recognises the template (5-year plan, 1-year plan, progress report) by
 * its structure, never by organisation or file name, and returns the document in the output schema with its
 * fidelity self-check.
 */
import { createHash } from 'node:crypto';
import { checkFidelity } from '../fidelity.ts';
import { mapOcrTwins, wrapEvidenceFrom } from '../normalize.ts';
import { tablesToTabs } from '../sources/tables.ts';
import { parsedDocumentSchema, SCHEMA_VERSION, type ParsedDocument } from '../schema.ts';
import { NotAPlanDocumentError, readHeader, readMissionCounts, readMissionHeadings, readStatedBudgetLines, readStatedCounts, toLines, fiscalYearsIn } from './common.ts';
import { linkSections, parseDetailSections } from './five-year.ts';
import { flagCountMismatches } from './reconcile.ts';
import { flagMissingMissions, flagMissingUnits, flagUnreadTableUnits } from './completeness.ts';
import { dimensionsOf, readDimensionTitlesAll, reconcileTitles } from './dimension-titles.ts';
import { projectsFromSections } from './sections-only.ts';
import { recoverFromSections } from './recover.ts';
import { readDimensionSummary } from './dimension-summary.ts';
import { findSummaryTable, parseSummaryTable } from './summary.ts';
import { isYearTableHeader, parseYearTables } from './one-year.ts';
import { reconcileYearDetails } from './year-details.ts';
import { findReportTable, linkActivitiesToPlan, parseActivities, parseReportTables } from './report.ts';

export { NotAPlanDocumentError } from './common.ts';

export interface ParseOptions {
  /** Name recorded in `source.file` (no path needed). */
  file?: string;
}

/** Parses a plan or report document. Throws NotAPlanDocumentError when the text is neither. */
export function parsePlanDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const lines = toLines(tablesToTabs(text));
  const prose = lines.filter((l) => !l.text.includes('\t')).map((l) => l.text).join('\n');
  // The organisation's name from the header (the same for every template), for name repair.
  const orgName = readHeader(lines, /^$/).org.name;
  const fullText = mapOcrTwins(lines.map((l) => l.text.replace(/\t/g, ' ')).join('\n'));
  const evidence = wrapEvidenceFrom(prose, { fullText, ...(orgName ? { orgName } : {}) });
  const source = { file: options.file ?? '', lines: lines.length, sha256: createHash('sha256').update(text).digest('hex') };
  const { titles: headingTitles, prose: proseTitles, headings: dimensionHeadings } = readDimensionTitlesAll(lines);
  const headingMissions = readMissionHeadings(lines, evidence);

  const reportAt = findReportTable(lines);
  const hasYearTable = lines.some((l) => isYearTableHeader(l.text));
  // A table with one year column under the template's mission column is read as a summary table only when the
  // 1-year template's reading finds nothing in it (that reading is the one 1-year plans were proven on).
  const found = findSummaryTable(lines);
  const oneYearReads = () => {
    const year = readHeader(lines, /^แผนปฏิบัติการ/).fiscalYears[0];
    return year !== undefined && parseYearTables(lines, year, evidence).projects.length > 0;
  };
  const summary = found && found.yearCols.length === 1 && hasYearTable && reportAt < 0 && oneYearReads() ? null : found;

  let sectionsOnly: ReturnType<typeof parseDetailSections>;
  let doc: Omit<ParsedDocument, 'fidelity'> & { fidelityInput: Parameters<typeof checkFidelity>[0] };

  if (summary) {
    const header = readHeader(lines, /^แผนปฏิบัติการ/);
    const table = parseSummaryTable(lines, summary, evidence);
    const sections = parseDetailSections(lines, summary.endLine, evidence);
    const linked = linkSections(table.items, sections, evidence);
    const inSummary = (no: number) => no >= summary.headerLine && no <= summary.endLine;
    const missionCounts = readMissionCounts(lines, inSummary, evidence);
    const years = table.fiscalYears.length ? table.fiscalYears : header.fiscalYears;
    const stated = [...table.stated, ...readStatedCounts(lines, inSummary), ...readStatedBudgetLines(lines, inSummary, years, summary.headerLine), ...missionCounts.stated];
    const recovered = recoverFromSections(linked.projects, linked.unlinkedSections, stated, years);
    linked.projects = recovered.projects;
    linked.unlinkedSections = linked.unlinkedSections.filter((s) => !recovered.used.includes(s));
    linked.notes.push(...recovered.notes);
    flagCountMismatches(linked.projects, stated);
    flagMissingMissions(linked.projects);
    flagMissingUnits(linked.projects);
    flagUnreadTableUnits(linked.projects, summary.unitCol === null && summary.headerTexts.some((h) => /ผู้รับผิดชอบ|หน่วยงาน|รับผิดชอบ/.test(h.replace(/\s+/g, ''))));
    const { titles, doubts } = reconcileTitles(table.dimensionTitles, proseTitles, headingTitles);
    // Mission titles: the table's own, else a heading's ("ภารกิจที่ 1.1 …"), else a count table's cell ("1.1 …").
    const missions = new Map([...missionCounts.titles, ...headingMissions, ...table.missionTitles]);
    doc = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'plan',
      // The 5-year template's layout printed for one fiscal year is a 1-year plan.
      template: years.length === 1 ? 'one-year' : 'five-year',
      org: header.org,
      title: header.title,
      fiscalYears: table.fiscalYears.length ? table.fiscalYears : header.fiscalYears,
      dimensions: dimensionsOf(linked.projects, titles, missions, dimensionHeadings, doubts),
      projects: linked.projects,
      report: null,
      stated,
      source,
      fidelityInput: {
        projects: linked.projects,
        stated,
        report: null,
        unlinked: {
          projects: linked.projects.filter((p) => !p.detail).map((p) => ({ id: p.id, name: p.name, line: p.line })),
          sections: linked.unlinkedSections.map((s) => ({ name: s.name, line: s.line })),
        },
        notes: [...table.notes, ...linked.notes, ...missionCounts.notes],
      },
    };
  } else if (hasYearTable && reportAt < 0) {
    const header = readHeader(lines, /^แผนปฏิบัติการ/);
    const year = header.fiscalYears[0];
    if (!year) throw new NotAPlanDocumentError('the plan names no fiscal year (ประจำปีงบประมาณ พ.ศ. ….) in its title');
    const tables = parseYearTables(lines, year, evidence);
    const details = reconcileYearDetails(tables.projects, lines, tables.tableLines, evidence);
    const missionCounts = readMissionCounts(lines, (no) => tables.tableLines.has(no), evidence);
    const perDimension = readDimensionSummary(lines, year);
    const outsideTables = (no: number) => tables.tableLines.has(no) || perDimension.lines.has(no);
    const stated = [...tables.stated, ...readStatedCounts(lines, outsideTables), ...readStatedBudgetLines(lines, outsideTables, [year], Math.min(...tables.tableLines)), ...missionCounts.stated, ...perDimension.stated];
    flagCountMismatches(tables.projects, stated);
    flagMissingMissions(tables.projects);
    flagMissingUnits(tables.projects);
    doc = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'plan',
      template: 'one-year',
      org: header.org,
      title: header.title,
      fiscalYears: [year],
      dimensions: dimensionsOf(tables.projects, headingTitles, new Map([...missionCounts.titles, ...tables.missionTitles, ...headingMissions]), dimensionHeadings),
      projects: tables.projects,
      report: null,
      stated,
      source,
      fidelityInput: {
        projects: tables.projects,
        stated,
        report: null,
        ...(details.sections > 0
          ? {
              unlinked: {
                projects: tables.projects.filter((p) => !p.detail).map((p) => ({ id: p.id, name: p.name, line: p.line })),
                sections: details.unlinkedSections.map((s) => ({ name: s.name, line: s.line })),
              },
            }
          : {}),
        notes: [...(stated.length === 0 ? ['the document states no totals to check against'] : []), ...missionCounts.notes, ...details.notes],
      },
    };
  } else if (reportAt >= 0) {
    const header = readHeader(lines, /^(?:เรื่อง\s*)?(?:ขอ)?รายงานผล/);
    const titleLine = lines.find((l) => /^รายงานผล/.test(l.text.trim()));
    const title = titleLine ? titleLine.text.replace(/\t+/g, ' ').trim() : header.title;
    const period = title.match(/รอบ\s*\d+\s*เดือน/)?.[0] ?? '';
    const tables = parseReportTables(lines, reportAt, period);
    const years = fiscalYearsIn(title).length ? fiscalYearsIn(title) : header.fiscalYears;
    const activities = parseActivities(lines, reportAt + 1, evidence, years[0] ?? null);
    const withBudget = activities.filter((a) => Object.keys(a.budgets).length > 0).length;
    const withUnit = activities.filter((a) => a.responsibleUnit !== null).length;
    const activityNotes = [
      withBudget === 0
        ? 'the report states no budget per activity (its budget figures are per dimension: report.dimensions); activity budgets are left empty'
        : `${withBudget} of ${activities.length} activities state their budget`,
      withUnit === 0
        ? 'the report names no responsible unit per activity; responsibleUnit is left empty'
        : `${withUnit} of ${activities.length} activities name their responsible unit`,
    ];
    doc = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'report',
      template: 'progress-report',
      org: header.org,
      title,
      fiscalYears: years.slice(0, 1),
      dimensions: dimensionsOf(activities, headingTitles, headingMissions, dimensionHeadings),
      projects: activities,
      report: tables.report,
      stated: tables.stated,
      source,
      fidelityInput: { projects: activities, stated: tables.stated, report: tables.report, notes: [...activityNotes, ...statusNotes(lines, tables.report)] },
    };
  } else if ((sectionsOnly = parseDetailSections(lines, 0, evidence)).length > 0) {
    // Project sheets only (no summary table): each detail section is an item.
    const header = readHeader(lines, /^(?:ตาม)?แผนปฏิบัติการ/);
    const years = header.fiscalYears.length > 1 ? header.fiscalYears : fiscalYearsIn(sectionsOnly.map((x) => x.period).find((p) => fiscalYearsIn(p).length > 0) ?? '');
    const projects = projectsFromSections(sectionsOnly, years.length ? years : header.fiscalYears);
    const stated = [...readStatedCounts(lines, () => false), ...readStatedBudgetLines(lines, () => false, years.length ? years : header.fiscalYears, sectionsOnly[0]?.line ?? 0)];
    flagCountMismatches(projects, stated);
    flagMissingMissions(projects);
    flagMissingUnits(projects);
    doc = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'plan',
      // Sheets of a plan for one fiscal year are a 1-year plan's (v19: numbered paragraph blocks).
      template: (years.length ? years : header.fiscalYears).length === 1 ? 'one-year' : 'five-year',
      org: header.org,
      title: header.title,
      fiscalYears: years.length ? years : header.fiscalYears,
      dimensions: dimensionsOf(projects, headingTitles, headingMissions, dimensionHeadings),
      projects,
      report: null,
      stated,
      source,
      fidelityInput: { projects, stated, report: null, notes: ['the document has no summary table: its items are its project sheets (ส่วนที่ 3), budgets read from each sheet'] },
    };
  } else {
    throw new NotAPlanDocumentError(
      'no summary table (มิติ | โครงการ/กิจกรรม/มาตรการ | ปี 25xx …), no yearly plan table and no progress-report table was found',
    );
  }

  if (doc.projects.length === 0) throw new NotAPlanDocumentError('the document lists no project, activity or measure');
  if (!doc.org.name) throw new NotAPlanDocumentError('the document names no organisation (เทศบาล…/องค์การบริหารส่วน…) on its first pages');
  if (doc.fiscalYears.length === 0) throw new NotAPlanDocumentError('the document names no fiscal year');

  const { fidelityInput, ...rest } = doc;
  return parsedDocumentSchema.parse({ ...rest, fidelity: checkFidelity(fidelityInput) });
}

/** What the importer could not read of a report's project-status table, said rather than guessed. */
function statusNotes(lines: ReturnType<typeof toLines>, report: NonNullable<ParsedDocument['report']>): string[] {
  const st = report.status;
  if (st) return st.unread.map((u) => `project-status table (line ${st.line}): not read: ${u}`);
  const heading = lines.find((l) => /สถานะ(?:ของ)?โครงการ/.test(l.text) && !l.text.includes('\t'));
  return heading ? [`line ${heading.no}: a project-status heading, but no status table (columns such as ดำเนินการแล้วเสร็จ / อยู่ระหว่างดำเนินการ) was read under it`] : [];
}

/** Links a parsed report's activities to a parsed plan's projects by name (sets `activity.planProjectId`). */
export function linkReportToPlan(report: ParsedDocument, plan: ParsedDocument): number {
  return linkActivitiesToPlan(report.projects, plan.projects);
}
