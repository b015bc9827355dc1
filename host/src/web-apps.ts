import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appNames } from './apps.js';

/** The repository root (host/src and host/dist are both two levels below it). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One web app: where its sources are, where Vite writes it, and the path it is served at. */
export interface WebApp {
  /** `portal` or an app name. */
  name: string;
  /** Folder with index.html and src/. */
  root: string;
  /** Vite's output folder. */
  dist: string;
  /** URL prefix, with both slashes: `/` or `/eduforum/`. */
  base: string;
}

/** The portal at `/` and every app's web at `/<app>/`, in build order. */
export const webApps: readonly WebApp[] = [
  webApp('portal', path.join(repoRoot, 'host/web'), '/'),
  ...appNames.map((name) => webApp(name, path.join(repoRoot, 'apps', name, 'web'), `/${name}/`)),
];

function webApp(name: WebApp['name'], root: string, base: string): WebApp {
  return { name, root, base, dist: path.join(root, 'dist') };
}

/** Budget for each app's initial JavaScript, gzipped (seed 004: the first screen on a phone). */
export const INITIAL_JS_BUDGET_BYTES = 200 * 1024;
