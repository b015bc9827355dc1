import type { PathItemObject, ReferenceObject, SchemaObject } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import {
  apiClientFiles,
  type OpenApiDocument,
  ownerOf,
  reachableSchemas,
  splitDocument,
} from './web-api-client-files.js';

type Schema = SchemaObject | ReferenceObject;
const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ description: 'answer', content: { 'application/json': { schema } } });
const get = (schema: Schema): PathItemObject => ({
  get: { responses: { 200: json(schema), '4XX': json(ref('Error')) } },
});

// A small document shaped like the app's: platform paths, two apps, a schema shared by all
// (Error), one shared by the platform and an app (User), nested references, and an orphan.
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/me': get(ref('User')),
    '/api/v1/apps': get({ type: 'object' }),
    '/api/v1/alpha/things/{id}': get(ref('AlphaThing')),
    '/api/v1/alpha': get({ type: 'array', items: ref('User') }),
    '/api/v1/beta/overview': get(ref('BetaOverview')),
    '/api/v1/alphabet/x': get({ type: 'string' }),
  },
  components: {
    schemas: {
      Error: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
      User: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      AlphaThing: { type: 'object', properties: { owner: ref('AlphaOwner') }, required: ['owner'] },
      AlphaOwner: { type: 'object', properties: { user: ref('User') }, required: ['user'] },
      BetaOverview: { type: 'object', properties: { role: { type: 'string' } }, required: ['role'] },
      Orphan: { type: 'object' },
    },
  },
};

describe('the API client split', () => {
  it('gives a path to the app named by its first segment, else to the platform', () => {
    const apps = ['alpha', 'beta'];
    expect(ownerOf('/api/v1/alpha/things/{id}', apps)).toBe('alpha');
    expect(ownerOf('/api/v1/alpha', apps)).toBe('alpha');
    expect(ownerOf('/api/v1/alphabet/x', apps)).toBeUndefined();
    expect(ownerOf('/api/v1/me', apps)).toBeUndefined();
    expect(ownerOf('/health', apps)).toBeUndefined();
  });

  it('follows references through other schemas', () => {
    const schemas = document.components?.schemas ?? {};
    expect([...reachableSchemas(get(ref('AlphaThing')), schemas)].sort()).toEqual([
      'AlphaOwner',
      'AlphaThing',
      'Error',
      'User',
    ]);
  });

  it("gives each part its own paths and exactly the schemas they reach, no other app's", () => {
    const parts = splitDocument(document, ['alpha', 'beta']);
    const paths = (part: OpenApiDocument) => Object.keys(part.paths ?? {}).sort();
    const schemas = (part: OpenApiDocument) => Object.keys(part.components?.schemas ?? {});
    expect(paths(parts.platform)).toEqual(['/api/v1/alphabet/x', '/api/v1/apps', '/api/v1/me']);
    expect(schemas(parts.platform)).toEqual(['Error', 'User']);
    const alpha = parts.apps.get('alpha');
    const beta = parts.apps.get('beta');
    if (!alpha || !beta) throw new Error('an app has no part');
    expect(paths(alpha)).toEqual(['/api/v1/alpha', '/api/v1/alpha/things/{id}']);
    expect(schemas(alpha)).toEqual(['AlphaOwner', 'AlphaThing', 'Error', 'User']);
    expect(paths(beta)).toEqual(['/api/v1/beta/overview']);
    expect(schemas(beta)).toEqual(['BetaOverview', 'Error']);
    expect(parts.platform.info).toEqual(document.info);
  });

  it('writes self-contained files: the platform in packages/client, each app in its contracts', async () => {
    const files = await apiClientFiles(document, ['alpha', 'beta', 'gamma']);
    expect(files.map((file) => file.file)).toEqual([
      'packages/client/src/api/schema.generated.ts',
      'apps/alpha/contracts/src/api.generated.ts',
      'apps/beta/contracts/src/api.generated.ts',
      'apps/gamma/contracts/src/api.generated.ts',
    ]);
    const [platform, alpha, beta, gamma] = files.map((file) => file.text);
    expect(platform).toContain('"/api/v1/me": {');
    expect(platform).not.toMatch(/\/api\/v1\/(alpha|beta)\/|AlphaThing|BetaOverview|Orphan/);
    expect(alpha).toContain('"/api/v1/alpha/things/{id}": {');
    expect(alpha).toContain('AlphaOwner: {');
    expect(alpha).toContain('User: {');
    expect(alpha).not.toMatch(/\/api\/v1\/(me|apps|beta)|BetaOverview/);
    expect(beta).toContain('BetaOverview: {');
    expect(beta).not.toMatch(/AlphaThing|User: \{/);
    for (const text of files.map((file) => file.text)) {
      expect(text).toMatch(/^\/\*\*\n \* Generated from \/api\/openapi\.json by `npm run api:client`/);
      expect(text).not.toMatch(/^import /m);
    }
    // An app without routes gets an empty interface: `Record<string, never>` would make every path
    // of `PlatformPaths & AppPaths` unusable.
    expect(gamma).toContain('export interface paths {}');
    expect(gamma).not.toContain('Record<string, never>;\nexport type webhooks');
  });
});
