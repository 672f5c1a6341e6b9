/**
 * A small interpreter of the OpenAPI 3.0 schema subset that LINE's `messaging-api.yml` uses for request bodies:
 * `$ref` to components, `allOf`, `type`, `properties`, `required`, `enum`, `minLength`/`maxLength` (UTF-16 code units,
 * as LINE counts), `minItems`/`maxItems`, `minimum`/`maximum`, `pattern`, `format: uri`, `additionalProperties` (a
 * schema) and `discriminator` (by `propertyName`, through its `mapping`). A subtype lists its base in `allOf`; the base's
 * discriminator applies where the base is referenced, not again from inside the subtype.
 *
 * Anything else in a schema it meets (`oneOf`, `anyOf`, `not`, …) makes it throw rather than pass silently: a keyword it
 * cannot check must not turn into "valid". Unknown properties are not refused: the published schema does not close its
 * objects. Problems come out as LINE words them: `{ property: "messages[0].template.actions[0].label", message }`.
 */

export interface Problem {
  property: string;
  message: string;
}

export type SchemaObject = {
  $ref?: string;
  allOf?: SchemaObject[];
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, SchemaObject>;
  required?: string[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
};

export interface OpenApiDocument {
  components: { schemas: Record<string, SchemaObject> };
}

/** Keywords that only document (or are not about validation), so skipping them loses nothing. */
const DOCUMENTATION = new Set(['description', 'externalDocs', 'example', 'examples', 'default', 'title', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'xml']);
const CHECKED = new Set([
  '$ref', 'allOf', 'type', 'properties', 'required', 'enum', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'minimum', 'maximum', 'pattern', 'format', 'items', 'additionalProperties', 'discriminator',
]);
/** `format` values that are checked; the others (int32, int64, double, date-time, binary) only describe. */
const CHECKED_FORMATS = new Set(['uri']);

export interface SchemaValidator {
  /** Validates `value` against `components.schemas[name]`; `path` prefixes every property path. */
  validate(name: string, value: unknown, path?: string): Problem[];
}

/**
 * `roots`: the schemas that will be validated; everything reachable from them is checked for keywords this validator
 * does not interpret, up front, so an unsupported schema fails at start rather than passes a body.
 */
export function createSchemaValidator(doc: OpenApiDocument, roots: string[]): SchemaValidator {
  const schemas = doc.components.schemas;
  // Every reply is checked (the sandbox's own cost, paid in the process it shares with the product locally): each
  // reference is resolved and each pattern compiled once.
  const resolved = new Map<string, { name: string; schema: SchemaObject }>();
  const deref = (ref: string): { name: string; schema: SchemaObject } => {
    const known = resolved.get(ref);
    if (known) return known;
    const name = ref.replace(/^#\/components\/schemas\//, '');
    const schema = schemas[name];
    if (!schema || name === ref) throw new Error(`OpenAPI: unresolvable reference ${ref}`);
    resolved.set(ref, { name, schema });
    return { name, schema };
  };
  const propertyLists = new WeakMap<SchemaObject, [string, SchemaObject][]>();
  const propertiesOf = (schema: SchemaObject): [string, SchemaObject][] => {
    let list = propertyLists.get(schema);
    if (!list) propertyLists.set(schema, (list = Object.entries(schema.properties ?? {})));
    return list;
  };
  const patterns = new Map<string, RegExp>();
  const patternOf = (source: string): RegExp => {
    let re = patterns.get(source);
    if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
    return re;
  };
  const seen = new Set<SchemaObject>();
  const assertSupported = (schema: SchemaObject, at: string): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    for (const key of Object.keys(schema)) {
      if (!CHECKED.has(key) && !DOCUMENTATION.has(key)) throw new Error(`OpenAPI: keyword "${key}" in ${at} is not supported by this validator`);
    }
    const next: Array<[SchemaObject, string]> = [
      ...(schema.$ref ? [[deref(schema.$ref).schema, schema.$ref] as [SchemaObject, string]] : []),
      ...(schema.allOf ?? []).map((s, i): [SchemaObject, string] => [s, `${at}.allOf[${i}]`]),
      ...Object.entries(schema.properties ?? {}).map(([k, s]): [SchemaObject, string] => [s, `${at}.${k}`]),
      ...(schema.items ? [[schema.items, `${at}[]`] as [SchemaObject, string]] : []),
      ...(typeof schema.additionalProperties === 'object' ? [[schema.additionalProperties, `${at}.*`] as [SchemaObject, string]] : []),
      ...Object.values(schema.discriminator?.mapping ?? {}).map((ref): [SchemaObject, string] => [deref(ref).schema, ref]),
    ];
    for (const [s, where] of next) assertSupported(s, where);
  };
  for (const root of roots) assertSupported(deref(`#/components/schemas/${root}`).schema, root);

  const walk = (schema: SchemaObject, value: unknown, path: string, out: Problem[], asBase = false): void => {
    if (schema.$ref) {
      walk(deref(schema.$ref).schema, value, path, out, asBase);
      return;
    }
    const bad = (message: string, at = path) => void out.push({ property: at, message });

    if (schema.discriminator && !asBase) {
      const { propertyName, mapping = {} } = schema.discriminator;
      const tag = isObject(value) ? value[propertyName] : undefined;
      const at = join(path, propertyName);
      if (!isObject(value)) return bad('must be an object');
      if (tag === undefined) return bad('must be specified', at);
      const target = typeof tag === 'string' ? mapping[tag] : undefined;
      if (!target) return bad(`must be one of [${Object.keys(mapping).join(', ')}]`, at);
      // The subtype repeats the base in its allOf: that visit checks the base's own properties, not the discriminator.
      walk(deref(target).schema, value, path, out);
      return;
    }
    for (const part of schema.allOf ?? []) walk(part, value, path, out, true);

    if (value === undefined || value === null) return;
    if (schema.enum && !schema.enum.includes(value)) return bad(`must be one of [${schema.enum.join(', ')}]`);
    switch (schema.type) {
      case 'string':
        if (typeof value !== 'string') return bad('must be a string');
        if (schema.minLength !== undefined && value.length < schema.minLength) {
          bad(schema.minLength === 1 && schema.maxLength === undefined ? 'May not be empty' : lengthMessage(schema));
        } else if (schema.maxLength !== undefined && value.length > schema.maxLength) bad(lengthMessage(schema));
        if (schema.pattern && !patternOf(schema.pattern).test(value)) bad(`must match "${schema.pattern}"`);
        if (schema.format && CHECKED_FORMATS.has(schema.format) && !URL.canParse(value)) bad('invalid uri');
        return;
      case 'integer':
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) return bad(`must be ${schema.type === 'integer' ? 'an integer' : 'a number'}`);
        if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
          bad(`must be between ${schema.minimum ?? '-∞'} and ${schema.maximum ?? '∞'}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') bad('must be a boolean');
        return;
      case 'array':
        if (!Array.isArray(value)) return bad('must be an array');
        if ((schema.minItems !== undefined && value.length < schema.minItems) || (schema.maxItems !== undefined && value.length > schema.maxItems)) {
          bad(`Size must be between ${schema.minItems ?? 0} and ${schema.maxItems ?? 'unbounded'}`);
        }
        if (schema.items) value.forEach((item, i) => walk(schema.items!, item, `${path}[${i}]`, out));
        return;
      default:
        break;
    }
    if (schema.type === 'object' || schema.properties || schema.required || schema.additionalProperties) {
      if (!isObject(value)) return bad('must be an object');
      for (const name of schema.required ?? []) if (value[name] === undefined || value[name] === null) bad('must be specified', join(path, name));
      for (const [name, sub] of propertiesOf(schema)) {
        if (value[name] !== undefined) walk(sub, value[name], join(path, name), out);
      }
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') {
        for (const [name, v] of Object.entries(value)) if (!schema.properties?.[name]) walk(extra, v, join(path, name), out);
      }
    }
  };

  return {
    validate(name, value, path = '') {
      const out: Problem[] = [];
      walk(deref(`#/components/schemas/${name}`).schema, value, path, out);
      return dedupe(out);
    },
  };
}

function lengthMessage(schema: SchemaObject): string {
  return `Length must be between ${schema.minLength ?? 0} and ${schema.maxLength ?? 'unbounded'}`;
}

/** One problem per property (the first found), in the order of the properties' paths. */
export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      if (seen.has(p.property)) return false;
      seen.add(p.property);
      return true;
    })
    .sort((a, b) => a.property.localeCompare(b.property, 'en', { numeric: true }));
}

export const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
