import { describe, expect, it } from 'vitest';
import { fiscalYearOf, understand } from '../../functions/src/chat/understand.ts';

describe('reading a question', () => {
  it('reads years written with Thai digits, two digits, or glued to words', () => {
    expect(understand('ปี ๒๕๖๘ ได้งบเท่าไหร่').years).toEqual([2568]);
    expect(understand('มิติ4 ปี69 งบรวม').years).toEqual([2569]);
    expect(understand('ปีงบประมาณ2567มีอะไรบ้าง').years).toEqual([2567]);
  });

  it('reads "this year" as the current Thai fiscal year', () => {
    const nov2026 = new Date('2026-11-22T03:00:00Z');
    expect(fiscalYearOf(nov2026)).toBe(2570);
    expect(fiscalYearOf(new Date('2026-09-30T10:00:00Z'))).toBe(2569);
    expect(understand('ปีนี้มีโครงการอะไรบ้าง', { now: nov2026 }).years).toEqual([2570]);
    expect(understand('ปีหน้างบเท่าไร', { now: nov2026 }).years).toEqual([2571]);
  });

  it('reads dimension and mission in their usual spellings', () => {
    expect(understand('มิติที่๑ มีกี่โครงการ').dimension).toBe(1);
    expect(understand('มติที่ 3 มีอะไรบ้าง').dimension).toBe(3);
    expect(understand('ข้อ 3.2 รับเรื่องร้องเรียน มีกิจกรรมอะไรบ้าง').mission).toBe('3.2');
    expect(understand('ภารกิจ 2.1').mission).toBe('2.1');
  });

  it('reads "leaving out those without a budget" as a filter for items with one, not for items without', () => {
    for (const q of ['โครงการที่ใช้งบน้อยที่สุด ไม่นับที่ไม่ใช้งบ', 'งบน้อยที่สุด ที่ไม่ใช่ไม่มีงบ', 'ยกเว้นโครงการที่ไม่มีงบประมาณ มีอะไรบ้าง']) {
      expect(understand(q).wants).toMatchObject({ noBudget: false, withBudget: true });
    }
    expect(understand('โครงการที่ไม่ใช้งบประมาณมีอะไรบ้าง').wants).toMatchObject({ noBudget: true, withBudget: false });
  });

  it('finds a responsible unit the plan names', () => {
    const u = understand('กองคลังรับผิดชอบอะไรบ้าง', { units: ['กองการเจ้าหน้าที่', 'กองคลัง'] });
    expect(u.unit).toBe('กองคลัง');
    expect(u.topicWords).toEqual([]);
  });

  it('reads sub-questions of a service manual', () => {
    expect(understand('แจ้งเกิดใช้เอกสารอะไรบ้าง').manualAspects).toContain('documents');
    expect(understand('ใช้เวลากี่วัน').manualAspects).toContain('time');
    expect(understand('ค่าธรรมเนียมเท่าไหร่').manualAspects).toContain('fee');
    expect(understand('ติดต่อที่ไหน').manualAspects).toContain('where');
  });

  it('tells follow-ups and ordinals', () => {
    expect(understand('แล้วปี 2568 ล่ะ').followUp).toBe(true);
    expect(understand('อันที่ 2').ordinal).toBe(2);
    expect(understand('อันที่ ๓ ค่ะ').ordinal).toBe(3);
  });

  it('asks for the mini-app only when the question does not name a plan item', () => {
    expect(understand('อยากร้องเรียนเรื่องขยะ').action).toBe('complaint');
    expect(understand('จองคิวทำบัตร').action).toBe('queue');
    expect(understand('ศูนย์รับเรื่องราวร้องทุกข์ มีกิจกรรมอะไร').action).toBeNull();
    expect(understand('ติดตามประเมินผลการควบคุมภายใน').action).toBeNull();
  });
});
