import type { AddressInfo } from 'node:net';
import type { AppDefinition } from '../app-kit/define-app.js';
import { buildApp } from '../http/app.js';
import type { App } from '../http/app-type.js';
import { testConfig } from './test-database.js';

/** An app listening on a free loopback port, for tests that need real sockets (WebSocket, browsers). */
export interface ListeningApp {
  app: App;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `ws://127.0.0.1:<port>/ws` */
  wsUrl: string;
}

/**
 * Builds the platform (with `apps`) on `databaseUrl` with extra environment variables and starts it
 * on port 0; `setup` runs before it starts (the last moment routes can be added).
 */
export async function listenTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { apps?: readonly AppDefinition[]; setup?: (app: App) => void } = {},
): Promise<ListeningApp> {
  const app = await buildApp(testConfig(databaseUrl, env), { apps: options.apps ?? [] });
  options.setup?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
}
