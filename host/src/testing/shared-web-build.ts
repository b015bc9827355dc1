import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import type { WebApp } from '../web-apps.js';
import { buildWebApps, type InitialSize } from '../web-build.js';
import { webBuildRoot } from './web-build-root.js';

const WAIT_MS = 5 * 60_000;

/**
 * The web apps built once per test run and shared by every test file that serves or measures
 * them (each file runs in its own worker): the first to ask builds into the run's folder, the
 * others wait for its result. Five Vite builds of every app at once made a 2-core CI machine so
 * slow that browser tests timed out.
 */
export async function sharedWebBuild(): Promise<{ apps: WebApp[]; sizes: InitialSize[] }> {
  const root = webBuildRoot(inject('testDatabasePrefix'));
  await mkdir(root, { recursive: true });
  const result = path.join(root, 'result.json');
  try {
    // Whoever creates the lock folder builds (mkdir is atomic).
    await mkdir(path.join(root, 'lock'));
  } catch {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const text = await readFile(result, 'utf8').catch(() => undefined);
      if (text) {
        const parsed = JSON.parse(text) as { apps: WebApp[]; sizes: InitialSize[] } | { error: string };
        if ('error' in parsed) throw new Error(`the shared web build failed: ${parsed.error}`);
        return parsed;
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the shared web build');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const built = await buildWebApps(undefined, { outRoot: path.join(root, 'out') });
    await writeFile(result, JSON.stringify(built));
    return built;
  } catch (error) {
    await writeFile(result, JSON.stringify({ error: String(error) }));
    throw error;
  }
}
