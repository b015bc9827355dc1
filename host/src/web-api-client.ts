import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, migrate, withConfig } from '@app/platform';
import openapiTS, { astToString } from 'openapi-typescript';
import pg from 'pg';
import { allApps, allMigrationSources, appNames } from './apps.js';
import { scratchDatabase } from './tools/scratch-database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = path.join(root, 'packages/client/src/api/schema.generated.ts');

const header = `/**
 * Generated from /api/openapi.json by \`npm run api:client\` (host/src/web-api-client.ts).
 * Do not edit: change the route schemas and regenerate. CI fails when this file is stale.
 */

`;

/**
 * `npm run api:client`: builds the app with every module mounted (it never listens), takes its
 * OpenAPI document and writes the typed paths for openapi-fetch. `--check` writes nothing and
 * fails when the committed file differs.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const generated = await generate();
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === generated) {
    process.stdout.write('The API client is up to date.\n');
    return;
  }
  if (check) {
    process.stderr.write(`Stale API client (run \`npm run api:client\`): ${path.relative(root, target)}\n`);
    process.exit(1);
  }
  await writeFile(target, generated);
  process.stdout.write(`Updated ${path.relative(root, target)}\n`);
}

/** The generated module's text for the current route schemas. */
export async function generate(): Promise<string> {
  // The app's services open the database at build time, so it gets a migrated scratch one.
  const scratch = await scratchDatabase('apiclient');
  try {
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    try {
      await migrate(pool, allMigrationSources);
    } finally {
      await pool.end();
    }
    const config = withConfig(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        // A fixed URL: the document's `servers` must not depend on where it was generated.
        PUBLIC_URL: 'http://localhost:3000',
        APPS: appNames.join(','),
      }),
      { database: { url: scratch.url } },
    );
    const app = await buildApp(config, { apps: allApps });
    try {
      await app.ready();
      const document = withoutFlattenedRecords(structuredClone(app.swagger())) as Parameters<
        typeof openapiTS
      >[0];
      const ast = await openapiTS(document, { alphabetize: true });
      return header + astToString(ast);
    } finally {
      await app.close();
    }
  } finally {
    await scratch.dispose();
  }
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
