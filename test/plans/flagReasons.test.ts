import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { why, type FlagKind } from '../../functions/src/plans/parse/reasons.ts';
import { formatDimensionReview, formatReview } from '../../functions/src/plans/review.ts';
import type { ParsedDocument } from '../../functions/src/plans/schema.ts';
import { readDocumentBytes } from '../../functions/src/plans/sources/index.ts';

/**
 * Staff read why the importer flagged a field in Thai (`reasonTh`, on the draft review page); the CLI and logs keep
 * the English (`reason`). Every kind of flag has its Thai, and every flag the importer raises on the corpora carries it.
 */
const THAI_LETTER = /[\u0E01-\u0E4E]/;
const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const PARSE_DIR = here('../../functions/src/plans/parse/');

/** One call of every kind, with parameters of the shape the parsers pass: a kind added without an entry here fails typecheck. */
const SAMPLES: { [K in FlagKind]: Parameters<(typeof why)[K]> } = {
  dimensionFromWords: [],
  dimensionFromSequence: [],
  noDimensionBeforeRow: [],
  noDimensionBeforeSection: [],
  dimensionsDiffer: [1, 2],
  countMismatch: [12, 3, 11],
  countMismatchLongName: [12, 3, 11],
  itemWithoutNumber: [],
  rowWithoutNumber: [],
  sectionWithoutNumber: [],
  missionOfOtherDimension: [41, '2.1', 3],
  missionCodeOfOtherDimension: ['3.1', 2],
  missionCellNotRead: ['ด้านการตรวจสอบ'],
  missionColumnNotRead: [],
  missionNotRead: [2],
  textBeforeFirstItem: [],
  numbersMissingAfter: [5, 6],
  nameAfterPageBreak: [88],
  noNameInSummary: [],
  veryLongName: [],
  veryShortName: [],
  nameCutAtWrap: [],
  nameHoldsTableText: [],
  noDetailSection: [],
  summaryGivesNoName: [],
  summaryHoldsMore: ['โครงการอบรมคุณธรรม 2. โครงการเผยแพร่ประชาสัมพันธ์'],
  summaryNameShort: ['โครงการส่งเสริมการ'],
  detailNameGoesOn: ['โครงการส่งเสริมการมีส่วนร่วมของประชาชน'],
  detailNamesIt: ['กิจกรรมประกาศเจตจำนงสุจริต'],
  recoveredFromSection: [9, 2, 140],
  unitCellEmpty: [],
  unitCellEmptyAbove: [30, '"สำนักปลัดเทศบาล"'],
  unitsAssignedInOrder: [30, 2, '"สำนักปลัดเทศบาล / กองช่าง"', 2],
  oneUnitForCell: ['"กองคลัง"', 3, 30],
  unitCellMayBeShared: [2, '"กองคลัง, กองช่าง"'],
  unitAfterPageBreak: [88],
  unitFromLastCell: [],
  unitFromYearColumn: [2567],
  unitNotReadFromColumn: [],
  unitColumnNotFound: [],
  detailNamesNoUnit: [],
  unitsDiffer: ['กองการศึกษา', 'สำนักปลัด'],
  noFigureInBudgetColumn: [],
  noFigureForYear: [2568],
  wordsInYearColumn: [2570, 'สำนักปลัด'],
  noFigureInAnyYear: [],
  cellCountDiffers: [7, 9],
  rowTotalDiffers: [150000, 140000],
  oneSetOfFigures: [2, ['27', '28']],
  budgetsDiffer: [30000, 50000],
  budgetsFromDetailText: [],
  detailStatesNoBudget: [],
  sectionTableNoFigure: [2569],
  sheetNoAmount: [2569],
  perYearOrWholeUnstated: ['งบประมาณ 50,000 บาท'],
  budgetTextUnread: ['ตามที่ได้รับจัดสรร'],
  titlesDiffer: ['การสร้างวัฒนธรรมสุจริต', 'การสร้างวัฒนธรรม'],
  noDimensionTitle: [4],
  noMissionTitle: ['4.1'],
};

const call = <K extends FlagKind>(kind: K) => (why[kind] as (...p: Parameters<(typeof why)[K]>) => { reason: string; reasonTh: string })(...SAMPLES[kind]);

/**
 * What the two wordings must share: the document's quoted text and every figure (counts, lines, years, amounts), but
 * the flag's own line, which the review page prints after the Thai ("(บรรทัด N)"). With no flag at hand (`line`
 * undefined), the lines the English names are not checked.
 */
const quoted = (s: string) => [...s.matchAll(/"[^"]*"/g)].map((m) => m[0]);
const figures = (s: string, line: number | null | undefined) =>
  [...s.replace(/"[^"]*"/g, '').matchAll(/(line )?(\d[\d,.]*\d|\d)/g)].filter((m) => (line === undefined ? !m[1] : !(m[1] && m[2] === String(line)))).map((m) => m[2] ?? '');

function expectThaiFor(flag: { reason: string; reasonTh?: string; line?: number | null }, where: string) {
  expect(flag.reasonTh, `${where}: ${flag.reason}`).toMatch(THAI_LETTER);
  // The page prints it after "ระบบไม่แน่ใจ: ".
  expect(flag.reasonTh, where).not.toMatch(/^ระบบ/);
  // Not the English with Thai quoted in it: the Thai outside the quotes says what to check.
  expect((flag.reasonTh ?? '').replace(/"[^"]*"/g, ''), `${where}: ${flag.reason}`).toMatch(/โปรดตรวจสอบ/);
  for (const q of quoted(flag.reason)) expect(flag.reasonTh, `${where}: quoted text kept as printed`).toContain(q);
  for (const n of figures(flag.reason, flag.line)) expect(flag.reasonTh, `${where}: figure ${n} of "${flag.reason}"`).toContain(n);
}

describe('every kind of review flag has a Thai reason for staff', () => {
  it.each(Object.keys(why) as FlagKind[])('%s', (kind) => {
    const flag = call(kind);
    expect(flag.reason).not.toMatch(/โปรดตรวจสอบ/);
    expectThaiFor(flag, kind);
  });

  it('the parsers make every flag through the catalog (no reason written beside it without its Thai)', () => {
    const inline: string[] = [];
    for (const file of readdirSync(PARSE_DIR).filter((f) => f.endsWith('.ts') && f !== 'reasons.ts')) {
      const text = readFileSync(join(PARSE_DIR, file), 'utf8');
      for (const m of text.matchAll(/\breason:\s*[`'"]/g)) inline.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
    }
    expect(inline).toEqual([]);
  });
});

const CORPORA = [here('../fixtures/plans/variants/'), here('../fixtures/plans/'), here('../fixtures/plans/classes/')];
const documents = CORPORA.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(?:txt|docx|pdf)$/i.test(f))
    .map((f) => ({ name: f, path: join(dir, f) })),
);
const parsed = await Promise.all(
  documents.map(async (d) => {
    try {
      return { name: d.name, doc: await readDocumentBytes(readFileSync(d.path), d.name) };
    } catch {
      return { name: d.name, doc: null as ParsedDocument | null };
    }
  }),
);

describe('the flags raised on the plan corpora carry their Thai reason', () => {
  it('reads the corpora and flags fields in them', () => {
    expect(parsed.filter((p) => p.doc).length).toBeGreaterThanOrEqual(29);
    expect(parsed.flatMap((p) => p.doc?.projects.flatMap((x) => x.review ?? []) ?? []).length).toBeGreaterThan(100);
  });

  it.each(parsed.filter((p) => p.doc))('$name: every item flag and dimension flag', ({ name, doc }) => {
    for (const p of doc?.projects ?? []) for (const f of p.review ?? []) expectThaiFor(f, `${name} ${p.id} ${f.field}`);
    for (const d of doc?.dimensions ?? []) for (const f of d.review ?? []) expectThaiFor(f, `${name} มิติที่ ${d.number} ${f.field}`);
  });

  it('the CLI prints the English reasons, not the Thai', () => {
    const doc = parsed.find((p) => p.name.startsWith('v23-'))?.doc;
    if (!doc) throw new Error('v23 not read');
    const printed = [...formatReview(doc.projects, 1000), ...formatDimensionReview(doc.dimensions)].join('\n');
    const flags = [...doc.projects.flatMap((p) => p.review ?? []), ...doc.dimensions.flatMap((d) => d.review ?? [])];
    expect(flags.length).toBeGreaterThan(3);
    for (const f of flags) {
      expect(printed).toContain(f.reason);
      expect(printed).not.toContain(f.reasonTh);
    }
  });
});
