import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** Environment variables of outgoing webhooks (documented in .env.example). */
export const webhooksEnvShape = {
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: positiveInt.max(1_000).default(10),
};

type WebhooksEnv = z.infer<z.ZodObject<typeof webhooksEnvShape>>;

/** Settings of outgoing webhooks (where they may go is config.outbound's business). */
export interface WebhooksConfig {
  /** Time limit of one delivery (also used for web push requests). */
  readonly timeoutMs: number;
  /** Consecutive failed deliveries (after their retries) that disable an endpoint. */
  readonly disableAfterFailures: number;
}

export function toWebhooksConfig(env: WebhooksEnv): WebhooksConfig {
  return {
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
  };
}
