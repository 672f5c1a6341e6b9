import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

/**
 * Validates input from outside (body, params, query) against its schema: the parsed value, or a ValidationError
 * listing every field issue (mapped to 400 `{ error, issues: [{ path, message }] }`).
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, publicMessage?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw publicMessage ? new ValidationError(issues, publicMessage) : new ValidationError(issues);
}
