/**
 * Why the importer flags a field, one entry per kind of flag: `reason` in English (the CLI, logs, `--json`) and
 * `reasonTh` in Thai (what staff read on the draft review page). A flag is made as
 * `{ field, ...why.unitCellEmpty(), line }`: both wordings come from the same parameters, so they say the same thing,
 * and a kind cannot be added without its Thai (test/plans/flagReasons.test.ts calls every kind).
 *
 * The Thai is for a municipal clerk: what the importer did or could not do, then what to check ("— โปรดตรวจสอบ…");
 * the page prints it after "ระบบไม่แน่ใจ: ", so it does not start with "ระบบ".
 * Text quoted from the document stays as printed. The review page adds the flag's own line ("(บรรทัด N)"): the Thai
 * names a line only when it is another one (the English may name the flag's own line too).
 *
 * The English wordings are unchanged from before the Thai was added, and some are matched by the parsers
 * (`/unit cell/` in five-year.ts and year-details.ts, `/one set of figures/` in five-year.ts, `mission N.N` in
 * drafts/dimensions.ts for versions imported before `mission` was recorded): change them together.
 */

export interface FlagText {
  /** English, for logs and the CLI. */
  reason: string;
  /** Thai, for staff reviewing the draft. */
  reasonTh: string;
}

const say = (reason: string, reasonTh: string): FlagText => ({ reason, reasonTh });
const baht = (n: number) => n.toLocaleString('en-US');
const CHECK = 'โปรดตรวจสอบ';

export const why = {
  // ---------- dimension ----------
  dimensionFromWords: () => say('dimension read from the title words of its heading (no number)', `หัวข้อมิติไม่มีเลขมิติ ระบบดูมิติจากชื่อหัวข้อ — ${CHECK}ว่าอยู่ในมิติที่ถูกต้อง`),
  dimensionFromSequence: () =>
    say('no dimension heading: inferred from the numbering or the totals row before', `ไม่พบหัวข้อมิติ ระบบกำหนดมิติจากลำดับเลขโครงการหรือแถวรวมก่อนหน้า — ${CHECK}ว่าอยู่ในมิติที่ถูกต้อง`),
  noDimensionBeforeRow: () => say('no dimension is named before this row', `ไม่พบหัวข้อมิติก่อนแถวนี้ ระบบจัดไว้ในมิติที่ 1 — ${CHECK}ว่าอยู่ในมิติที่ถูกต้อง`),
  noDimensionBeforeSection: () =>
    say('no dimension heading before this section: dimension 1 assumed', `ไม่พบหัวข้อมิติก่อนรายละเอียดโครงการนี้ ระบบจัดไว้ในมิติที่ 1 — ${CHECK}ว่าอยู่ในมิติที่ถูกต้อง`),
  dimensionsDiffer: (summary: number, detail: number) =>
    say(
      `the summary places it in มิติที่ ${summary}, its detail section under มิติที่ ${detail}`,
      `ตารางสรุปจัดโครงการนี้ไว้ในมิติที่ ${summary} แต่รายละเอียดโครงการอยู่ใต้มิติที่ ${detail} — ${CHECK}ว่าอยู่ในมิติใด`,
    ),
  countMismatch: (stated: number, dimension: number, read: number) =>
    say(
      `the document states ${stated} items for มิติที่ ${dimension}; ${read} were read`,
      `เอกสารระบุว่ามิติที่ ${dimension} มี ${stated} โครงการ แต่ระบบอ่านได้ ${read} โครงการ — ${CHECK}ว่าโครงการนี้อยู่ในมิติที่ถูกต้อง`,
    ),
  countMismatchLongName: (stated: number, dimension: number, read: number) =>
    say(
      `the document states ${stated} items for มิติที่ ${dimension}; ${read} were read: the longest names may hold two items`,
      `เอกสารระบุว่ามิติที่ ${dimension} มี ${stated} โครงการ แต่ระบบอ่านได้ ${read} โครงการ ชื่อนี้ยาวกว่าโครงการอื่น อาจมีสองโครงการรวมอยู่ — ${CHECK}ชื่อโครงการ`,
    ),

  // ---------- number ----------
  itemWithoutNumber: () => say('the item has no number: numbered by its position', `โครงการนี้ไม่มีลำดับที่ ระบบใส่ลำดับให้ตามตำแหน่งในตาราง — ${CHECK}ลำดับ`),
  rowWithoutNumber: () => say('the row has no item number; numbered by its position', `แถวนี้ไม่มีลำดับที่ ระบบใส่ลำดับให้ตามตำแหน่งในตาราง — ${CHECK}ลำดับ`),
  sectionWithoutNumber: () => say('the section has no number: numbered by its position', `รายละเอียดโครงการนี้ไม่มีลำดับที่ ระบบใส่ลำดับให้ตามตำแหน่งในเอกสาร — ${CHECK}ลำดับ`),

  // ---------- mission ----------
  missionOfOtherDimension: (line: number, code: string, dimension: number) =>
    say(
      `the mission heading above it (line ${line}, ${code}) is not of มิติที่ ${dimension}`,
      `หัวข้อภารกิจเหนือโครงการนี้ (ภารกิจ ${code}) ไม่ใช่ภารกิจของมิติที่ ${dimension} ระบบจึงไม่ได้ใส่ภารกิจ — ${CHECK}ว่าโครงการนี้อยู่ในภารกิจใด`,
    ),
  missionCodeOfOtherDimension: (code: string, dimension: number) =>
    say(
      `the mission column gives ${code}, a mission of another dimension than มิติที่ ${dimension} (the heading above): no mission set`,
      `ช่องภารกิจระบุ ${code} ซึ่งไม่ใช่ภารกิจของมิติที่ ${dimension} ตามหัวข้อมิติด้านบน ระบบจึงไม่ได้ใส่ภารกิจ — ${CHECK}ว่าโครงการนี้อยู่ในภารกิจใด`,
    ),
  missionCellNotRead: (text: string) =>
    say(
      `the mission column holds "${text}", not a mission code: no mission set`,
      `ช่องภารกิจเขียนว่า "${text}" ซึ่งไม่ใช่รหัสภารกิจ ระบบจึงไม่ได้ใส่ภารกิจ — ${CHECK}ว่าโครงการนี้อยู่ในภารกิจใด`,
    ),
  missionColumnNotRead: () =>
    say(
      "the table has a mission column (ภารกิจ) with text in it, but no item's mission was read from it",
      `ตารางมีช่องภารกิจและมีข้อความในช่องนั้น แต่ระบบอ่านภารกิจของโครงการใดไม่ได้เลย — ${CHECK}ว่าโครงการนี้อยู่ในภารกิจใด`,
    ),
  missionNotRead: (dimension: number) =>
    say(
      `no mission heading of มิติที่ ${dimension} was read above it, though the dimension's other items have one`,
      `ไม่พบหัวข้อภารกิจของมิติที่ ${dimension} เหนือโครงการนี้ ทั้งที่โครงการอื่นในมิติเดียวกันมีภารกิจ — ${CHECK}ว่าโครงการนี้อยู่ในภารกิจใด`,
    ),

  // ---------- name ----------
  textBeforeFirstItem: () =>
    say(
      'text before the first numbered item of the cell (a heading without a code, or a wrapped name?)',
      `มีข้อความอยู่ก่อนโครงการลำดับแรกในช่องเดียวกัน (อาจเป็นหัวข้อที่ไม่มีรหัส หรือชื่อโครงการที่ขึ้นบรรทัดใหม่) — ${CHECK}ชื่อโครงการ`,
    ),
  numbersMissingAfter: (from: number, to: number) =>
    say(
      `numbers ${from}-${to} are missing after this item: its name may hold them`,
      `ลำดับที่ ${from}-${to} หายไปหลังโครงการนี้ ชื่อโครงการนี้อาจมีโครงการเหล่านั้นรวมอยู่ — ${CHECK}ชื่อโครงการ`,
    ),
  nameAfterPageBreak: (line: number) =>
    say(
      `the name goes on after a page break (line ${line}, alone under the repeated header): joined to this item`,
      `ชื่อโครงการพิมพ์ต่อในหน้าถัดไป (ใต้หัวตารางที่พิมพ์ซ้ำ) ระบบนำมาต่อกับชื่อนี้ — ${CHECK}ว่าชื่อครบและถูกต้อง`,
    ),
  noNameInSummary: () => say('the item has no name in the summary table', `โครงการนี้ไม่มีชื่อในตารางสรุป — ${CHECK}และใส่ชื่อตามเอกสาร`),
  veryLongName: () => say('a very long name: several items may be merged in it', `ชื่อโครงการยาวผิดปกติ อาจมีหลายโครงการรวมอยู่ในชื่อเดียว — ${CHECK}ชื่อโครงการ`),
  veryShortName: () => say('a very short name: part of it may be elsewhere', `ชื่อโครงการสั้นผิดปกติ ส่วนที่เหลืออาจอยู่ที่อื่นในเอกสาร — ${CHECK}ชื่อโครงการ`),
  nameCutAtWrap: () =>
    say('the name ends on a word that needs what follows: cut where the line wrapped?', `ชื่อโครงการจบด้วยคำที่ยังไม่จบความ อาจถูกตัดตรงที่ขึ้นบรรทัดใหม่ — ${CHECK}ว่าชื่อครบ`),
  nameHoldsTableText: () =>
    say(
      'the name holds text of the table around it (figures, a heading or a page header)',
      `ชื่อโครงการมีข้อความอื่นของตารางปนอยู่ (ตัวเลข หัวข้อ หรือหัวกระดาษ) — ${CHECK}ชื่อโครงการ`,
    ),
  noDetailSection: () =>
    say('no detail section matches this item: its name could not be checked', `ไม่พบรายละเอียดโครงการที่ตรงกับโครงการนี้ ระบบจึงเทียบชื่อไม่ได้ — ${CHECK}ชื่อโครงการ`),
  summaryGivesNoName: () => say("the summary gives no name: the detail section's is used", `ตารางสรุปไม่มีชื่อโครงการ ระบบใช้ชื่อจากรายละเอียดโครงการ — ${CHECK}ชื่อโครงการ`),
  summaryHoldsMore: (summaryName: string) =>
    say(
      `the summary's text holds more than the item ("${summaryName.slice(0, 80)}"): the detail section's name is used`,
      `ข้อความในตารางสรุปมีมากกว่าชื่อโครงการ ("${summaryName.slice(0, 80)}") ระบบใช้ชื่อจากรายละเอียดโครงการ — ${CHECK}ชื่อโครงการ`,
    ),
  summaryNameShort: (summaryName: string) =>
    say(
      `the summary's name stops short ("${summaryName.slice(0, 80)}"): the detail section's full name is used`,
      `ชื่อในตารางสรุปไม่ครบ ("${summaryName.slice(0, 80)}") ระบบใช้ชื่อเต็มจากรายละเอียดโครงการ — ${CHECK}ชื่อโครงการ`,
    ),
  detailNameGoesOn: (detailName: string) =>
    say(
      `the detail section's name goes on: "${detailName.slice(0, 120)}"`,
      `ชื่อในรายละเอียดโครงการยาวกว่าในตารางสรุป: "${detailName.slice(0, 120)}" — ${CHECK}ว่าชื่อใดถูกต้อง`,
    ),
  detailNamesIt: (detailName: string) =>
    say(
      `the detail section names it "${detailName.slice(0, 120)}"`,
      `รายละเอียดโครงการใช้ชื่อว่า "${detailName.slice(0, 120)}" ไม่ตรงกับตารางสรุป — ${CHECK}ว่าชื่อใดถูกต้อง`,
    ),
  recoveredFromSection: (stated: number, dimension: number, line: number) =>
    say(
      `not read from the summary table: the document states ${stated} items for มิติที่ ${dimension} (line ${line}) and this detail section is linked to none`,
      `โครงการนี้ไม่ได้มาจากตารางสรุป เอกสารระบุว่ามิติที่ ${dimension} มี ${stated} โครงการ (บรรทัด ${line}) ระบบจึงเพิ่มจากรายละเอียดโครงการที่ไม่ตรงกับแถวใดในตาราง — ${CHECK}ว่าเป็นโครงการในแผนจริง`,
    ),

  // ---------- responsible unit ----------
  unitCellEmpty: () => say('the unit cell of its row is empty', `ช่องหน่วยงานรับผิดชอบของแถวนี้ว่าง — ${CHECK}หน่วยงานรับผิดชอบ`),
  unitCellEmptyAbove: (line: number, cell: string) =>
    say(
      `the unit cell of its row is empty: the unit printed at line ${line} (${cell}) may cover it`,
      `ช่องหน่วยงานรับผิดชอบของแถวนี้ว่าง หน่วยงานที่พิมพ์ไว้ที่บรรทัด ${line} (${cell}) อาจรับผิดชอบโครงการนี้ด้วย — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  unitsAssignedInOrder: (line: number, units: number, cell: string, items: number) =>
    say(
      `the unit cell at line ${line} lists ${units} units (${cell}) for ${items} items: assigned in order`,
      `ช่องหน่วยงานระบุ ${units} หน่วยงาน (${cell}) สำหรับ ${items} โครงการ ระบบจับคู่ให้ตามลำดับ — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  oneUnitForCell: (cell: string, items: number, line: number) =>
    say(
      `one unit cell (${cell}) for the ${items} items of the cell at line ${line}`,
      `ช่องหน่วยงานช่องเดียว (${cell}) ใช้กับ ${items} โครงการที่อยู่ในช่องเดียวกัน — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  unitCellMayBeShared: (units: number, cell: string) =>
    say(
      `the unit cell lists ${units} units (${cell}); the rows below have none: it may be shared with them`,
      `ช่องหน่วยงานระบุ ${units} หน่วยงาน (${cell}) และแถวถัดลงไปไม่มีหน่วยงาน อาจใช้ร่วมกับแถวเหล่านั้น — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  unitAfterPageBreak: (line: number) =>
    say(
      `the unit cell goes on after a page break (line ${line}, under the repeated header): joined to this item's`,
      `ช่องหน่วยงานพิมพ์ต่อในหน้าถัดไป (ใต้หัวตารางที่พิมพ์ซ้ำ) ระบบนำมาต่อกับหน่วยงานของโครงการนี้ — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  unitFromLastCell: () =>
    say('the row has fewer cells than the header: its last cell is read as the unit', `แถวนี้มีจำนวนช่องน้อยกว่าหัวตาราง ระบบอ่านช่องสุดท้ายเป็นหน่วยงานรับผิดชอบ — ${CHECK}หน่วยงานรับผิดชอบ`),
  unitFromYearColumn: (year: number) =>
    say(`read from the ${year} column (the unit column is empty)`, `หน่วยงานนี้อ่านจากช่องปี ${year} เพราะช่องหน่วยงานว่าง — ${CHECK}หน่วยงานรับผิดชอบ`),
  unitNotReadFromColumn: () =>
    say('the table has a unit column, but no unit was read from its unit cell', `ตารางมีช่องหน่วยงานรับผิดชอบ แต่ระบบอ่านหน่วยงานของโครงการนี้ไม่ได้ — ${CHECK}หน่วยงานรับผิดชอบ`),
  unitColumnNotFound: () =>
    say(
      "the table's header names a responsible unit, but its column was not found: no unit was read",
      `หัวตารางมีช่องหน่วยงานรับผิดชอบ แต่ระบบหาช่องนั้นในแถวไม่พบ จึงไม่ได้อ่านหน่วยงาน — ${CHECK}หน่วยงานรับผิดชอบ`,
    ),
  detailNamesNoUnit: () =>
    say(
      'its detail section names no responsible unit, though most sections do',
      `ไม่พบชื่อหน่วยงานรับผิดชอบในรายละเอียดโครงการ ทั้งที่โครงการอื่นส่วนใหญ่ระบุไว้ — ${CHECK}`,
    ),
  unitsDiffer: (detailUnit: string, rowUnit: string) =>
    say(
      `the detail section names "${detailUnit.slice(0, 80)}" responsible; the summary row "${rowUnit.slice(0, 80)}"`,
      `รายละเอียดโครงการระบุหน่วยงานรับผิดชอบว่า "${detailUnit.slice(0, 80)}" แต่ตารางสรุประบุ "${rowUnit.slice(0, 80)}" — ${CHECK}ว่าหน่วยงานใดถูกต้อง`,
    ),

  // ---------- budgets ----------
  noFigureInBudgetColumn: () => say('no figure in the budget column', `ไม่พบตัวเลขในช่องงบประมาณ — ${CHECK}งบประมาณ (ใส่ 0 ถ้าไม่ใช้งบประมาณ)`),
  noFigureForYear: (year: number | string) => say(`no figure for ${year} in this row`, `แถวนี้ไม่มีตัวเลขงบประมาณปี ${year} — ${CHECK}งบประมาณ`),
  wordsInYearColumn: (year: number, text: string) =>
    say(
      `the ${year} column holds words, not a figure ("${text.slice(0, 40)}"): the row's cells may have shifted`,
      `ช่องงบประมาณปี ${year} มีข้อความแทนตัวเลข ("${text.slice(0, 40)}") ช่องของแถวนี้อาจเลื่อนตำแหน่ง — ${CHECK}งบประมาณ`,
    ),
  noFigureInAnyYear: () =>
    say(
      'the row has no figure in any year: its figures may be those of the row above (one cell printed over two rows?)',
      `แถวนี้ไม่มีตัวเลขงบประมาณในปีใดเลย ตัวเลขอาจพิมพ์อยู่ในแถวด้านบน (ช่องเดียวพิมพ์คร่อมสองแถว) — ${CHECK}งบประมาณ`,
    ),
  cellCountDiffers: (cells: number, columns: number) =>
    say(
      `the row has ${cells} cells where the header has ${columns}: its figures may sit in other years' columns`,
      `แถวนี้มี ${cells} ช่อง แต่หัวตารางมี ${columns} ช่อง ตัวเลขอาจอยู่ผิดปี — ${CHECK}งบประมาณแต่ละปี`,
    ),
  rowTotalDiffers: (total: number, sum: number) =>
    say(
      `the row's total over the years (${baht(total)}) is not the sum of its year figures (${baht(sum)})`,
      `ยอดรวมทุกปีของแถวนี้ (${baht(total)} บาท) ไม่เท่ากับผลรวมงบประมาณรายปี (${baht(sum)} บาท) — ${CHECK}งบประมาณ`,
    ),
  oneSetOfFigures: (items: number, numbers: string[]) =>
    say(
      `one set of figures printed for ${items} items (${numbers.join(', ')})`,
      `เอกสารพิมพ์งบประมาณชุดเดียวสำหรับ ${items} โครงการ (ลำดับ ${numbers.join(', ')}) — ${CHECK}งบประมาณของแต่ละโครงการ`,
    ),
  budgetsDiffer: (stated: number, given: number) =>
    say(
      `the detail section states ${stated === 0 ? 'ไม่ใช้งบประมาณ (no budget)' : `${baht(stated)} baht`}; the summary row gives ${baht(given)}`,
      `รายละเอียดโครงการระบุ${stated === 0 ? 'ว่าไม่ใช้งบประมาณ' : ` ${baht(stated)} บาท`} แต่ตารางสรุประบุ ${baht(given)} บาท — ${CHECK}ว่าตัวเลขใดถูกต้อง`,
    ),
  budgetsFromDetailText: () =>
    say("from the detail section's text: the summary table has no row for it", `งบประมาณอ่านจากรายละเอียดโครงการ เพราะตารางสรุปไม่มีแถวของโครงการนี้ — ${CHECK}งบประมาณ`),
  detailStatesNoBudget: () => say('the detail section states no budget', `รายละเอียดโครงการไม่ได้ระบุงบประมาณ — ${CHECK}งบประมาณ (ใส่ 0 ถ้าไม่ใช้งบประมาณ)`),
  sectionTableNoFigure: (year: number) =>
    say(`the section's budget table gives no figure for ${year}`, `ตารางงบประมาณในรายละเอียดโครงการไม่มีตัวเลขของปี ${year} — ${CHECK}งบประมาณ`),
  sheetNoAmount: (year: number) => say(`the sheet states no amount for ${year}`, `รายละเอียดโครงการไม่ระบุจำนวนเงินของปี ${year} — ${CHECK}งบประมาณ`),
  perYearOrWholeUnstated: (text: string) =>
    say(
      `"${text.slice(0, 60)}": per year or for the whole period is not stated`,
      `"${text.slice(0, 60)}": ไม่ระบุว่าเป็นงบประมาณต่อปีหรือรวมทั้งโครงการ ระบบใส่จำนวนนี้ไว้ทุกปี — ${CHECK}งบประมาณแต่ละปี`,
    ),
  budgetTextUnread: (text: string) =>
    say(`the budget text "${text.slice(0, 60)}" could not be read`, `อ่านข้อความงบประมาณ "${text.slice(0, 60)}" ไม่ได้ — ${CHECK}และใส่งบประมาณตามเอกสาร`),

  // ---------- a dimension's title, a mission's title ----------
  titlesDiffer: (heading: string, cell: string) =>
    say(
      `the heading prints "${heading}" and the summary table "${cell}": kept the fuller wording`,
      `หัวข้อมิติพิมพ์ว่า "${heading}" แต่ตารางสรุปพิมพ์ว่า "${cell}" ระบบใช้ข้อความที่ครบกว่า — ${CHECK}ชื่อมิติ`,
    ),
  noDimensionTitle: (dimension: number) =>
    say(
      `no title was read for มิติที่ ${dimension}: its heading is written in a way the importer does not read, or gives none`,
      `อ่านชื่อของมิติที่ ${dimension} ไม่ได้ (หัวข้อเขียนในแบบที่ระบบอ่านไม่ได้ หรือไม่มีชื่อ) — ${CHECK}และพิมพ์ชื่อมิติตามเอกสาร`,
    ),
  noMissionTitle: (code: string) =>
    say(`mission ${code} has no title: its heading was not read`, `อ่านชื่อของภารกิจ ${code} ไม่ได้ — ${CHECK}และพิมพ์ชื่อภารกิจตามเอกสาร`),
} satisfies Record<string, (...params: never[]) => FlagText>;

export type FlagKind = keyof typeof why;
