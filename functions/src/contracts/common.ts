/** Shapes more than one API shares: the error body, fiscal years and dates as the APIs take them. */
import { z } from 'zod';
import { thaiDigitsToArabic } from '../text/numbers.ts';

/** One problem with the input: where (a dotted path) and what, in Thai. */
export interface Issue {
  path: string;
  message: string;
}

/** Every error answer: `{ error, issues? }` (http/errors.ts); 400 carries the field issues. */
export interface ErrorBody {
  error: string;
  issues?: Issue[];
}

/** Buddhist-era fiscal year, e.g. 2566. */
export const fiscalYearSchema = z.number().int().min(2500).max(2700);

/** A fiscal year in a path or query: four Buddhist-era digits, Thai digits accepted ("๒๕๖๙"). */
export const yearParamSchema = z
  .string()
  .transform(thaiDigitsToArabic)
  .pipe(z.string().regex(/^25\d\d$/, { error: 'ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก เช่น 2567' }))
  .transform(Number)
  .pipe(fiscalYearSchema);
