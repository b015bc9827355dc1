import type { AppName, WebhookDelivery, WebhookEndpoint } from '@app/contracts';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Jobs } from '../jobs/jobs.js';
import { taskType } from '../jobs/task.js';
import type { Logger } from '../observability/logger.js';
import { ForbiddenTargetError, outboundFor } from '../outbound/index.js';
import { newWebhookSecret, signWebhook } from './signature.js';

// biome-ignore lint/suspicious/noExplicitAny: the executor may belong to any module's database type
type Executor = Kysely<any>;

/** An event an app publishes to webhooks: declared once, next to the code that emits it. */
export interface WebhookEvent<S extends z.ZodType = z.ZodType> {
  readonly app: AppName;
  readonly name: string;
  readonly description: string;
  readonly schema: S;
}

/** `webhookEvent('storehelper', 'review.created', 'A new review was collected', z.object({...}))`. */
export function webhookEvent<S extends z.ZodType>(
  app: AppName,
  name: string,
  description: string,
  schema: S,
): WebhookEvent<S> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(name))
    throw new Error(`webhook event "${name}" must look like review.created`);
  return Object.freeze({ app, name, description, schema });
}

/** One attempt per job; 1 + 3 retries with graphile-worker's exponential backoff (e^n s). */
export const deliverWebhookTask = taskType('webhooks.deliver', z.object({ deliveryId: z.uuid() }), {
  priority: 'default',
  maxAttempts: 4,
});

/**
 * Outgoing webhooks: each app's event catalogue, endpoints (URL, secret, events) owned by a user
 * or by the app itself, deliveries as jobs signed the Standard Webhooks way, a delivery log, and
 * endpoints disabled after repeated failures.
 */
export class Webhooks {
  private readonly catalogue = new Map<string, WebhookEvent>();

  constructor(private readonly deps: { db: PlatformDb; config: Config; logger: Logger; jobs: Jobs }) {}

  /** Adds events to their app's catalogue (apps call this at start-up, in every role). */
  registerEvents(...events: WebhookEvent[]): void {
    for (const event of events) this.catalogue.set(`${event.app}:${event.name}`, event);
  }

  /** The events an app offers. */
  events(app: AppName): { name: string; description: string }[] {
    return [...this.catalogue.values()]
      .filter((event) => event.app === app)
      .map(({ name, description }) => ({ name, description }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  registerJobs(): void {
    this.deps.jobs.handle(deliverWebhookTask, async ({ deliveryId }, context) =>
      this.attempt(deliveryId, context.attempt, context.maxAttempts),
    );
  }

  /**
   * Emits an event: one delivery per enabled endpoint subscribed to it. `ownerId` scopes it to the
   * endpoints of that user (a shop's owner); without it only the app's own endpoints get it. Pass a
   * transaction as `executor` to emit only if the business write commits.
   */
  async emit<S extends z.ZodType>(
    event: WebhookEvent<S>,
    payload: z.input<S>,
    options: { ownerId?: string | null; executor?: Executor } = {},
  ): Promise<number> {
    const data = event.schema.parse(payload);
    // Delivery rows and their jobs commit together, or neither does.
    if (!options.executor)
      return this.deps.db
        .transaction()
        .execute((trx) => this.emit(event, payload, { ...options, executor: trx }));
    // Any module's transaction works: it is the same database, and these are platform tables.
    const db = (options.executor ?? this.deps.db) as PlatformDb;
    let endpoints = db
      .selectFrom('platform.webhook_endpoints')
      .select('id')
      .where('app', '=', event.app)
      .where('enabled', '=', true)
      .where(sql<boolean>`${event.name} = any(events)`);
    endpoints = options.ownerId
      ? endpoints.where('owner_id', '=', options.ownerId)
      : endpoints.where('owner_id', 'is', null);
    const targets = await endpoints.execute();
    for (const target of targets) {
      const delivery = await db
        .insertInto('platform.webhook_deliveries')
        .values({ endpoint_id: target.id, event: event.name, payload: JSON.stringify(data ?? null) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.deps.jobs.enqueue(deliverWebhookTask, { deliveryId: delivery.id }, {}, db);
    }
    return targets.length;
  }

  async createEndpoint(input: {
    app: AppName;
    ownerId: string | null;
    url: string;
    events: string[];
    description?: string;
  }): Promise<WebhookEndpoint & { secret: string }> {
    this.checkUrl(input.url);
    this.checkEvents(input.app, input.events);
    const secret = newWebhookSecret();
    const row = await this.deps.db
      .insertInto('platform.webhook_endpoints')
      .values({
        app: input.app,
        owner_id: input.ownerId,
        url: input.url,
        secret,
        events: input.events,
        description: input.description ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...toEndpoint(row), secret };
  }

  async listEndpoints(app: AppName, ownerId: string | null): Promise<WebhookEndpoint[]> {
    const rows = await this.endpointsOf(ownerId).selectAll().where('app', '=', app).orderBy('id').execute();
    return rows.map(toEndpoint);
  }

  async updateEndpoint(
    id: string,
    ownerId: string | null,
    patch: { url?: string; events?: string[]; description?: string | null; enabled?: boolean },
  ): Promise<WebhookEndpoint> {
    const current = await this.endpointsOf(ownerId).selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('The webhook endpoint');
    if (patch.url) this.checkUrl(patch.url);
    if (patch.events) this.checkEvents(current.app as AppName, patch.events);
    const row = await this.deps.db
      .updateTable('platform.webhook_endpoints')
      .set({
        ...(patch.url ? { url: patch.url } : {}),
        ...(patch.events ? { events: patch.events } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.enabled !== undefined
          ? {
              enabled: patch.enabled,
              ...(patch.enabled ? { disabled_reason: null, consecutive_failures: 0 } : {}),
            }
          : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEndpoint(row);
  }

  async deleteEndpoint(id: string, ownerId: string | null): Promise<void> {
    const owned = await this.endpointsOf(ownerId).select('id').where('id', '=', id).executeTakeFirst();
    if (!owned) throw notFound('The webhook endpoint');
    await this.deps.db.deleteFrom('platform.webhook_endpoints').where('id', '=', id).execute();
  }

  /** The delivery log of an endpoint, newest first. */
  async deliveries(
    endpointId: string,
    ownerId: string | null,
    options: { limit: number; beforeId?: string },
  ): Promise<WebhookDelivery[]> {
    const owned = await this.endpointsOf(ownerId)
      .select('id')
      .where('id', '=', endpointId)
      .executeTakeFirst();
    if (!owned) throw notFound('The webhook endpoint');
    let query = this.deps.db
      .selectFrom('platform.webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.beforeId) query = query.where('id', '<', options.beforeId);
    return (await query.execute()).map((row) => ({
      id: row.id,
      messageId: `msg_${row.id}`,
      event: row.event,
      status: row.status as WebhookDelivery['status'],
      attempts: row.attempts,
      responseStatus: row.response_status,
      error: row.error,
      createdAt: new Date(row.created_at).toISOString(),
      lastAttemptAt: row.last_attempt_at ? new Date(row.last_attempt_at).toISOString() : null,
    }));
  }

  /** One delivery attempt; throws to have the job retried while attempts remain. */
  private async attempt(deliveryId: string, attempt: number, maxAttempts: number): Promise<void> {
    const { db, config, logger } = this.deps;
    const row = await db
      .selectFrom('platform.webhook_deliveries as d')
      .innerJoin('platform.webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select([
        'd.id',
        'd.event',
        'd.payload',
        'd.status',
        'd.created_at',
        'e.id as endpoint_id',
        'e.url',
        'e.secret',
        'e.enabled',
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    if (row?.status !== 'pending') return;
    if (!row.enabled) {
      await this.finish(deliveryId, 'failed', { error: 'endpoint disabled' });
      return;
    }
    const body = JSON.stringify({
      type: row.event,
      timestamp: new Date(row.created_at).toISOString(),
      data: row.payload,
    });
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'campus-webhooks/1',
      ...signWebhook(row.secret, `msg_${row.id}`, Math.floor(Date.now() / 1000), body),
    };
    let status: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    let permanent = false;
    try {
      // Redirects are not followed: a webhook endpoint answers itself (a 3xx counts as a failure).
      const response = await outboundFor(config).fetch(row.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        timeoutMs: config.webhooks.timeoutMs,
        maxResponseBytes: 2048,
        overflow: 'truncate',
      });
      status = response.status;
      responseBody = await response.text();
      if (status >= 200 && status < 300) {
        await this.finish(deliveryId, 'succeeded', { attempts: attempt, status, responseBody });
        await db
          .updateTable('platform.webhook_endpoints')
          .set({ consecutive_failures: 0 })
          .where('id', '=', row.endpoint_id)
          .execute();
        return;
      }
      error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      // A private target stays private: retrying cannot help.
      permanent = caught instanceof ForbiddenTargetError;
    }
    const last = permanent || attempt >= maxAttempts;
    await db
      .updateTable('platform.webhook_deliveries')
      .set({
        attempts: attempt,
        response_status: status,
        response_body: responseBody,
        error,
        last_attempt_at: sql<Date>`now()`,
      })
      .where('id', '=', deliveryId)
      .execute();
    if (!last) throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
    await this.finish(deliveryId, 'failed', { attempts: attempt, status, responseBody, error });
    const endpoint = await db
      .updateTable('platform.webhook_endpoints')
      .set({ consecutive_failures: sql<number>`consecutive_failures + 1` })
      .where('id', '=', row.endpoint_id)
      .returning(['consecutive_failures'])
      .executeTakeFirst();
    if (endpoint && endpoint.consecutive_failures >= config.webhooks.disableAfterFailures) {
      await db
        .updateTable('platform.webhook_endpoints')
        .set({
          enabled: false,
          disabled_reason: `${endpoint.consecutive_failures} deliveries in a row failed (last: ${error})`,
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', row.endpoint_id)
        .execute();
      logger.warn({ endpoint: row.endpoint_id }, 'webhook endpoint disabled after repeated failures');
    }
  }

  private async finish(
    deliveryId: string,
    status: 'succeeded' | 'failed',
    result: {
      attempts?: number;
      status?: number | null;
      responseBody?: string | null;
      error?: string | null;
    },
  ): Promise<void> {
    await this.deps.db
      .updateTable('platform.webhook_deliveries')
      .set({
        status,
        ...(result.attempts !== undefined ? { attempts: result.attempts } : {}),
        response_status: result.status ?? null,
        response_body: result.responseBody ?? null,
        error: result.error ?? null,
        last_attempt_at: sql<Date>`now()`,
        completed_at: sql<Date>`now()`,
      })
      .where('id', '=', deliveryId)
      .execute();
  }

  private endpointsOf(ownerId: string | null) {
    const base = this.deps.db.selectFrom('platform.webhook_endpoints');
    return ownerId ? base.where('owner_id', '=', ownerId) : base.where('owner_id', 'is', null);
  }

  private checkUrl(url: string): void {
    try {
      outboundFor(this.deps.config).checkUrl(url);
    } catch {
      throw new AppError('UNSAFE_URL');
    }
  }

  private checkEvents(app: AppName, events: string[]): void {
    const unknown = events.filter((name) => !this.catalogue.has(`${app}:${name}`));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `Unknown events for ${app}: ${unknown.join(', ')}`, {
        unknown,
      });
  }
}

interface EndpointRow {
  id: string;
  app: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  created_at: Date;
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    app: row.app as AppName,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
