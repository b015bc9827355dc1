import { z } from 'zod';
import { appNameSchema } from './apps.js';

/** A notification as the owner sees it (rendered in their language when it was created). */
export const notificationSchema = z
  .object({
    id: z.uuid(),
    app: appNameSchema.nullable(),
    type: z.string().describe('e.g. eduforum.poll.opened'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('Where the notification leads in the web app'),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

/** The realtime event on `user:<id>` when a notification arrives. */
export const NOTIFICATION_EVENT = 'notification.created';

export const notificationChannelSchema = z.enum(['in_app', 'email', 'push']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** `instant`, `off`, or (email only) `digest`: collected into one mail a day. */
export const notificationModeSchema = z.enum(['instant', 'digest', 'off']);
export type NotificationMode = z.infer<typeof notificationModeSchema>;

/** One preference: `type` is a notification type or `*` for every type without its own. */
export const notificationPreferenceSchema = z
  .object({
    type: z
      .string()
      .regex(/^(\*|[a-z][a-z0-9]*(\.[a-zA-Z0-9_-]+)+)$/)
      .max(100),
    channel: notificationChannelSchema,
    mode: notificationModeSchema,
  })
  .refine((p) => p.mode !== 'digest' || p.channel === 'email', {
    message: 'only email can be a daily digest',
    path: ['mode'],
  })
  .meta({ id: 'NotificationPreference' });
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** A browser's PushSubscription (`subscription.toJSON()`). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}={0,2}$/),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;
