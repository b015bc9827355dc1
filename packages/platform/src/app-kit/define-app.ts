import { fileURLToPath } from 'node:url';
import {
  type AppManifest,
  appManifestSchema,
  appNameSchema,
  type BillingDeclaration,
  defineErrors,
  type ErrorEntry,
  planSchema,
} from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { ChatMembershipRule } from '../access/changes.js';
import type { ChatRules } from '../chat/rules.js';
import type { CollabNamespace } from '../collab/collab.js';
import type { MigrationSource } from '../db/migrate.js';
import type { EmailVerifiedHandler } from '../directory/email-verified.js';
import type { FileScopeResolver } from '../files/scopes.js';
import type { App } from '../http/app-type.js';
import type { Schedule, TaskHandler, TaskType } from '../jobs/index.js';
import type { PlatformContext } from '../platform-context.js';
import type { ChannelType } from '../realtime/gateway/channels.js';

/** A job handler an app contributes: the task type and what to do with one job. */
export interface AppTask<S extends z.ZodType = z.ZodType> {
  readonly type: TaskType<S>;
  readonly handle: TaskHandler<S>;
}

/** Declares an app task with the payload type inferred from the task type. */
export function appTask<S extends z.ZodType>(type: TaskType<S>, handle: TaskHandler<S>): AppTask {
  return { type, handle } as unknown as AppTask;
}

/** A realtime channel type of an app (`<name>:<id>`), registered on the gateway by web roles. */
export interface AppChannel {
  readonly name: string;
  readonly type: ChannelType;
}

/** What an app's `setup` returns: its parts, each used only by the roles that need it. */
export interface AppParts {
  /** Fastify plugins mounted under `/api/v1/<app>` (role web and all). */
  readonly routes?: readonly FastifyPluginAsync[];
  /** Job handlers (roles worker and all; every role may enqueue). */
  readonly tasks?: readonly AppTask[];
  /** Cron entries (roles worker and all). */
  readonly cron?: readonly Schedule[];
  /** Realtime channel types (role web and all). */
  readonly channels?: readonly AppChannel[];
  /** Collaborative documents named `<app>.<rest>` (role web and all). */
  readonly collab?: CollabNamespace;
  /**
   * Who may stay a member of the chat rooms the app creates (every role): when someone's access
   * changes (`platform.access.changed`), the memberships it does not keep are removed.
   */
  readonly chatMembers?: ChatMembershipRule;
  /**
   * Rules for the chat rooms the app creates (every role: any role may send): `guard` sees each
   * message before it is stored, sent or edited, whichever way it came, and refuses it by throwing
   * an AppError; `editWindowMs` is how long senders may edit or delete their messages.
   */
  readonly chat?: ChatRules;
  /**
   * Who may read the files the app attached with scope `<app>:<rest>` (every role; downloads ask
   * it, the uploader never bypasses it once a file is attached).
   */
  readonly fileScopes?: FileScopeResolver;
  /**
   * What to do once an account's email address is verified (every role registers it; a worker runs
   * it in a job after the verification committed, so it must be idempotent): eduforum enrols the
   * people a course invited at that address.
   */
  readonly onEmailVerified?: EmailVerifiedHandler;
  /** Demo data for `npm start` in development: creates it once, returns lines for the banner. */
  readonly seedDemo?: (app: App) => Promise<string>;
  /** Stops what setup started (timers); runs when the app closes, before the platform does. */
  readonly close?: () => Promise<void> | void;
}

/** The platform services an app is built from (`setup` receives them once per process). */
export type AppPlatform = PlatformContext;

/** An app: one declaration, listed once in the host (see `defineApp`). */
export interface AppDefinition extends MigrationSource {
  readonly name: string;
  readonly manifest: AppManifest;
  /** The app's own error codes (`defineErrors` in its contracts); they join the one catalogue. */
  readonly errors: Readonly<Record<string, ErrorEntry>>;
  /** The app's plans (`definePlans` in its contracts); apps without plans are free for everyone. */
  readonly billing: BillingDeclaration | undefined;
  /** The environment variables the app reads at boot (see AppDeclaration.env). */
  readonly env: readonly string[];
  /** Builds the app's services once for this process and returns its parts. */
  readonly setup: (platform: AppPlatform) => AppParts | Promise<AppParts>;
  readonly isApp: true;
}

/** What an app declares; `migrations` is the folder URL of its numbered SQL files. */
export interface AppDeclaration {
  readonly name: string;
  /** `new URL('../migrations', import.meta.url)` of the app's server package. */
  readonly migrations: URL;
  readonly manifest: AppManifest;
  readonly errors?: Readonly<Record<string, ErrorEntry>>;
  /** The app's plans and the names of their limits and features (docs/billing.md). */
  readonly billing?: BillingDeclaration;
  /**
   * The names of the environment variables the app reads at boot (it parses them itself, e.g. with
   * zod, and stops the start naming a bad one). Each must be documented in `.env.example`; the host
   * checks that the file documents exactly the kernel's and the apps' variables.
   */
  readonly env?: readonly string[];
  readonly setup: (platform: AppPlatform) => AppParts | Promise<AppParts>;
}

/**
 * Declares an app: its name (which is also its PostgreSQL schema, its API prefix `/api/v1/<name>` and
 * its web path), its migrations, manifest and error catalogue, and `setup`, which builds its
 * services once per process and returns its routes, tasks, cron entries, channels, collaborative
 * documents, chat rules, file-scope check and demo data. The host mounts every app from one list; each role takes only the parts
 * it runs (see mountApps).
 */
export function defineApp(declaration: AppDeclaration): AppDefinition {
  const name = appNameSchema.parse(declaration.name);
  appManifestSchema.parse(declaration.manifest);
  // Normally already registered by the contracts module; a no-op then.
  if (declaration.errors) defineErrors(name, declaration.errors);
  if (declaration.manifest.name !== name)
    throw new Error(`app ${name}: its manifest is named ${declaration.manifest.name}`);
  for (const { scope } of declaration.manifest.apiKeyScopes ?? [])
    if (!scope.startsWith(`${name}:`))
      throw new Error(`app ${name}: API key scope ${scope} must be named ${name}:<what>`);
  for (const variable of declaration.env ?? [])
    if (!/^[A-Z][A-Z0-9_]+$/.test(variable))
      throw new Error(`app ${name}: ${variable} is not a variable name`);
  if (declaration.billing) checkBilling(name, declaration.billing);
  return Object.freeze({
    name,
    migrationsDir: fileURLToPath(declaration.migrations),
    manifest: declaration.manifest,
    errors: declaration.errors ?? {},
    billing: declaration.billing,
    env: Object.freeze([...(declaration.env ?? [])]),
    setup: declaration.setup,
    isApp: true,
  });
}

/** One free plan, unique codes, every limit and feature named in both languages. */
function checkBilling(app: string, billing: BillingDeclaration): void {
  const codes = new Set<string>();
  for (const plan of billing.plans) {
    planSchema.parse(plan);
    if (codes.has(plan.code)) throw new Error(`app ${app}: plan ${plan.code} is declared twice`);
    codes.add(plan.code);
    for (const key of [...Object.keys(plan.limits), ...plan.features])
      if (!billing.labels[key])
        throw new Error(`app ${app}: plan ${plan.code} uses ${key}, which has no label`);
  }
  const free = billing.plans.filter((plan) => plan.free);
  if (free.length !== 1) throw new Error(`app ${app}: declare exactly one free plan (found ${free.length})`);
  const price = free[0]?.prices;
  if (price && (price.month.krw || price.month.usd || price.year.krw || price.year.usd))
    throw new Error(`app ${app}: the free plan costs nothing`);
}
