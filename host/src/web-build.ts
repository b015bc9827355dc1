import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import { appNames } from './apps.js';
import { INITIAL_JS_BUDGET_BYTES, repoRoot, type WebApp, webApps } from './web-apps.js';
import { precompress, typeOf } from './web-files.js';

/**
 * Our workspace packages resolve to their TypeScript sources (as under the `development`
 * condition), while third-party packages keep their production builds.
 */
const workspaceAliases = [
  { find: /^@app\/ui$/, replacement: path.join(repoRoot, 'packages/ui/src/index.ts') },
  { find: /^@app\/client$/, replacement: path.join(repoRoot, 'packages/client/src/index.ts') },
  { find: /^@app\/contracts$/, replacement: path.join(repoRoot, 'packages/contracts/src/index.ts') },
  ...appNames.map((name) => ({
    find: new RegExp(`^@app/${name}-contracts$`),
    replacement: path.join(repoRoot, 'apps', name, 'contracts/src/index.ts'),
  })),
];

/** Vite's configuration of one web app (used by the build and by the dev server). */
export function viteConfig(app: WebApp, mode: 'production' | 'development' = 'production'): InlineConfig {
  return {
    configFile: false,
    root: app.root,
    base: app.base,
    mode,
    logLevel: 'warn',
    plugins: [react(), tailwindcss()],
    resolve: { alias: workspaceAliases },
    build: {
      outDir: app.dist,
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      // Every browser we support has module preload; the polyfill would only add bytes.
      modulePreload: { polyfill: false },
      // Never inline scripts or fonts as data: URLs; the page CSP allows only same-origin files.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        // The contracts are declarations (zod schemas, constants) with no side effects, but their
        // package does not say so: without this, importing one constant pulls in every schema and
        // zod itself into the first screen's bundle.
        treeshake: {
          moduleSideEffects: [{ test: /\/(packages|apps\/[a-z]+)\/contracts\/src\//, sideEffects: false }],
        },
      },
    },
    server: {
      // `npm run dev:web -- <app>`: the API of a host started with `npm run dev` on port 3000.
      proxy: {
        '/api': process.env.API_ORIGIN ?? 'http://localhost:3000',
        '/ws': { target: process.env.API_ORIGIN ?? 'http://localhost:3000', ws: true },
        '/collab': { target: process.env.API_ORIGIN ?? 'http://localhost:3000', ws: true },
      },
    },
  };
}

/** Gzipped size of one app's initial JavaScript: the entry chunk and its static imports. */
export interface InitialSize {
  app: string;
  files: string[];
  gzipBytes: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Reads a built app's manifest and measures the JavaScript a first visit must download. */
export async function initialJsSize(app: WebApp): Promise<InitialSize> {
  const manifest = JSON.parse(await readFile(path.join(app.dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(await readFile(path.join(app.dist, file))).length;
  return { app: app.name, files, gzipBytes };
}

/**
 * Builds the given web apps one after another in this process; returns their initial sizes.
 * With `outRoot`, each app is written to `<outRoot>/<name>` instead of its own dist (tests).
 */
export async function buildWebApps(
  apps: readonly WebApp[] = webApps,
  options: { outRoot?: string } = {},
): Promise<{ apps: WebApp[]; sizes: InitialSize[] }> {
  const { build } = await import('vite');
  const built: WebApp[] = [];
  const sizes: InitialSize[] = [];
  // Vite and the React plugin take "production" from NODE_ENV when it is set (`test` under Vitest
  // would give React's development build and JSX runtime): a build is always a production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const source of apps) {
      const app = options.outRoot ? { ...source, dist: path.join(options.outRoot, source.name) } : source;
      await build(viteConfig(app));
      await precompress(app.dist, typeOf);
      built.push(app);
      sizes.push(await initialJsSize(app));
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return { apps: built, sizes };
}

/** A table of sizes against the budget, for the build's output. */
export function formatSizes(sizes: readonly InitialSize[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = sizes.map(
    (size) =>
      `  ${size.app.padEnd(14)}${kb(size.gzipBytes).padStart(10)} of ${kb(INITIAL_JS_BUDGET_BYTES)}` +
      (size.gzipBytes > INITIAL_JS_BUDGET_BYTES ? '  OVER BUDGET' : ''),
  );
  return `Initial JavaScript (gzip):\n${lines.join('\n')}\n`;
}

/** Folders whose files end up in the web builds (besides each app's own root). */
const sharedSources = [
  'packages/ui/src',
  'packages/client/src',
  'packages/contracts/src',
  'host/src/web-build.ts',
];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** The apps whose build is missing or older than one of their sources. */
export async function staleWebApps(apps: readonly WebApp[] = webApps): Promise<WebApp[]> {
  let shared = 0;
  for (const source of sharedSources)
    shared = Math.max(shared, await newestMtime(path.join(repoRoot, source)));
  const stale: WebApp[] = [];
  for (const app of apps) {
    const built = (await stat(path.join(app.dist, 'index.html')).catch(() => undefined))?.mtimeMs ?? 0;
    const contracts =
      app.name === 'portal' ? 0 : await newestMtime(path.join(repoRoot, 'apps', app.name, 'contracts/src'));
    if (Math.max(shared, contracts, await newestMtime(app.root)) > built) stale.push(app);
  }
  return stale;
}

/**
 * `npm run build:web [app...]`: builds the portal and every app (or the named ones).
 * `--if-stale` (used by `npm start`) builds only those whose sources changed since their build.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  let apps = wanted.length ? webApps.filter((app) => wanted.includes(app.name)) : [...webApps];
  if (process.argv.includes('--if-stale')) {
    apps = await staleWebApps(apps);
    if (apps.length === 0) {
      process.stdout.write('Web apps are up to date.\n');
      return;
    }
  }
  const started = performance.now();
  const { sizes } = await buildWebApps(apps);
  process.stdout.write(formatSizes(sizes));
  process.stdout.write(
    `Built ${apps.length} web apps in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (sizes.some((size) => size.gzipBytes > INITIAL_JS_BUDGET_BYTES)) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
