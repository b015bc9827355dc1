import { z } from 'zod';

/** Environment variables of notifications (documented in .env.example). */
export const notificationsEnvShape = {
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,90}$/, 'must be a base64url P-256 public key (web-push generate-vapid-keys)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be a base64url P-256 private key')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https: URL')
    .default('mailto:admin@campus.localhost'),
  NOTIFICATIONS_DIGEST_CRON: z
    .string()
    .regex(/^\S+ \S+ \S+ \S+ \S+$/, 'must be a 5-field cron pattern')
    .default('0 8 * * *'),
};

type NotificationsEnv = z.infer<z.ZodObject<typeof notificationsEnvShape>>;

/** Settings of notifications: web push identity and the daily digest. */
export interface NotificationsConfig {
  /** VAPID key pair from the environment; unset = generated at first start and kept in the database. */
  readonly vapid: { readonly publicKey: string; readonly privateKey: string } | undefined;
  /** Contact the push services may use (VAPID `sub`). */
  readonly vapidSubject: string;
  /** When the daily email digest goes out, in JOBS_TIME_ZONE. */
  readonly digestCron: string;
}

export function toNotificationsConfig(env: NotificationsEnv): NotificationsConfig {
  return {
    vapid:
      env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
        ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY }
        : undefined,
    vapidSubject: env.VAPID_SUBJECT,
    digestCron: env.NOTIFICATIONS_DIGEST_CRON,
  };
}
