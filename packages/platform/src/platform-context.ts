import { createAiGateway } from './ai/index.js';
import { createAuth } from './auth/auth.js';
import { Blocks } from './blocks/service.js';
import { CallService } from './calls/service.js';
import { registerChatChannel } from './chat/channel.js';
import { ChatService } from './chat/service.js';
import type { Config } from './config/index.js';
import { createDb, createPool } from './db/pool.js';
import { Files } from './files/service.js';
import { Jobs } from './jobs/jobs.js';
import { Limits } from './limits/limits.js';
import type { PlatformContext } from './modules.js';
import { Notifications } from './notifications/service.js';
import type { Logger } from './observability/logger.js';
import { createBus } from './realtime/bus/index.js';
import { Gateway } from './realtime/gateway/gateway.js';
import { Webhooks } from './webhooks/service.js';

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
  const auth = await createAuth(config, db, logger, limits);
  const ai = createAiGateway({ config: config.ai, db: pool, logger });
  const bus = await createBus(config, pool, logger);
  const realtime = new Gateway({
    authenticator: auth.authenticator,
    bus,
    logger,
    presence: config.realtime.presence,
    maxSocketsPerUser: config.limits.maxSocketsPerUser,
  });
  await realtime.presence.start();
  const blocks = new Blocks(db);
  const chat = new ChatService(db, realtime, limits, blocks);
  registerChatChannel(realtime, chat);
  const calls = new CallService({
    db,
    realtime,
    logger,
    limits,
    blocks,
    ringTimeoutMs: config.realtime.ringTimeoutMs,
  });
  const jobs = new Jobs(db, config, logger);
  await jobs.migrate(pool);
  const notifications = new Notifications({ db, config, logger, jobs, realtime, mailer: auth.deps.mailer });
  notifications.registerJobs();
  const webhooks = new Webhooks({ db, config, logger, jobs });
  webhooks.registerJobs();
  const files = new Files({ db, config, logger, jobs });
  files.registerJobs();
  return Object.freeze({
    config,
    logger,
    pool,
    db,
    auth,
    limits,
    blocks,
    ai,
    bus,
    realtime,
    chat,
    calls,
    jobs,
    notifications,
    webhooks,
    files,
  });
}

/** Closes what `createPlatform` opened: sockets, bus, auth resources, then the pool. */
export async function closePlatform(platform: PlatformContext): Promise<void> {
  // Running jobs finish first: they may still publish, send mail or write.
  await platform.jobs.stop();
  platform.files.close();
  platform.realtime.close();
  await platform.bus.close();
  await platform.auth.close();
  await platform.limits.close();
  // Kysely ends the pool only if it ever ran a query through it; end it ourselves otherwise.
  await platform.db.destroy();
  if (!platform.pool.ended) await platform.pool.end();
}
