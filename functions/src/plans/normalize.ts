/**
 * Normalisation rules for plan documents converted from PDF, by stage (`normalize/`): line rules (`lines.ts`),
 * line-wrap spaces (`wraps.ts`), OCR look-alikes and near-misses (`nearMisses.ts`), names (`names.ts`), figures and
 * table rows (`figures.ts`). Each rule is a pure function with its own tests (test/plans/normalize.test.ts, fixtures
 * cut from the real files). The parsers apply them line by line through `normalizeLine`, and `cleanName` for names.
 * This module is the one door the parsers import them by.
 */
export * from './normalize/lines.ts';
export * from './normalize/wraps.ts';
export * from './normalize/nearMisses.ts';
export * from './normalize/names.ts';
export * from './normalize/figures.ts';
