import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** Environment variables of outgoing webhooks (documented in .env.example). */
export const webhooksEnvShape = {
  WEBHOOK_ALLOWED_PRIVATE_HOSTS: csv.default([]),
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: positiveInt.max(1_000).default(10),
};

type WebhooksEnv = z.infer<z.ZodObject<typeof webhooksEnvShape>>;

/** Settings of outgoing requests to user-given URLs (webhooks, web push services). */
export interface WebhooksConfig {
  /** Hosts that may resolve to private or loopback addresses (development and tests only). */
  readonly allowedPrivateHosts: readonly string[];
  readonly timeoutMs: number;
  /** Consecutive failed deliveries (after their retries) that disable an endpoint. */
  readonly disableAfterFailures: number;
}

export function toWebhooksConfig(env: WebhooksEnv): WebhooksConfig {
  return {
    allowedPrivateHosts: env.WEBHOOK_ALLOWED_PRIVATE_HOSTS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
  };
}
