import { type AppManifest, appManifestSchema } from '@app/contracts';
import { z } from 'zod';
import { access } from '../auth/access.js';
import type { Role } from '../config/index.js';
import type { App } from '../http/app-type.js';
import type { PlatformContext } from '../platform-context.js';
import type { AppDefinition, AppParts } from './define-app.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The apps built for this process, with the parts their `setup` returned. */
    apps: readonly MountedApp[];
  }
}

/** An app built for this process: its definition and the parts its `setup` returned. */
export interface MountedApp {
  readonly definition: AppDefinition;
  readonly parts: AppParts;
}

/** Runs every app's `setup` once, in list order (the services of an app are built once per process). */
export async function setupApps(
  platform: PlatformContext,
  definitions: readonly AppDefinition[],
): Promise<MountedApp[]> {
  const mounted: MountedApp[] = [];
  for (const definition of definitions) {
    // Plans first: an app's setup may register its usage counters against them.
    if (definition.billing) platform.billing.catalogue.declare(definition.name, definition.billing);
    mounted.push({ definition, parts: await definition.setup(platform) });
  }
  return mounted;
}

/**
 * Gives each role what it runs: web (and all) mounts routes under `/api/v1/<app>`, realtime channel
 * types and collaborative documents; worker (and all) registers job handlers and cron entries. Every
 * role may enqueue jobs, knows the app's chat membership rule and chat rules, and registers its
 * file-scope check.
 */
export async function mountApps(app: App, mounted: readonly MountedApp[], role: Role): Promise<void> {
  const { platform } = app;
  for (const { definition, parts } of mounted) {
    // Every role may change someone's access (a job too), so every role knows the rule.
    if (parts.chatMembers) platform.access.chatRooms(definition.name, parts.chatMembers);
    // Every role: a job may send to a room too, and the app's rules hold for it.
    if (parts.chat) platform.chat.rules.register(definition.name, parts.chat);
    // Every role: whoever attaches or serves a file of the app's scopes needs the app's answer.
    if (parts.fileScopes) platform.files.scopes.register(definition.name, parts.fileScopes);
    // Every role registers it; only roles that run jobs act on it.
    if (parts.onEmailVerified) platform.directory.onEmailVerified(definition.name, parts.onEmailVerified);
    if (role !== 'worker') {
      for (const channel of parts.channels ?? [])
        platform.realtime.channels.register(channel.name, channel.type);
      if (parts.collab) platform.collab.register(definition.name, parts.collab);
      await app.register(
        async (scope) => {
          for (const routes of parts.routes ?? []) await scope.register(routes);
        },
        { prefix: `/api/v1/${definition.name}` },
      );
    }
    if (role !== 'web') {
      for (const task of parts.tasks ?? []) platform.jobs.handle(task.type, task.handle);
      for (const schedule of parts.cron ?? []) platform.jobs.schedule(schedule);
    }
  }
}

const manifestList = z.object({ items: z.array(appManifestSchema) });

/** `GET /api/v1/apps`: the manifests of the apps this server mounts (the portal lists them). */
export function appListRoutes(manifests: readonly AppManifest[]) {
  return async (app: App) => {
    app.get(
      '/apps',
      {
        config: { access: access.public },
        schema: {
          tags: ['apps'],
          summary: 'The apps this server runs: names, texts and colours',
          response: { 200: manifestList },
        },
      },
      async () => ({ items: [...manifests] }),
    );
  };
}
