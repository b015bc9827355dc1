import { eduforum } from '@app/eduforum-server';
import { languagemate } from '@app/languagemate-server';
import { type AppModule, type Config, type MigrationSource, platformMigrations } from '@app/platform';
import { storehelper } from '@app/storehelper-server';
import { studymate } from '@app/studymate-server';

/** Every app this host can mount, in mount and migration order (explicit list: find-usages works). */
export const allModules: readonly AppModule[] = [eduforum, languagemate, studymate, storehelper];

/** The apps enabled by `APPS`. */
export function enabledModules(config: Config): AppModule[] {
  return allModules.filter((module) => config.apps.includes(module.name));
}

/**
 * Migration sources to apply: the platform first, then every app, enabled or not, so that turning
 * an app on later never meets a schema that is behind.
 */
export const allMigrationSources: readonly MigrationSource[] = [platformMigrations, ...allModules];
