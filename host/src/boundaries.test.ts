import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './web-apps.js';

// The rules `npm run lint` checks the tree with (.dependency-cruiser.cjs), tried here on small
// trees laid out like ours: each rule must catch the import it forbids, and allow the right ones.
const rules = createRequire(import.meta.url)(
  path.join(repoRoot, '.dependency-cruiser.cjs'),
) as IConfiguration;

let root: string;

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** The names of the rules the tree breaks. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = await tree(files);
  const result = await cruise(
    ['packages', 'apps', 'host'].filter((top) => Object.keys(files).some((f) => f.startsWith(`${top}/`))),
    {
      ruleSet: { forbidden: rules.forbidden ?? [] },
      baseDir: dir,
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
    },
  );
  if (typeof result.output === 'string') throw new Error('expected a cruise result object');
  return [...new Set(result.output.summary.violations.map((v) => v.rule.name))].sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'boundaries-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('import boundaries', () => {
  it('allow host -> apps -> packages and an app web using its contracts', async () => {
    expect(
      await violations({
        'host/src/main.ts': "import '../../apps/shop/server/src/index.ts';\n",
        'apps/shop/server/src/index.ts':
          "import '../../contracts/src/index.ts';\nimport '../../../../packages/platform/src/index.ts';\n",
        'apps/shop/web/src/main.ts': "import '../../contracts/src/index.ts';\n",
        'apps/shop/contracts/src/index.ts': "import '../../../../packages/contracts/src/index.ts';\n",
        'packages/platform/src/index.ts': "import '../../contracts/src/index.ts';\n",
        'packages/contracts/src/index.ts': 'export const x = 1;\n',
      }),
    ).toEqual([]);
  });

  it('catch an import cycle, type-only ones included', async () => {
    expect(
      await violations({
        'packages/platform/src/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
        'packages/platform/src/b.ts': "import type { A } from './a.ts';\nexport type B = A | 1;\n",
      }),
    ).toEqual(['no-cycles']);
  });

  it('catch a package importing an app, and an app importing another app', async () => {
    expect(
      await violations({
        'packages/platform/src/index.ts': "import '../../../apps/shop/server/src/index.ts';\n",
        'apps/shop/server/src/index.ts': "import '../../../school/server/src/index.ts';\n",
        'apps/school/server/src/index.ts': 'export const x = 1;\n',
      }),
    ).toEqual(['apps-never-import-each-other', 'packages-never-import-apps-or-host']);
  });

  it("catch an app's web importing its server, and nlp importing the platform", async () => {
    expect(
      await violations({
        'apps/shop/web/src/main.ts': "import '../../server/src/index.ts';\n",
        'apps/shop/server/src/index.ts': 'export const x = 1;\n',
        'packages/nlp/src/index.ts': "import '../../platform/src/index.ts';\n",
        'packages/platform/src/index.ts': 'export const x = 1;\n',
      }),
    ).toEqual(['nlp-imports-nothing-of-ours', 'web-and-server-share-only-contracts']);
  });
});
