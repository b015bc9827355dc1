import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, loadConfig, migrate, withConfig } from '@app/platform';
import pg from 'pg';
import { allApps, allMigrationSources, appNames } from './apps.js';
import { scratchDatabase } from './tools/scratch-database.js';
import { apiClientFiles, type GeneratedFile, openApiDocument } from './web-api-client-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run api:client`: builds the app with every module mounted (it never listens), takes its
 * OpenAPI document and writes the typed paths for openapi-fetch, split per owner: the platform's in
 * packages/client, each app's in its contracts (web-api-client-files.ts). `--check` writes nothing
 * and fails when a committed file differs.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const { file, text } of await generate()) {
    const target = path.join(root, file);
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current === text) continue;
    stale.push(file);
    if (!check) await writeFile(target, text);
  }
  if (!stale.length) {
    process.stdout.write('The API client is up to date.\n');
    return;
  }
  if (check) {
    process.stderr.write(`Stale API client (run \`npm run api:client\`): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`Updated ${stale.join(', ')}\n`);
}

/** The generated files for the current route schemas: the platform's and every app's. */
export async function generate(): Promise<GeneratedFile[]> {
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
      return await apiClientFiles(openApiDocument(app), appNames);
    } finally {
      await app.close();
    }
  } finally {
    await scratch.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
