import { type App, buildApp, type Config, type Logger, migrate, seedPlatformDemo } from '@app/platform';
import { allMigrationSources, enabledApps } from './apps.js';
import { resolveDatabase } from './database.js';
import { migrationPool } from './migration-pool.js';
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
    const apps = enabledApps(resolved);
    app = await buildApp(resolved, { apps, logger });
    if (resolved.role !== 'worker') await registerWebApps(app, { apps: apps.map((a) => a.name) });
    // Role web only enqueues; worker and all run the handlers and cron schedules.
    if (resolved.role !== 'web') await app.platform.jobs.start();
    const address = await app.listen({ host: resolved.server.host, port: resolved.server.port });
    const url = localUrl(address);
    // Demo data (development only): each app's seeder; sign-in details go into the banner.
    let demo = '';
    if (resolved.env === 'development' && resolved.role !== 'worker') {
      demo += await seedPlatformDemo(app);
      for (const { parts } of app.apps) demo += (await parts.seedDemo?.(app)) ?? '';
    }
    return {
      app,
      url,
      banner:
        banner(
          resolved,
          url,
          app.apps.map((a) => a.definition.name),
        ) + demo,
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

function banner(config: Config, url: string, apps: readonly string[]): string {
  const lines = [
    '',
    `  Campus platform is running (role ${config.role}, ${config.env})`,
    '',
    `  Portal          ${url}/`,
    ...apps.map((app) => `  ${app.padEnd(16)}${url}/${app}/`),
    `  API docs        ${url}/api/docs`,
    `  Health          ${url}/health   Ready ${url}/ready   Metrics ${url}/metrics`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
