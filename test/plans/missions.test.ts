/**
 * Mission headings by their word ("ภารกิจที่ 1.3 …", "ภารกิจ ๒.๑: …") between project sheets (a plan with no summary
 * table): the sheets below take the mission, and the dimension lists it with its title. Our own content.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';

const sheet = (n: number, name: string, budget: string, unit: string) => `โครงการที่ ${n}

1. ชื่อโครงการ : ${name}

2. หลักการและเหตุผล

เพื่อส่งเสริมความโปร่งใสในการปฏิบัติราชการ

3. วัตถุประสงค์

1) เพื่อป้องกันการทุจริต

4. กลุ่มเป้าหมาย

บุคลากรและประชาชน

5. วิธีดำเนินการ

- 1) จัดทำโครงการ

6. ระยะเวลาดำเนินการ

ปีงบประมาณ พ.ศ. 2567 - 2570

7. งบประมาณดำเนินการ

${budget}

8. ผู้รับผิดชอบโครงการ

${unit}

9. ผลผลิต/ผลลัพธ์

ดำเนินการได้ตามเป้าหมาย
`;

const doc = `แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2567 – 2570)
เทศบาลตำบลหนองบัวทอง

ส่วนที่ 3 รายละเอียดโครงการ

มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต

ภารกิจที่ 1.1 การสร้างจิตสำนึกและความตระหนักแก่บุคลากร

${sheet(1, 'โครงการอบรมคุณธรรมแก่พนักงาน', 'ไม่ใช้งบประมาณ', 'สำนักปลัด')}
ภารกิจ ๑.๓: การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน

${sheet(2, 'โครงการโรงเรียนสุจริต', 'ไม่ใช้งบประมาณ', 'กองการศึกษา')}
มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต

ภารกิจที่ 2.1 แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร

${sheet(3, 'กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร', 'ไม่ใช้งบประมาณ', 'สำนักปลัด')}
`;

describe('mission headings by their word between project sheets', () => {
  const plan = parsePlanDocument(doc);

  it('places each sheet in the mission of the nearest heading above it, in its dimension', () => {
    expect(plan.projects.map((p) => [p.dimension, p.mission, p.name])).toEqual([
      [1, '1.1', 'โครงการอบรมคุณธรรมแก่พนักงาน'],
      [1, '1.3', 'โครงการโรงเรียนสุจริต'],
      [2, '2.1', 'กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร'],
    ]);
    expect(plan.projects.flatMap((p) => p.review ?? []).filter((f) => f.field === 'mission')).toEqual([]);
  });

  it('lists the missions of each dimension with their codes and titles', () => {
    expect(plan.dimensions.map((d) => [d.number, d.title, d.missions.map((m) => [m.code, m.title]), d.review ?? []])).toEqual([
      [1, 'การสร้างสังคมที่ไม่ทนต่อการทุจริต', [['1.1', 'การสร้างจิตสำนึกและความตระหนักแก่บุคลากร'], ['1.3', 'การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน']], []],
      [2, 'การบริหารราชการเพื่อป้องกันการทุจริต', [['2.1', 'แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร']], []],
    ]);
  });
});

describe('a one-year plan whose missions are rows of their tables (variant v23), asked in chat', () => {
  it('answers which projects a mission has, from the mission rows', async () => {
    const { readFileSync } = await import('node:fs');
    const { corpusFromDocument } = await import('../../functions/src/search/fileCorpus.ts');
    const { KnowledgeBase, StaticCorpusProvider } = await import('../../functions/src/search/knowledgeBase.ts');
    const { answer } = await import('../../functions/src/chat/answer.ts');
    const { replyText } = await import('../../functions/src/cli/eval.ts');
    const file = new URL('../fixtures/plans/variants/v23-one-year-mission-rows-merged-units-dimension-headings.txt', import.meta.url);
    const plan = parsePlanDocument(readFileSync(file, 'utf8'), { file: 'v23.txt' });
    const kb = new KnowledgeBase(new StaticCorpusProvider([corpusFromDocument('missions-test', plan, [])]));
    const reply = replyText((await answer(kb, 'missions-test', 'ภารกิจ 1.3 มีโครงการอะไร', null)).messages);
    expect(reply).toContain('ภารกิจ 1.3 การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน มี 1 โครงการ');
    expect(reply).toContain('โครงการพัฒนาวิชาการ');
  });
});
