import { describe, expect, it } from 'vitest';
import { flagRecall, pct, scoreVariant, type AnswerKey } from '../../functions/src/plans/score.ts';
import type { Project } from '../../functions/src/plans/schema.ts';

const project = (over: Partial<Project>): Project => ({
  id: 'd1-1', number: '1', seq: 1, name: 'โครงการหนึ่ง', nameKey: '', dimension: 1, mission: null, budgets: { 2566: 0 },
  budgetShared: null, responsibleUnit: null, detail: null, yearPlan: null, activity: null, line: 1, review: [], ...over,
});

describe('the variants scorer', () => {
  const key: AnswerKey = {
    projects: [
      { number: '1', name: 'โครงการโรงเรียนคุณธรรม', dimension: 1, budgets: { 2566: 50000 } },
      { number: '2', name: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', dimension: 2, budgets: { 2566: 0 } },
    ],
  };

  it('counts right fields, compares names without whitespace, and budgets as a whole', () => {
    const s = scoreVariant(key, [
      project({ number: '1', name: 'โครงการ โรงเรียนคุณธรรม', dimension: 1, budgets: { 2566: 50000 } }),
      project({ number: '2', name: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', dimension: 1, budgets: {} }),
    ]);
    expect(pct(s.names)).toBe(100);
    expect(pct(s.dimensions)).toBe(50);
    expect(pct(s.budgets)).toBe(50);
    expect(s.flags).toEqual({ wrong: 2, flagged: 0 });
  });

  it('a wrong field counts as flagged only when a flag names that field', () => {
    const s = scoreVariant(key, [
      project({ number: '1', name: 'โครงการโรงเรียนคุณธรรม', budgets: { 2566: 50000 } }),
      project({ number: '2', name: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', dimension: 1, budgets: { 2566: 0 }, review: [{ field: 'budgets.2566', reason: 'x', line: 1 }] }),
    ]);
    expect(flagRecall(s)).toBe(0);
    expect(s.projectsFlagged).toBe(1);
  });

  it('an item the importer missed is wrong in every field, and an extra one is a wrong name', () => {
    const s = scoreVariant(key, [project({ number: '1', name: 'โครงการโรงเรียนคุณธรรม', budgets: { 2566: 50000 } }), project({ number: '9', name: 'มิติที่ 2 การบริหารราชการ' })]);
    expect(s.unpaired).toBe(1);
    expect(s.extra).toBe(1);
    expect(s.flags.wrong).toBe(4);
  });

  it('scores missions where the key gives one, and a wrong mission is a field to flag', () => {
    const withMissions: AnswerKey = { projects: [{ name: 'โครงการโรงเรียนคุณธรรม', dimension: 1, mission: '1.3', budgets: {} }, { name: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', dimension: 2, mission: null, budgets: {} }] };
    const s = scoreVariant(withMissions, [project({ name: 'โครงการโรงเรียนคุณธรรม', mission: null, budgets: {} }), project({ name: 'กิจกรรมการใช้บัตรคิวในการติดต่อราชการ', dimension: 2, budgets: {} })]);
    expect(pct(s.missions)).toBe(50);
    expect(s.flags).toEqual({ wrong: 1, flagged: 0 });
  });

  it('a dimension title counts as read when it is the key\'s (spaces aside), or as flagged when empty; an empty unflagged title is wrong even when the key has none', () => {
    const titled: AnswerKey = { dimensions: { '1': 'การสร้างวัฒนธรรมสุจริต', '2': 'การบริหารราชการด้วยความโปร่งใส', '4': '' }, projects: [] };
    const s = scoreVariant(titled, [], [
      { number: 1, title: 'การสร้าง วัฒนธรรมสุจริต' },
      { number: 2, title: '', review: [{ field: 'title' }] },
      { number: 4, title: '' },
    ]);
    expect(s.dimensionTitles).toEqual({ right: 2, total: 3 });
  });
});
