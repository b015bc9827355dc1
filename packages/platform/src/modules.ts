import { fileURLToPath } from 'node:url';
import type { AppName } from '@app/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import type { AiGateway } from './ai/index.js';
import type { Auth } from './auth/auth.js';
import type { Blocks } from './blocks/service.js';
import type { CallService } from './calls/service.js';
import type { ChatService } from './chat/service.js';
import type { Config } from './config/index.js';
import type { MigrationSource } from './db/migrate.js';
import type { PlatformDb } from './db/pool.js';
import type { Files } from './files/service.js';
import type { Jobs } from './jobs/jobs.js';
import type { Limits } from './limits/limits.js';
import type { Notifications } from './notifications/service.js';
import type { Logger } from './observability/logger.js';
import type { Bus } from './realtime/bus/index.js';
import type { Gateway } from './realtime/gateway/gateway.js';
import type { Webhooks } from './webhooks/service.js';

/** What the platform hands to every app plugin: its public services, nothing app-specific. */
export interface PlatformContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly pool: pg.Pool;
  readonly db: PlatformDb;
  /** Accounts: authenticator, signing keys, mailer, rate limits; apps register permissions here. */
  readonly auth: Auth;
  /**
   * Per-user budgets shared by every path to an action (REST and WebSocket): `define(action,
   * budget)` once, `consume(action, userId)` before the work; throws 429 RATE_LIMITED.
   */
  readonly limits: Limits;
  /** The platform-wide block list; `between(a, b)` before letting one person reach another. */
  readonly blocks: Blocks;
  /** The AI gateway: task functions over the configured providers and the local engine. */
  readonly ai: AiGateway;
  /** Cross-instance publish/subscribe (PostgreSQL LISTEN/NOTIFY or Redis). */
  readonly bus: Bus;
  /** The WebSocket hub: register channel types, publish events to channels. */
  readonly realtime: Gateway;
  /** Chat rooms and durable messages; apps create rooms, clients talk on `chat:<roomId>`. */
  readonly chat: ChatService;
  /** 1:1 call signaling and call history. */
  readonly calls: CallService;
  /** Background jobs: `enqueue` anywhere; handlers and cron schedules run in role worker/all. */
  readonly jobs: Jobs;
  /** Per-user notifications: in-app (live on `user:<id>`), email, web push; `send(type, { userId, data })`. */
  readonly notifications: Notifications;
  /** Outgoing webhooks: apps `registerEvents(...)` their catalogue and `emit(event, payload, { ownerId })`. */
  readonly webhooks: Webhooks;
  /** Uploaded files: `attach(ids, ownerId)` what your records reference, `downloadUrl(id)`, `remove(id)`. */
  readonly files: Files;
}

/**
 * An app (eduforum, languagemate, ...): a Fastify plugin mounted at `/api/v1/<name>` plus the
 * migrations of the PostgreSQL schema it owns.
 */
export interface AppModule extends MigrationSource {
  readonly name: AppName;
  readonly plugin: FastifyPluginAsync<{ platform: PlatformContext }>;
  /**
   * Registers the app's job handlers and cron schedules (`platform.jobs.handle/schedule`). The host
   * calls it in every role, before the worker starts; the plugin itself only enqueues.
   */
  readonly jobs?: (platform: PlatformContext) => void;
}

/** The platform's own migrations (schema `platform`); always applied first. */
export const platformMigrations: MigrationSource = {
  name: 'platform',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
};
