import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { type AppDefinition, buildApp } from '@app/platform';
import { createTestDatabase, testConfig } from '@app/platform/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClientFiles, appClientFile, openApiDocument } from '../web-api-client-files.js';
import { repoRoot } from '../web-apps.js';
import { newApp } from './new-app.js';

// `npm run new-app` on a scratch copy of the files it edits, inside the repository so the new app
// resolves our packages; its generated tests are then run right here, as `npm test` would run them
// after `npm install` (whose linking of the new workspaces is done by hand below).
// (.data is made by the first `npm start`; a fresh checkout has none yet.)
await mkdir(path.join(repoRoot, '.data'), { recursive: true });
const scratch = await mkdtemp(path.join(repoRoot, '.data', 'new-app-'));
for (const file of ['host/src/apps.ts', 'host/package.json', 'host/tsconfig.json']) {
  await mkdir(path.dirname(path.join(scratch, file)), { recursive: true });
  await copyFile(path.join(repoRoot, file), path.join(scratch, file));
}
// The new app's TypeScript projects extend and reference these (the test's transform reads them).
await symlink(path.join(repoRoot, 'tsconfig.base.json'), path.join(scratch, 'tsconfig.base.json'));
await symlink(path.join(repoRoot, 'packages'), path.join(scratch, 'packages'));
const touched = await newApp({ name: 'probeapp', titleKo: '시험 앱', titleEn: 'Probe', root: scratch });
await mkdir(path.join(scratch, 'node_modules/@app'), { recursive: true });
for (const part of ['contracts', 'server'])
  await symlink(
    path.join(scratch, 'apps/probeapp', part),
    path.join(scratch, `node_modules/@app/probeapp-${part}`),
  );

// The generated app's own tests, registered into this file's run.
await import(path.join(scratch, 'apps/probeapp/server/src/routes-roles.test.ts'));
await import(path.join(scratch, 'apps/probeapp/server/src/overview/overview.test.ts'));

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('npm run new-app', () => {
  it('touches only the host registration outside the new app', async () => {
    expect(touched).toEqual(['host/src/apps.ts', 'host/package.json', 'host/tsconfig.json']);
    const apps = await readFile(path.join(scratch, 'host/src/apps.ts'), 'utf8');
    expect(apps).toContain("import { probeapp } from '@app/probeapp-server';");
    expect(apps).toMatch(/allApps: readonly AppDefinition\[\] = \[[^\]]*, probeapp\]/);
    const manifest = await readFile(path.join(scratch, 'apps/probeapp/contracts/src/manifest.ts'), 'utf8');
    expect(manifest).toContain("title: { ko: '시험 앱', en: 'Probe' }");
    expect(manifest).not.toContain('starterapp');
  });

  it("scaffolds the app's typed client file as `npm run api:client` writes it", async () => {
    // The new app's api.generated.ts (the template's, name filled in) must be what the generator
    // makes of its routes: its web typechecks before anyone runs `npm run api:client`.
    const { probeapp } = (await import(path.join(scratch, 'apps/probeapp/server/src/index.ts'))) as {
      probeapp: AppDefinition;
    };
    const database = await createTestDatabase();
    const app = await buildApp(testConfig(database.url), { apps: [probeapp] });
    try {
      await app.ready();
      const file = appClientFile('probeapp');
      const text = (await apiClientFiles(openApiDocument(app), ['probeapp'])).find(
        (generated) => generated.file === file,
      )?.text;
      expect(text).toContain('"/api/v1/probeapp/overview": {');
      // The template holds this output with the name written back; `npx vitest run
      // host/src/tools/new-app.test.ts -u` rewrites it after a change to the template's routes or to
      // the platform's shared schemas (Error).
      await expect(
        text?.replaceAll('probeapp', 'starterapp').replaceAll('Probeapp', 'Starterapp'),
      ).toMatchFileSnapshot(path.join(repoRoot, 'scripts/app-template/contracts/src/api.generated.ts'));
      expect(await readFile(path.join(scratch, file), 'utf8')).toBe(text);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('refuses a bad name and an app that exists', async () => {
    await expect(newApp({ name: 'Bad-Name', root: scratch })).rejects.toThrow(/lowercase letters/);
    await expect(newApp({ name: 'probeapp', root: scratch })).rejects.toThrow(/already exists/);
  });
});
