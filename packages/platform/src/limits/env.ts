import { z } from 'zod';
import { jsonEnv } from '../config/json-env.js';

const positiveInt = z.coerce.number().int().positive();

/** One action's budget: `points` uses per `duration` seconds (a fixed window per key). */
export const budgetSchema = z.object({
  points: z.number().int().positive().max(1_000_000),
  duration: z.number().int().positive().max(86_400),
});

/** Environment variables of per-user limits (documented in .env.example). */
export const limitsEnvShape = {
  RATE_LIMITS: jsonEnv(
    z.record(z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'action names look like chat.send'), budgetSchema),
  )
    .optional()
    .describe('JSON overriding budgets by action, e.g. {"chat.send":{"points":60,"duration":60}}'),
  WS_MAX_SOCKETS_PER_USER: positiveInt.max(10_000).default(20),
};

type LimitsEnv = z.infer<z.ZodObject<typeof limitsEnvShape>>;

/** Operator overrides of action budgets, and the socket cap. */
export interface LimitsConfig {
  /** Budgets by action name; they win over the defaults the kernel and the apps declare. */
  readonly overrides: Readonly<Record<string, z.infer<typeof budgetSchema>>>;
  /** Open authenticated sockets one user may have on one instance. */
  readonly maxSocketsPerUser: number;
}

export function toLimitsConfig(env: LimitsEnv): LimitsConfig {
  return { overrides: env.RATE_LIMITS ?? {}, maxSocketsPerUser: env.WS_MAX_SOCKETS_PER_USER };
}
