import type { App } from '@app/platform';
import fc from 'fast-check';
import { hostileValue, oversizedBodies } from './hostile-values.js';
import { arbitraryFor, type JsonSchema, type SchemaContext } from './schema-arbitrary.js';

/** One route to fuzz, as the OpenAPI document (or, for hidden routes, the access table) has it. */
export interface FuzzRoute {
  method: string;
  /** OpenAPI template, e.g. `/api/v1/chat/rooms/{roomId}/messages`. */
  path: string;
  params: Parameter[];
  query: Parameter[];
  body: JsonSchema | undefined;
  public: boolean;
}

interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** An HTTP request for `app.inject`. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/**
 * Every route of the app: the documented ones with their schemas, and the hidden ones (docs UI,
 * metrics, upgrade endpoints) with none. HEAD mirrors GET. No list of apps or routes here: what
 * the app mounts is what gets fuzzed.
 */
export function routesOf(app: App): { routes: FuzzRoute[]; refs: Record<string, JsonSchema> } {
  const document = app.swagger() as unknown as OpenApiDocument;
  const publicRoutes = new Set(
    app.routeAccess.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.url}`),
  );
  const routes: FuzzRoute[] = [];
  const documented = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const key = `${method.toUpperCase()} ${fastifyPath}`;
      documented.add(key);
      const parameters = (where: string) =>
        (operation.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({
            name: p.name,
            required: p.required === true,
            schema: typeof p.schema === 'object' && p.schema !== null ? (p.schema as JsonSchema) : {},
          }));
      routes.push({
        method: method.toUpperCase(),
        path,
        params: parameters('path'),
        query: parameters('query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
        public: publicRoutes.has(key),
      });
    }
  }
  for (const { method, url, access } of app.routeAccess) {
    if (method === 'HEAD' || documented.has(`${method} ${url}`) || url.includes('*')) continue;
    routes.push({
      method,
      path: url.replace(/:(\w+)/g, '{$1}'),
      params: [...url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1] ?? '', required: true, schema: {} })),
      query: [],
      body: undefined,
      public: access.kind === 'public',
    });
  }
  return { routes, refs: document.components?.schemas ?? {} };
}

/** `encodeURIComponent`, but lone surrogates are sent as their (invalid) UTF-8 bytes instead of throwing. */
export function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((c) => {
        const code = c.codePointAt(0) ?? 0;
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(c);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      })
      .join('');
  }
}

function asQueryValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(asQueryValues);
  if (value !== null && typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

/** Raw bodies: not JSON, the wrong content type, bytes that are not UTF-8, and multipart uploads. */
const rawBody: fc.Arbitrary<{ payload: string | Buffer; type: string }> = fc.oneof(
  fc.constantFrom('{"a":', 'null', '[]', '"x"', '1e999', '{"a":1,"a":2}', '').map((payload) => ({
    payload,
    type: 'application/json',
  })),
  fc.constantFrom(...oversizedBodies).map((payload) => ({ payload, type: 'application/json' })),
  fc.constantFrom(
    {
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]),
      type: 'application/json',
    },
    { payload: 'name=x%00', type: 'application/x-www-form-urlencoded' },
    { payload: '<x/>', type: 'text/plain' },
  ),
  multipartBody(),
);

/** A multipart upload with a hostile file name (raw NUL, invalid UTF-8, RFC 5987 escapes, path tricks). */
function multipartBody(): fc.Arbitrary<{ payload: Buffer; type: string }> {
  const names = fc.constantFrom(
    Buffer.from('filename="a\u0000b.txt"', 'latin1'),
    Buffer.concat([
      Buffer.from('filename="'),
      Buffer.from([0xed, 0xa0, 0x80, 0xff, 0x00]),
      Buffer.from('.txt"'),
    ]),
    Buffer.from("filename*=UTF-8''%00%ED%A0%80.txt"),
    Buffer.from(`filename="${'가'.repeat(199)}😀.txt"`),
    Buffer.from('filename="../../etc/passwd"'),
    Buffer.from(`filename="${'x'.repeat(5000)}"`),
  );
  const fields = fc.constantFrom('file', 'f\u0000ile', 'other');
  return fc.tuple(names, fields).map(([name, field]) => {
    const boundary = 'fuzzboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${field}"; `),
      name,
      Buffer.from(`\r\ncontent-type: text/plain\r\n\r\nhello fuzz\r\n--${boundary}--\r\n`),
    ]);
    return { payload, type: `multipart/form-data; boundary=${boundary}` };
  });
}

/** Requests for one route: generated path parameters, query string and body, plausible or hostile. */
export function requestsFor(route: FuzzRoute, context: SchemaContext): fc.Arbitrary<FuzzRequest> {
  // A path parameter is named by itself and the segment before it: `courses/{id}` draws course ids.
  const before = (name: string) => route.path.split(`/{${name}}`)[0]?.split('/').at(-1) ?? '';
  const params = fc.record(
    Object.fromEntries(
      route.params.map((p) => [p.name, arbitraryFor(p.schema, context, 0, `${before(p.name)} ${p.name}`)]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(route.query.map((p) => [p.name, arbitraryFor(p.schema, context, 0, p.name)])),
    { requiredKeys: route.query.filter((p) => p.required).map((p) => p.name) },
  );
  // An undeclared query parameter, as often as the input is hostile.
  const undeclared = fc.tuple(fc.constantFrom('limit', 'cursor', 'x', 'q\u0000'), hostileValue);
  const hostileWeight = Math.max(1, Math.round(100 * context.hostility));
  const extraQuery = fc.oneof(
    { weight: 100 - Math.min(99, hostileWeight), arbitrary: fc.constant(null) },
    { weight: hostileWeight, arbitrary: undeclared },
  );
  const takesBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
  // A route without a JSON body schema (an upload, an action) mostly gets raw bodies: multipart
  // with hostile file names, other content types, broken JSON.
  const body: fc.Arbitrary<{ payload: string | Buffer; type: string } | undefined> = takesBody
    ? fc.oneof(
        { weight: route.body ? 8 : 1, arbitrary: arbitraryFor(route.body, context).map((v) => json(v)) },
        { weight: route.body ? 1 : 3, arbitrary: rawBody },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  return fc.tuple(params, query, extraQuery, body).map(([p, q, extra, b]) => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeLoosely(asQueryValues(p[name])[0] ?? ''),
    );
    const pairs = Object.entries(q).flatMap(([k, v]) => asQueryValues(v).map((s) => [k, s] as const));
    if (extra) pairs.push(...asQueryValues(extra[1]).map((s) => [extra[0], s] as const));
    const search = pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
    const request: FuzzRequest = {
      method: route.method,
      url: search ? `${path}?${search}` : path,
      headers: {},
    };
    if (b) {
      request.payload = b.payload;
      request.headers['content-type'] = b.type;
    }
    return request;
  });
}

function json(value: unknown): { payload: string; type: string } {
  return { payload: JSON.stringify(value) ?? 'null', type: 'application/json' };
}
