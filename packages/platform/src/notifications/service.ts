import type {
  AppName,
  Locale,
  Notification,
  NotificationChannel,
  NotificationMode,
  NotificationPreference,
  PushSubscriptionInput,
} from '@app/contracts';
import { NOTIFICATION_EVENT } from '@app/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/index.js';
import type { PlatformDb } from '../db/pool.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Jobs } from '../jobs/jobs.js';
import { taskType } from '../jobs/task.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../observability/logger.js';
import { outboundFor } from '../outbound/index.js';
import type { Gateway } from '../realtime/gateway/gateway.js';
import { digestMail, notificationMail } from './email.js';
import { declaredMode, type NotificationType, renderText } from './types.js';
import { loadVapidKeys, sendPush, type VapidKeys } from './web-push.js';

const rendered = z.object({
  userId: z.uuid(),
  app: z.string().nullable(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  dedupeKey: z.string().nullable(),
});
type Rendered = z.infer<typeof rendered>;

/** Creates a rendered notification later (scheduled sends). */
export const createNotificationTask = taskType('notifications.create', rendered, { priority: 'high' });
/** Email and push of one notification, after it was stored and shown in-app. */
export const deliverNotificationTask = taskType('notifications.deliver', z.object({ id: z.uuid() }), {
  priority: 'high',
  maxAttempts: 5,
});
/** The daily digest run: one job per user with notifications waiting for it. */
export const digestTask = taskType('notifications.digest', z.object({}), { priority: 'low' });
export const digestUserTask = taskType('notifications.digest-user', z.object({ userId: z.uuid() }), {
  priority: 'low',
});

/** What `send` takes besides the type. */
export interface SendInput {
  userId: string;
  data?: Record<string, unknown>;
  /** Same key, same user: one notification (a retried job does not notify twice). */
  dedupeKey?: string;
  /** Deliver later (reminders); rendered now in the user's current language. */
  at?: Date;
}

const defaultModes: Record<NotificationChannel, NotificationMode> = {
  in_app: 'instant',
  push: 'instant',
  email: 'digest',
};

/**
 * Per-user notifications: stored, shown live on `user:<id>`, mailed (at once or in the daily
 * digest) and pushed to subscribed browsers, each as the user's preferences say.
 */
export class Notifications {
  private vapid: Promise<VapidKeys> | undefined;

  constructor(
    private readonly deps: {
      db: PlatformDb;
      config: Config;
      logger: Logger;
      jobs: Jobs;
      realtime: Gateway;
      mailer: Mailer;
    },
  ) {}

  /** Registers the delivery handlers and the digest schedule (the worker runs them). */
  registerJobs(): void {
    const { jobs } = this.deps;
    jobs.handle(createNotificationTask, async (payload) => {
      await this.create(payload);
    });
    jobs.handle(deliverNotificationTask, async ({ id }) => this.deliver(id));
    jobs.handle(digestTask, async () => {
      const users = await this.deps.db
        .selectFrom('platform.notifications')
        .select('user_id')
        .distinct()
        .where('digest_pending', '=', true)
        .execute();
      const day = new Date().toISOString().slice(0, 10);
      for (const { user_id } of users)
        await jobs.enqueue(digestUserTask, { userId: user_id }, { key: `digest:${user_id}:${day}` });
    });
    jobs.handle(digestUserTask, async ({ userId }) => this.sendDigest(userId));
    jobs.schedule({
      id: 'notifications.daily-digest',
      pattern: this.deps.config.notifications.digestCron,
      task: digestTask,
      payload: {},
      backfillMs: 6 * 3_600_000,
    });
  }

  /** Notifies one user: stored and shown in-app now (or at `at`), mailed and pushed by a job. */
  async send(type: NotificationType, input: SendInput): Promise<Notification | null> {
    const user = await this.deps.db
      .selectFrom('platform.users')
      .select('locale')
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user) throw notFound('The user');
    const locale: Locale = user.locale === 'en' ? 'en' : 'ko';
    const data = input.data ?? {};
    const text = type.text[locale];
    const item: Rendered = {
      userId: input.userId,
      app: type.app,
      type: type.name,
      title: renderText(text.title, data),
      body: renderText(text.body, data),
      link: type.link?.(data) ?? null,
      data,
      dedupeKey: input.dedupeKey ?? null,
    };
    if (input.at && input.at.getTime() > Date.now()) {
      await this.deps.jobs.enqueue(createNotificationTask, item, {
        runAt: input.at,
        ...(input.dedupeKey ? { key: `notify:${input.userId}:${input.dedupeKey}` } : {}),
      });
      return null;
    }
    return this.create(item);
  }

  /** Stores the notification (once per dedupe key), publishes it live, and queues email and push. */
  private async create(item: Rendered): Promise<Notification> {
    const { db, jobs } = this.deps;
    const inApp = await this.modeOf(item.userId, item.type, 'in_app');
    const email = await this.modeOf(item.userId, item.type, 'email');
    const { row, created } = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('platform.notifications')
        .values({
          user_id: item.userId,
          app: item.app,
          type: item.type,
          title: item.title,
          body: item.body,
          link: item.link,
          data: JSON.stringify(item.data),
          dedupe_key: item.dedupeKey,
          digest_pending: email === 'digest',
          // Muted in-app: kept for the record and the other channels, but already read.
          read_at: inApp === 'off' ? sql<Date>`now()` : null,
        })
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) {
        const existing = await trx
          .selectFrom('platform.notifications')
          .selectAll()
          .where('user_id', '=', item.userId)
          .where('dedupe_key', '=', item.dedupeKey)
          .executeTakeFirstOrThrow();
        return { row: existing, created: false };
      }
      await jobs.enqueue(
        deliverNotificationTask,
        { id: inserted.id },
        { key: `deliver:${inserted.id}` },
        trx,
      );
      return { row: inserted, created: true };
    });
    const notification = toNotification(row);
    if (created && inApp !== 'off')
      await this.deps.realtime.publish(`user:${item.userId}`, NOTIFICATION_EVENT, notification);
    return notification;
  }

  /** Email (instant mode) and web push of a stored notification. */
  private async deliver(id: string): Promise<void> {
    const { db, config, mailer } = this.deps;
    const row = await db
      .selectFrom('platform.notifications as n')
      .innerJoin('platform.users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.user_id', 'n.type', 'n.title', 'n.body', 'n.link', 'n.app', 'u.email', 'u.locale'])
      .where('n.id', '=', id)
      .executeTakeFirst();
    if (!row) return;
    const locale: Locale = row.locale === 'en' ? 'en' : 'ko';
    if ((await this.modeOf(row.user_id, row.type, 'email')) === 'instant')
      await mailer.send(notificationMail(row.email, locale, row, config.server.publicUrl));
    if ((await this.modeOf(row.user_id, row.type, 'push')) !== 'instant') return;
    const targets = await db
      .selectFrom('platform.push_subscriptions')
      .select(['id', 'endpoint', 'p256dh', 'auth'])
      .where('user_id', '=', row.user_id)
      .execute();
    const keys = await this.vapidKeys();
    const failures: unknown[] = [];
    for (const target of targets) {
      await sendPush({ ...this.deps, keys }, target, {
        id: row.id,
        app: row.app,
        type: row.type,
        title: row.title,
        body: row.body,
        link: row.link,
      }).catch((error: unknown) => failures.push(error));
    }
    // Push failures are logged, not retried: a retry would mail again, and a push message is
    // only a nudge (the notification is stored and shown in-app either way).
    if (failures.length > 0)
      this.deps.logger.warn({ err: failures[0], id }, 'web push failed for some subscriptions');
  }

  /** Mails every notification waiting for the digest in one message, then clears the flag. */
  private async sendDigest(userId: string): Promise<void> {
    const { db, config, mailer } = this.deps;
    const user = await db
      .selectFrom('platform.users')
      .select(['email', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) return;
    const items = await db
      .selectFrom('platform.notifications')
      .select(['id', 'title', 'body', 'link'])
      .where('user_id', '=', userId)
      .where('digest_pending', '=', true)
      .orderBy('id')
      .limit(100)
      .execute();
    if (items.length === 0) return;
    const locale: Locale = user.locale === 'en' ? 'en' : 'ko';
    await mailer.send(digestMail(user.email, locale, items, config.server.publicUrl));
    await db
      .updateTable('platform.notifications')
      .set({ digest_pending: false })
      .where(
        'id',
        'in',
        items.map((i) => i.id),
      )
      .execute();
  }

  /** The caller's notifications, newest first. */
  async list(userId: string, options: { limit: number; beforeId?: string }): Promise<Notification[]> {
    let query = this.deps.db
      .selectFrom('platform.notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.beforeId) query = query.where('id', '<', options.beforeId);
    return (await query.execute()).map(toNotification);
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.deps.db
      .selectFrom('platform.notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.deps.db
      .updateTable('platform.notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, now())` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('The notification');
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.deps.db
      .updateTable('platform.notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async preferences(userId: string): Promise<NotificationPreference[]> {
    const rows = await this.deps.db
      .selectFrom('platform.notification_preferences')
      .select(['type', 'channel', 'mode'])
      .where('user_id', '=', userId)
      .orderBy('type')
      .orderBy('channel')
      .execute();
    return rows as NotificationPreference[];
  }

  async setPreference(userId: string, preference: NotificationPreference): Promise<void> {
    await this.deps.db
      .insertInto('platform.notification_preferences')
      .values({ user_id: userId, ...preference })
      .onConflict((oc) => oc.columns(['user_id', 'type', 'channel']).doUpdateSet({ mode: preference.mode }))
      .execute();
  }

  /** The public VAPID key browsers subscribe with. */
  async vapidPublicKey(): Promise<string> {
    return (await this.vapidKeys()).publicKey;
  }

  /** Saves a browser's push subscription (an endpoint moves to the latest user who registers it). */
  async subscribe(
    userId: string,
    subscription: PushSubscriptionInput,
    userAgent: string | undefined,
  ): Promise<void> {
    try {
      outboundFor(this.deps.config).checkUrl(subscription.endpoint);
    } catch {
      throw new AppError('UNSAFE_URL');
    }
    await this.deps.db
      .insertInto('platform.push_subscriptions')
      .values({
        user_id: userId,
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          user_id: userId,
          p256dh: subscription.keys.p256dh,
          auth: subscription.keys.auth,
        }),
      )
      .execute();
  }

  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    await this.deps.db
      .deleteFrom('platform.push_subscriptions')
      .where('user_id', '=', userId)
      .where('endpoint', '=', endpoint)
      .execute();
  }

  private vapidKeys(): Promise<VapidKeys> {
    this.vapid ??= loadVapidKeys(this.deps.config, this.deps.db).catch((error: unknown) => {
      this.vapid = undefined;
      throw error;
    });
    return this.vapid;
  }

  /** The user's mode for a type on a channel: its own row, else `*`, else the type's declared default, else the channel's. */
  private async modeOf(
    userId: string,
    type: string,
    channel: NotificationChannel,
  ): Promise<NotificationMode> {
    const rows = await this.deps.db
      .selectFrom('platform.notification_preferences')
      .select(['type', 'mode'])
      .where('user_id', '=', userId)
      .where('channel', '=', channel)
      .where('type', 'in', [type, '*'])
      .execute();
    const own = rows.find((r) => r.type === type) ?? rows.find((r) => r.type === '*');
    return (
      (own?.mode as NotificationMode | undefined) ?? declaredMode(type, channel) ?? defaultModes[channel]
    );
  }
}

interface NotificationRow {
  id: string;
  app: string | null;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: unknown;
  created_at: Date;
  read_at: Date | null;
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    app: row.app as AppName | null,
    type: row.type,
    title: row.title,
    body: row.body,
    link: row.link,
    data: (row.data ?? {}) as Record<string, unknown>,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
