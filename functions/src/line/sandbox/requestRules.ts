import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { documentedLimitProblems } from './documentedLimits.ts';
import { createSchemaValidator, dedupe, type OpenApiDocument, type Problem, type SchemaValidator } from './openapi.ts';

/**
 * What LINE checks on a send request before it sends anything: the request schema of LINE's published
 * `messaging-api.yml` (vendored beside this file, see line-openapi/README.md) and the documented limits the schema
 * leaves out. Local mode and tests only: production never loads it.
 */
export type SendKind = 'reply' | 'push' | 'multicast';

const REQUEST_SCHEMA: Record<SendKind, string> = {
  reply: 'ReplyMessageRequest',
  push: 'PushMessageRequest',
  multicast: 'MulticastRequest',
};

let validator: SchemaValidator | undefined;

function schemaValidator(): SchemaValidator {
  if (!validator) {
    const doc = parse(readFileSync(new URL('./line-openapi/messaging-api.yml', import.meta.url), 'utf8')) as OpenApiDocument;
    validator = createSchemaValidator(doc, Object.values(REQUEST_SCHEMA));
  }
  return validator;
}

/** Every problem LINE would report for this request body, schema first; empty when LINE would accept it. */
export function sendRequestProblems(kind: SendKind, body: unknown): Problem[] {
  const problems = schemaValidator().validate(REQUEST_SCHEMA[kind], body);
  const messages = (body as { messages?: unknown } | null)?.messages;
  return dedupe([...problems, ...documentedLimitProblems(messages)]);
}

/** LINE's 400 body: `{"message":"The request body has N error(s)","details":[{message, property}]}`. */
export function lineErrorBody(problems: Problem[]): { message: string; details: Problem[] } {
  return { message: `The request body has ${problems.length} error(s)`, details: problems.map(({ message, property }) => ({ message, property })) };
}
