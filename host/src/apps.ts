import { eduforum } from '@app/eduforum-server';
import { languagemate } from '@app/languagemate-server';
import { type AppDefinition, type Config, type MigrationSource, platformMigrations } from '@app/platform';
import { storehelper } from '@app/storehelper-server';
import { studymate } from '@app/studymate-server';

/**
 * Every app this host can run, in mount and migration order: the one list an app is registered in
 * (`npm run new-app` adds its line).
 */
export const allApps: readonly AppDefinition[] = [eduforum, languagemate, studymate, storehelper];

/** Names of every app, in list order. */
export const appNames: readonly string[] = allApps.map((app) => app.name);

/** The apps `APPS` enables (all when unset); an unknown name stops the start, naming the variable. */
export function enabledApps(config: Config): AppDefinition[] {
  if (!config.apps) return [...allApps];
  const unknown = config.apps.filter((name) => !appNames.includes(name));
  if (unknown.length)
    throw new Error(`APPS names unknown apps: ${unknown.join(', ')} (this host has ${appNames.join(', ')})`);
  return allApps.filter((app) => config.apps?.includes(app.name));
}

/**
 * Migration sources to apply: the platform first, then every app, enabled or not, so that turning
 * an app on later never meets a schema that is behind.
 */
export const allMigrationSources: readonly MigrationSource[] = [platformMigrations, ...allApps];
