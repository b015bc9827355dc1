import type { App } from '@app/platform';
import openapiTS, { astToString, type OpenAPI3, type PathsObject } from 'openapi-typescript';

/** An OpenAPI 3 document (the app's `/api/openapi.json`). */
export type OpenApiDocument = OpenAPI3;

/** One generated file: where it goes (relative to the repository root) and its text. */
export interface GeneratedFile {
  file: string;
  text: string;
}

/** Where the platform's paths go: the client package the UI kit and every web app import. */
export const PLATFORM_CLIENT_FILE = 'packages/client/src/api/schema.generated.ts';

/** Where an app's own paths go: its contracts, which its web, e2e and bench code import. */
export function appClientFile(app: string): string {
  return `apps/${app}/contracts/src/api.generated.ts`;
}

/**
 * The app a path belongs to (`/api/v1/<app>/...` of a known app), or undefined for the platform's
 * paths (auth, me, files, chat, billing, ...).
 */
export function ownerOf(pathName: string, apps: readonly string[]): string | undefined {
  const segment = /^\/api\/v1\/([^/]+)(?:\/|$)/.exec(pathName)?.[1];
  return segment !== undefined && apps.includes(segment) ? segment : undefined;
}

const SCHEMA_REF = '#/components/schemas/';

/** Names of the component schemas that `value` refers to, directly or through other schemas. */
export function reachableSchemas(value: unknown, schemas: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const pending: unknown[] = [value];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        // A JSON pointer segment: `~1` is `/`, `~0` is `~`.
        const name = child.slice(SCHEMA_REF.length).replaceAll('~1', '/').replaceAll('~0', '~');
        if (!found.has(name) && name in schemas) {
          found.add(name);
          pending.push(schemas[name]);
        }
      } else {
        pending.push(child);
      }
    }
  }
  return found;
}

/**
 * Splits the document in one per owner: the platform's paths, and each app's `/api/v1/<app>/`
 * paths. Each part carries exactly the component schemas its paths reach (the shared ones, such as
 * `Error`, in every part that uses them), so every generated file stands alone and an app's file
 * names no other app's shapes. Schemas that no path reaches are in no part.
 */
export function splitDocument(
  document: OpenApiDocument,
  apps: readonly string[],
): { platform: OpenApiDocument; apps: Map<string, OpenApiDocument> } {
  const groups = new Map<string | undefined, PathsObject>([[undefined, {}]]);
  for (const app of apps) groups.set(app, {});
  for (const [pathName, item] of Object.entries(document.paths ?? {})) {
    const group = groups.get(ownerOf(pathName, apps));
    if (group) group[pathName] = item;
  }
  const schemas = document.components?.schemas ?? {};
  const part = (paths: PathsObject): OpenApiDocument => {
    const names = [...reachableSchemas(paths, schemas)].sort();
    return {
      ...document,
      paths,
      components: {
        ...document.components,
        schemas: Object.fromEntries(names.flatMap((name) => (schemas[name] ? [[name, schemas[name]]] : []))),
      },
    };
  };
  return {
    platform: part(groups.get(undefined) ?? {}),
    apps: new Map(apps.map((app) => [app, part(groups.get(app) ?? {})])),
  };
}

function header(what: string): string {
  return `/**
 * Generated from /api/openapi.json by \`npm run api:client\` (host/src/web-api-client.ts): ${what}.
 * Do not edit: change the route schemas and regenerate. CI fails when this file is stale.
 */

`;
}

/**
 * openapi-typescript writes `paths = Record<string, never>` for a document without paths, which
 * would turn every path of `PlatformPaths & AppPaths` into `never`: an app without routes gets an
 * empty interface instead.
 */
const NO_PATHS = 'export type paths = Record<string, never>;';

async function typesOf(document: OpenApiDocument, what: string): Promise<string> {
  const ast = await openapiTS(document, { alphabetize: true });
  const text = astToString(ast).replace(NO_PATHS, 'export interface paths {}');
  return header(what) + text;
}

/**
 * The typed client's files for `document`: the platform's paths in packages/client, and each
 * app's own paths in its contracts (`apps/<app>/contracts/src/api.generated.ts`).
 */
export async function apiClientFiles(
  document: OpenApiDocument,
  apps: readonly string[],
): Promise<GeneratedFile[]> {
  const parts = splitDocument(document, apps);
  const files: GeneratedFile[] = [
    {
      file: PLATFORM_CLIENT_FILE,
      text: await typesOf(parts.platform, "the platform's paths (every path outside /api/v1/<app>/)"),
    },
  ];
  for (const [app, part] of parts.apps)
    files.push({
      file: appClientFile(app),
      text: await typesOf(part, `${app}'s paths (/api/v1/${app}/...)`),
    });
  return files;
}

/** The app's OpenAPI document as the client generator reads it (a copy, with the fix-up below). */
export function openApiDocument(app: App): OpenApiDocument {
  return withoutFlattenedRecords(structuredClone(app.swagger()) as OpenApiDocument);
}

interface Operation {
  parameters?: { in: string; name: string; schema?: unknown }[];
}

/**
 * fastify-swagger turns a `z.record` querystring (the OAuth callback takes whatever the provider
 * sends) into bogus parameters named after the JSON schema's keys (`type: "object"`, ...), which
 * openapi-typescript rejects. Those operations take free-form query strings: drop the bogus ones.
 */
function withoutFlattenedRecords<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  const schemaKeys = new Set(['type', 'propertyNames', 'additionalProperties']);
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      const parameters = operation.parameters;
      if (!parameters?.some((parameter) => typeof parameter.schema !== 'object')) continue;
      operation.parameters = parameters.filter(
        (parameter) => !(parameter.in === 'query' && schemaKeys.has(parameter.name)),
      );
    }
  }
  return document;
}
