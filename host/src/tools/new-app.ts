import { cp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const TEMPLATE = path.join(repoRoot, 'scripts/app-template');
const TOKEN = 'starterapp';

/** What to create: the app's name, and optionally its titles and colour for the manifest. */
export interface NewAppOptions {
  name: string;
  titleKo?: string;
  titleEn?: string;
  accent?: string;
  /** The repository to write into (tests use a scratch copy of the files it edits). */
  root?: string;
}

/**
 * `npm run new-app <name>`: copies scripts/app-template to `apps/<name>/{contracts,server,web}` with
 * the name filled in, and registers the app in the host: one entry in `host/src/apps.ts`, plus the
 * host's package dependency and TypeScript project reference (`npm install` then links the new
 * workspaces and records them in the lock file). Returns the files it changed outside the app.
 */
export async function newApp(options: NewAppOptions): Promise<string[]> {
  const root = options.root ?? repoRoot;
  const name = options.name;
  if (!/^[a-z][a-z0-9]{1,30}$/.test(name))
    throw new Error(`app name "${name}": lowercase letters and digits, starting with a letter`);
  const target = path.join(root, 'apps', name);
  if (await exists(target)) throw new Error(`apps/${name} already exists`);
  const pascal = name[0]?.toUpperCase() + name.slice(1);
  const fill = (text: string) =>
    text
      .replaceAll(
        `title: { ko: 'Starterapp', en: 'Starterapp' }`,
        `title: { ko: '${options.titleKo ?? pascal}', en: '${options.titleEn ?? pascal}' }`,
      )
      .replaceAll(`accent: '#475569'`, `accent: '${options.accent ?? '#475569'}'`)
      .replaceAll(TOKEN, name)
      .replaceAll('Starterapp', pascal);
  await cp(TEMPLATE, target, { recursive: true });
  for (const file of await filesUnder(target)) {
    await writeFile(file, fill(await readFile(file, 'utf8')));
    const base = path.basename(file);
    if (base.includes(TOKEN)) await rename(file, path.join(path.dirname(file), base.replaceAll(TOKEN, name)));
  }
  return register(root, name);
}

/** Adds the app to the host's list, package dependencies and project references. */
async function register(root: string, name: string): Promise<string[]> {
  const appsFile = path.join(root, 'host/src/apps.ts');
  let apps = await readFile(appsFile, 'utf8');
  const list = /export const allApps: readonly AppDefinition\[\] = \[([^\]]*)\];/.exec(apps);
  if (!list?.[1]) throw new Error('host/src/apps.ts: the allApps list was not found');
  apps = apps.replace(list[0], list[0].replace(list[1], `${list[1].trim()}, ${name}`));
  apps = `import { ${name} } from '@app/${name}-server';\n${apps}`;
  await writeFile(appsFile, apps);

  const packageFile = path.join(root, 'host/package.json');
  const pkg = JSON.parse(await readFile(packageFile, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies[`@app/${name}-server`] = '*';
  pkg.dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  await writeFile(packageFile, `${JSON.stringify(pkg, null, 2)}\n`);

  const tsconfigFile = path.join(root, 'host/tsconfig.json');
  const tsconfig = JSON.parse(await readFile(tsconfigFile, 'utf8')) as { references: { path: string }[] };
  tsconfig.references.push({ path: `../apps/${name}/server` });
  await writeFile(tsconfigFile, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return ['host/src/apps.ts', 'host/package.json', 'host/tsconfig.json'];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'title-ko': { type: 'string' }, 'title-en': { type: 'string' }, accent: { type: 'string' } },
  });
  const name = positionals[0];
  if (!name) {
    process.stderr.write(
      'usage: npm run new-app <name> [-- --title-ko 이름 --title-en Name --accent #334155]\n',
    );
    process.exit(2);
  }
  const touched = await newApp({
    name,
    ...(values['title-ko'] ? { titleKo: values['title-ko'] } : {}),
    ...(values['title-en'] ? { titleEn: values['title-en'] } : {}),
    ...(values.accent ? { accent: values.accent } : {}),
  });
  process.stdout.write(
    [
      `Created apps/${name}/{contracts,server,web} and registered it in ${touched.join(', ')}.`,
      'Next:',
      '  npm install                 link the new workspaces (updates package-lock.json)',
      `  edit apps/${name}/contracts/src/manifest.ts (texts, colour) and write migrations`,
      '  npm run db:types            regenerate the database types',
      '  npm run api:client          regenerate the typed API client',
      `  npm test                    includes apps/${name}'s route x role test`,
      'See docs/development.md, "Add an app".',
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`new-app failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
