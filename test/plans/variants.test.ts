import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreFolder, THRESHOLDS } from '../../functions/src/cli/import-score.ts';
import { flaggedShareBeyondAmbiguous, flagRecall, pct } from '../../functions/src/plans/score.ts';

// The corpus an independent tester writes (documents re-laid-out as other conversions print them, answer keys by
// hand): test/fixtures/plans/variants/. The importer must read the template's structure, not these files.
const dir = fileURLToPath(new URL('../fixtures/plans/variants/', import.meta.url));
const results = await scoreFolder(dir);

describe('importer on the variants corpus, scored against hand-written answer keys', () => {
  it('has a corpus to score', () => {
    expect(results.length).toBeGreaterThanOrEqual(8);
  });

  it.each(results)('$name: names, dimensions, budgets, units and missions at least 95 pct right, 90 pct of wrong fields flagged, at most 30 pct of items flagged', (r) => {
    expect(r.error).toBeUndefined();
    const s = r.score;
    const misses = s.misses.join('\n');
    expect(pct(s.names), misses).toBeGreaterThanOrEqual(THRESHOLDS.field);
    expect(pct(s.dimensions), misses).toBeGreaterThanOrEqual(THRESHOLDS.field);
    expect(pct(s.budgets), misses).toBeGreaterThanOrEqual(THRESHOLDS.field);
    expect(pct(s.units), misses).toBeGreaterThanOrEqual(THRESHOLDS.field);
    expect(pct(s.missions), misses).toBeGreaterThanOrEqual(THRESHOLDS.field);
    expect(flagRecall(s), misses).toBeGreaterThanOrEqual(THRESHOLDS.flagRecall);
    expect(flaggedShareBeyondAmbiguous(s)).toBeLessThanOrEqual(THRESHOLDS.flaggedShare);
  });

  it.each(results)('$name: every dimension title the document prints is read, and a dimension left without one is flagged', (r) => {
    expect(pct(r.score.dimensionTitles), r.score.misses.join('\n')).toBe(100);
  });

  it.each(results)('$name: every total the document prints (counts, budgets per dimension and year) is read with its line, and none is invented', (r) => {
    expect(r.stated.missed).toEqual([]);
    expect(r.stated.extra).toBe(0);
  });
});
