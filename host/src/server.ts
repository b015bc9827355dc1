import { type App, buildApp, type Config, type Logger, migrate } from '@app/platform';
import { resolveDatabase } from './database.js';
import { seedEduforumDemo } from './demo-eduforum.js';
import { migrationPool } from './migration-pool.js';
import { allMigrationSources, enabledModules } from './modules.js';
import { registerWebApps } from './web-serve.js';

/** A running host: its HTTP app, the URLs to print, and an orderly stop. */
export interface RunningServer {
  app: App;
  url: string;
  banner: string;
  stop(): Promise<void>;
}

/**
 * Starts the platform for one role: resolve (or start) PostgreSQL, apply migrations (serialised
 * across instances by an advisory lock), build the app, listen. `stop()` stops accepting, lets
 * in-flight requests finish, closes sockets and the pool, then stops the embedded database.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await resolveDatabase(config, logger);
  let app: App | undefined;
  try {
    const resolved = database.config;
    await migrationPool(resolved, logger, (pool) => migrate(pool, allMigrationSources, logger));
    const modules = enabledModules(resolved);
    app = await buildApp(resolved, { modules, logger, mountApps: resolved.role !== 'worker' });
    if (resolved.role !== 'worker') await registerWebApps(app, { apps: resolved.apps });
    for (const module of modules) module.jobs?.(app.platform);
    // Role web only enqueues; worker and all run the handlers and cron schedules.
    if (resolved.role !== 'web') await app.platform.jobs.start();
    const address = await app.listen({ host: resolved.server.host, port: resolved.server.port });
    const url = localUrl(address);
    // Demo data (development only): sign-in details go into the banner.
    const demo =
      resolved.env === 'development' && resolved.role !== 'worker' && resolved.apps.includes('eduforum')
        ? await seedEduforumDemo(app)
        : '';
    return {
      app,
      url,
      banner: banner(resolved, url) + demo,
      async stop() {
        await app?.close();
        await database.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await database.stop();
    throw error;
  }
}

function localUrl(address: string): string {
  return address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
}

function banner(config: Config, url: string): string {
  const lines = [
    '',
    `  Campus platform is running (role ${config.role}, ${config.env})`,
    '',
    `  Portal          ${url}/`,
    ...config.apps.map((app) => `  ${app.padEnd(16)}${url}/${app}/`),
    `  API docs        ${url}/api/docs`,
    `  Health          ${url}/health   Ready ${url}/ready   Metrics ${url}/metrics`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
