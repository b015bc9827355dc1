import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { AccessChanges } from './access/changes.js';
import { type AiGateway, createAiGateway } from './ai/index.js';
import { type Auth, createAuth } from './auth/auth.js';
import { type SecretBox, secretBoxFor } from './auth/secret-box.js';
import { Billing } from './billing/service.js';
import { StripeBilling } from './billing/stripe/service.js';
import { Blocks } from './blocks/service.js';
import { CallService } from './calls/service.js';
import { registerChatChannel } from './chat/channel.js';
import { ChatService } from './chat/service.js';
import { Collab } from './collab/collab.js';
import type { Config } from './config/index.js';
import type { MigrationSource } from './db/migrate.js';
import { createDb, createPool, type PlatformDb } from './db/pool.js';
import { Directory } from './directory/directory.js';
import { EmailVerifiedHooks } from './directory/email-verified.js';
import { Files } from './files/service.js';
import { Jobs } from './jobs/jobs.js';
import { Limits } from './limits/limits.js';
import { AppMail } from './mail/app-mail.js';
import { Notifications } from './notifications/service.js';
import type { Logger } from './observability/logger.js';
import { type Bus, createBus } from './realtime/bus/index.js';
import { Gateway } from './realtime/gateway/gateway.js';
import { Webhooks } from './webhooks/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The platform's services (see PlatformContext). */
    platform: PlatformContext;
  }
}

/** The platform's services for one process: what every app's `setup` receives, nothing app-specific. */
export interface PlatformContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly pool: pg.Pool;
  readonly db: PlatformDb;
  /** Accounts: authenticator, signing keys, mailer, rate limits; apps register permissions here. */
  readonly auth: Auth;
  /**
   * Secrets kept at rest that the server must use again (a connected account's refresh token):
   * `seal(value, context)` before storing, `open(sealed, context)` after reading (AES-256-GCM).
   */
  readonly secretBox: SecretBox;
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
  /**
   * Plans, entitlements and credits (docs/billing.md): `withinLimit(trx, ...)` inside the transaction
   * that creates a limited thing, `requireFeature`, `credits.reserve/settle` around paid work.
   */
  readonly billing: Billing;
  /** Online payment through Stripe; undefined when STRIPE_SECRET_KEY is not set (docs/billing.md). */
  readonly stripe: StripeBilling | undefined;
  /** The WebSocket hub: register channel types, publish events to channels. */
  readonly realtime: Gateway;
  /** Chat rooms and durable messages; apps create rooms, clients talk on `chat:<roomId>`. */
  readonly chat: ChatService;
  /** 1:1 call signaling and call history. */
  readonly calls: CallService;
  /** Background jobs: `enqueue` anywhere; handlers and cron schedules run in role worker/all. */
  readonly jobs: Jobs;
  /** Mail to addresses without an account (invitations); people with one get notifications. */
  readonly mail: AppMail;
  /** Per-user notifications: in-app (live on `user:<id>`), email, web push; `send(type, { userId, data })`. */
  readonly notifications: Notifications;
  /** Outgoing webhooks: apps `registerEvents(...)` their catalogue and `emit(event, payload, { ownerId })`. */
  readonly webhooks: Webhooks;
  /**
   * Uploaded files: a record that references uploads calls `attach(trx, { fileIds, ownerId, scope })`
   * in its own transaction and `detach(trx, ...)` when it goes; who may download an attached file is
   * decided by its scope's owner (apps return `fileScopes` from `setup`).
   */
  readonly files: Files;
  /**
   * Collaborative documents (Yjs on `/collab`); apps return their namespace from `setup`, and call
   * `reauthorize(name)` when access to a document changes (it reaches every instance).
   */
  readonly collab: Collab;
  /** Accounts as apps may see them, and app-wide roles (`platform.memberships`; changes call `access`). */
  readonly directory: Directory;
  /**
   * Revocation: call `changed(userId)` after changing someone's membership or role; every instance
   * re-asks the apps' channel, collab and chat rules about what that user holds open and drops what
   * they now refuse (see docs/realtime.md, "When access changes").
   */
  readonly access: AccessChanges;
}

/** The platform's own migrations (schema `platform`); always applied first. */
export const platformMigrations: MigrationSource = {
  name: 'platform',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/**
 * Creates the platform's services for one process: database pool, accounts, AI gateway, bus,
 * realtime gateway (with presence), chat and calls. `closePlatform` releases them in reverse.
 */
export async function createPlatform(config: Config, logger: Logger): Promise<PlatformContext> {
  const databaseUrl = config.database.url;
  if (!databaseUrl)
    throw new Error('the platform needs config.database.url (the host resolves the embedded database)');
  const pool = createPool(config, databaseUrl, logger);
  const db = createDb(pool);
  const limits = new Limits(config);
  const jobs = new Jobs(db, config, logger);
  await jobs.migrate(pool);
  const verifiedHooks = new EmailVerifiedHooks(jobs);
  const auth = await createAuth(config, db, logger, limits, verifiedHooks.queue);
  const bus = await createBus(config, pool, logger);
  const realtime = new Gateway({
    authenticator: auth.authenticator,
    bus,
    logger,
    presence: config.realtime.presence,
    maxSocketsPerUser: config.limits.maxSocketsPerUser,
    checkEvents: config.env !== 'production',
  });
  await realtime.presence.start();
  const blocks = new Blocks(db);
  const calls = new CallService({
    db,
    realtime,
    logger,
    limits,
    blocks,
    ringTimeoutMs: config.realtime.ringTimeoutMs,
  });
  const notifications = new Notifications({ db, config, logger, jobs, realtime, mailer: auth.deps.mailer });
  notifications.registerJobs();
  const webhooks = new Webhooks({ db, config, logger, jobs });
  webhooks.registerJobs();
  const files = new Files({ db, config, logger, jobs });
  const billing = new Billing({ db, logger, jobs, onlinePayment: () => config.stripe !== undefined });
  files.registerJobs();
  billing.registerJobs();
  // AI calls of apps with plans are paid in credits: reserved before the provider, settled after.
  const ai = createAiGateway({ config: config.ai, db: pool, logger, credits: billing.aiCredits() });
  const chat = new ChatService(db, realtime, limits, blocks, files);
  registerChatChannel(realtime, chat);
  // Files attached to a chat message are for the room's members.
  files.scopes.register('chat', (userId, roomId) => chat.isMember(roomId, userId));
  // A worker serves no `/collab`: its `reauthorize` reaches the serving instances over the bus.
  const { redis, instanceId } = config;
  const collab = new Collab({
    authenticator: auth.authenticator,
    logger,
    bus,
    redis:
      redis.url && config.role !== 'worker'
        ? { url: redis.url, keyPrefix: redis.keyPrefix, instanceId }
        : undefined,
    limits: config.collab,
  });
  const access = new AccessChanges({ bus, logger, realtime, collab, chat });
  const directory = new Directory(db, access, verifiedHooks);
  verifiedHooks.registerJobs((id) => directory.person(id));
  return Object.freeze({
    config,
    logger,
    pool,
    db,
    auth,
    secretBox: secretBoxFor(config),
    limits,
    blocks,
    billing,
    stripe: config.stripe
      ? new StripeBilling({
          db,
          config: config.stripe,
          publicUrl: config.server.publicUrl,
          billing,
          notifications,
          logger,
        })
      : undefined,
    ai,
    bus,
    realtime,
    chat,
    calls,
    jobs,
    notifications,
    mail: new AppMail(auth.deps.mailer),
    webhooks,
    files,
    collab,
    directory,
    access,
  });
}

/** Closes what `createPlatform` opened: sockets, bus, auth resources, then the pool. */
export async function closePlatform(platform: PlatformContext): Promise<void> {
  // Running jobs finish first: they may still publish, send mail or write.
  await platform.jobs.stop();
  platform.access.close();
  await platform.collab.close();
  platform.files.close();
  platform.realtime.close();
  await platform.bus.close();
  await platform.auth.close();
  await platform.limits.close();
  // Kysely ends the pool only if it ever ran a query through it; end it ourselves otherwise.
  await platform.db.destroy();
  if (!platform.pool.ended) await platform.pool.end();
}
