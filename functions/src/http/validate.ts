import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../errors.ts';

/** zod issues as the field issues of a 400 answer: paths like "contact.phone" or "photos.1", Thai where we word them. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.code === 'unrecognized_keys' ? `ไม่รู้จักช่อง ${i.keys.join(', ')}` : i.message,
  }));
}

/**
 * Validates input from outside (body, params, query) against its schema: the parsed value, or a ValidationError
 * listing every field issue (mapped to 400 `{ error, issues: [{ path, message }] }`).
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, publicMessage?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  throw publicMessage ? new ValidationError(issues, publicMessage) : new ValidationError(issues);
}
