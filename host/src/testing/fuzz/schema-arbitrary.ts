import fc from 'fast-check';
import { hostileValue } from './hostile-values.js';

/** The subset of JSON Schema (OpenAPI 3.1 and zod's toJSONSchema) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** What the generator needs besides the schema. */
export interface SchemaContext {
  /** `#/components/schemas/<name>` targets. */
  refs: Record<string, JsonSchema>;
  /** Ids seen in earlier responses for a field or parameter name: uuids point at real rows often. */
  knownIds: (name: string) => readonly string[];
  /** How often (0..1) a node is replaced by a hostile value. 0 generates plausible input. */
  hostility: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A fast-check arbitrary for values of `schema`: plausible values (in bounds, right formats, the
 * edges of every range and length) where a node is, with probability `hostility`, swapped for a
 * hostile one (NUL, lone surrogates, huge and negative numbers, wrong types, deep garbage).
 * Plausible input gets past validation to the handlers and the database; hostile input tests
 * the validation itself.
 */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  context: SchemaContext,
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> {
  const plausible = depth > 6 ? fc.constant(null) : plausibleFor(schema ?? {}, context, depth, name);
  if (context.hostility <= 0) return plausible;
  const weight = Math.max(1, Math.round(100 * context.hostility));
  return fc.oneof(
    { weight: 100 - Math.min(99, weight), arbitrary: plausible },
    { weight, arbitrary: hostileValue },
  );
}

function plausibleFor(
  schema: JsonSchema,
  context: SchemaContext,
  depth: number,
  name: string,
): fc.Arbitrary<unknown> {
  const inner = (child: JsonSchema | undefined) => arbitraryFor(child, context, depth + 1, name);
  if (schema.$ref) return inner(context.refs[schema.$ref.split('/').pop() ?? '']);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map(inner));
  if (schema.allOf?.[0]) return inner(schema.allOf[0]);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => plausibleFor({ ...schema, type }, context, depth, name)));
  switch (types[0]) {
    case 'object':
      return objectFor(schema, context, depth);
    case 'array':
      return arrayFor(schema, context, depth, name);
    case 'string':
      return stringFor(schema, context, name);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      if (schema.properties) return objectFor(schema, context, depth);
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties))
    shape[key] = arbitraryFor(child, context, depth + 1, key);
  const required = (schema.required ?? []).filter((key) => key in shape);
  const record = fc.record(shape, { requiredKeys: required });
  if (Object.keys(shape).length > 0 || typeof schema.additionalProperties !== 'object') return record;
  const values = arbitraryFor(schema.additionalProperties, context, depth + 1);
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 4 });
}

function arrayFor(
  schema: JsonSchema,
  context: SchemaContext,
  depth: number,
  name: string,
): fc.Arbitrary<unknown> {
  const inner = (child: JsonSchema | undefined) => arbitraryFor(child, context, depth + 1, name);
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(inner));
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
  const items = inner(schema.items);
  const edge = schema.maxItems !== undefined && schema.maxItems <= 200 ? [schema.maxItems] : [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(items, { minLength, maxLength }) },
    // The longest list the schema allows, of one value (cheap to build, and it reaches the bound).
    ...edge.map((length) => ({
      weight: 1,
      arbitrary: items.map((item) => Array.from({ length }, () => item)),
    })),
  );
}

function stringFor(schema: JsonSchema, context: SchemaContext, name: string): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid': {
      const known = context.knownIds(name);
      return known.length > 0
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() })
        : fc.uuid();
    }
    case 'email':
      return fc.stringMatching(/^[a-z]{1,10}\.[a-z0-9]{1,6}@example\.test$/);
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'uri':
      // Loopback only: the server must never be led to resolve or call another address.
      return fc.constantFrom('http://127.0.0.1:9/hook', 'https://[::1]/x', 'https://localhost/push');
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 1000));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain strings.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 10_000;
  const edges: fc.Arbitrary<string>[] = [
    // The longest string allowed, in characters of three and four UTF-8 bytes (index and column limits).
    fc.constantFrom('가', '😀').map((c) => c.repeat(c.length === 2 ? Math.floor(maxLength / 2) : maxLength)),
    fc.constant(' '.repeat(Math.max(minLength, 1))),
  ];
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.string({
        minLength,
        maxLength: Math.max(minLength, Math.min(maxLength, 24)),
        unit: 'grapheme',
      }),
    },
    { weight: 1, arbitrary: fc.oneof(...edges) },
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = Math.max(
    schema.minimum ?? (schema.exclusiveMinimum ?? -MAX_SAFE - 1) + (integer ? 1 : 0),
    -MAX_SAFE,
  );
  const max = Math.min(
    schema.maximum ?? (schema.exclusiveMaximum ?? MAX_SAFE + 1) - (integer ? 1 : 0),
    MAX_SAFE,
  );
  const edges = fc.constantFrom(min, max, Math.max(min, Math.min(max, 0)));
  const within = integer
    ? fc.integer({ min: Math.max(min, -1000), max: Math.max(Math.max(min, -1000), Math.min(max, 1000)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 3, arbitrary: within }, { weight: 1, arbitrary: edges });
}
