import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { satisfactionPercentIn, satisfactionTargetOf } from '../../functions/src/plans/satisfactionTarget.ts';
import type { Project } from '../../functions/src/plans/schema.ts';

const real = (name: string) => readFileSync(new URL(`../../data/plans/${name}`, import.meta.url), 'utf8');

/** A project whose indicators are the given sentences. */
function projectWithKpis(id: string, kpis: string[]): Project {
  return {
    id, number: id.slice(3), seq: 1, name: `โครงการ ${id}`, nameKey: id, dimension: 2, mission: null, budgets: {}, budgetShared: null,
    responsibleUnit: null, yearPlan: null, activity: null, line: 1,
    detail: { name: `โครงการ ${id}`, rationale: '', objectives: [], targetGroup: '', method: [], period: '', budgetText: '', budgetAmount: null, responsibleUnit: '', outputs: [], outcomes: [], kpis, line: 1 },
  };
}

describe('the satisfaction target a plan states', () => {
  // Sentences as the plan documents write them (intapramul 706, 2176, 1767, 3490; maesot 1799; tharae 393); the
  // third's last figure changed from 80 so that the level it names and the threshold differ.
  it('reads the percentage residents are to be satisfied with the services', () => {
    expect(satisfactionPercentIn('1) ประชาชนผู้รับบริการขององค์กรปกครองส่วนท้องถิ่น มีความพึงพอใจต่อคุณภาพการให้บริการขององค์กรบริหารส่วนตำบลอินทร์ประมูล ไม่น้อยกว่า ร้อยละ 80 (สำรวจโดยใช้แบบประเมินความพึงพอใจการให้บริการ)')).toBe(80);
    expect(satisfactionPercentIn('- ประชาชนมีความพึงพอใจในบริการที่ให้ ไม่น้อยกว่าร้อยละ ๗๐ของผู้มาขอรับบริการ')).toBe(70);
    expect(satisfactionPercentIn('ประชาชนผู้รับบริการขององค์กรปกครองส่วนท้องถิ่นมีความพึงพอใจต่อคุณภาพการให้บริการขององค์กรฯ อยู่ในระดับ 80 (สำารวจโดยใช้แบบประเมินความพึงพอใจการให้บริการ) มากกว่า ร้อยละ 75')).toBe(75);
  });

  it('ignores staff satisfaction, other subjects and sentences without a figure', () => {
    expect(satisfactionPercentIn('บุคลากรของหน่วยงานมีความพึงพอใจต่อระบบของการเลื่อนขั้นเงินเดือนไม่ต่ำกว่าร้อยละ 80 (สำรวจโดยแบบประเมิน)')).toBeNull();
    expect(satisfactionPercentIn('1) ระดับความพึงพอใจของผู้ที่เกี่ยวข้องในการจัดทำรายงานการประเมินผลการควบคุมภายใน (ร้อยละ 80 ในระดับมาก)')).toBeNull();
    expect(satisfactionPercentIn('ประชาชนเกิดความพึงพอใจต่อการดำเนินการเรื่องร้องทุกข์/ร้องเรียนขององค์กรปกครองส่วนท้องถิ่น ไม่ต่ำกว่าร้อยละ 80')).toBeNull();
    expect(satisfactionPercentIn('ประชาชนผู้รับบริการมีความพึงพอใจ และการบริการมีความโปร่งใส เกิดประโยชน์สูงสุดแก่ประชาชน')).toBeNull();
    expect(satisfactionPercentIn('ประชาชนร้อยละ 90 ได้รับข้อมูลข่าวสาร')).toBeNull();
  });

  it('takes the figure most statements give, the first written on a tie, and says where it is written', () => {
    const sentence = (n: number) => `ประชาชนมีความพึงพอใจในการให้บริการของหน่วยงาน ไม่น้อยกว่าร้อยละ ${n}`;
    const target = satisfactionTargetOf([
      projectWithKpis('d2-1', [sentence(85)]),
      projectWithKpis('d2-2', [sentence(80)]),
      projectWithKpis('d2-3', ['ไม่มีเป้าหมาย', sentence(80)]),
    ]);
    expect(target).toEqual({ percent: 80, statements: 2, projectId: 'd2-2', projectName: 'โครงการ d2-2', text: sentence(80) });
    expect(satisfactionTargetOf([projectWithKpis('d2-1', [sentence(70)]), projectWithKpis('d2-2', [sentence(80)])])?.percent).toBe(70);
    expect(satisfactionTargetOf([projectWithKpis('d2-1', ['ไม่มีเป้าหมาย'])])).toBeNull();
  });

  it('finds the target in each demo document: 80 % in both five-year plans, 70 % in the report, none in the one-year plan', () => {
    const of = (file: string) => satisfactionTargetOf(parsePlanDocument(real(file)).projects);
    expect(of('intapramul-plan-2566-2570.txt')).toMatchObject({ percent: 80, statements: 11 });
    expect(of('maesot-plan-2566-2570.txt')).toMatchObject({ percent: 80, projectName: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ' });
    expect(of('tharae-report-2564.txt')).toMatchObject({ percent: 70 });
    expect(of('maesaimitraphap-plan-2565.txt')).toBeNull();
  });
});
