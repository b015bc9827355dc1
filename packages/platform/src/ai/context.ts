import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../http/app-error.js';
import type { AiDb } from './cache.js';
import type { AiConfig, ProviderName } from './env.js';
import type { RemoteProvider, RemoteProviderName } from './providers.js';
import { recordUsage, type UsageRecord } from './usage.js';

/** Who a call is for: the signed-in user (if any) and the app asking; both are metered. */
export interface AiContext {
  userId?: string | undefined;
  app: string;
}

/** An answer and where it came from. `credits` is what the call costs the user (0 when cached or local). */
export interface AiResult<T> {
  value: T;
  /** Id of the usage row; pass it to `recordOutcome`. */
  requestId: string;
  provider: ProviderName | 'stt-openai' | 'whisper' | 'pocketsphinx';
  model: string;
  promptVersion?: number | undefined;
  cached: boolean;
  /** Tokens spent by this call (repair attempt included); absent when no model was called. */
  tokens?: { input: number; output: number } | undefined;
  credits: number;
  experiment?: { name: string; arm: string } | undefined;
}

/** What every part of the gateway shares. */
export interface GatewayDeps {
  readonly config: AiConfig;
  readonly db: AiDb;
  readonly logger: Logger;
  readonly providers: ReadonlyMap<RemoteProviderName, RemoteProvider>;
  /** Credit enforcement (billing); without it calls are metered but never refused. */
  readonly credits?: CreditsPort | undefined;
}

/**
 * What the gateway needs of billing: whether an app charges for AI, and a reservation around each
 * paid call (refused with PLAN_LIMIT when the balance cannot cover the estimate).
 */
export interface CreditsPort {
  charges(app: string): boolean;
  reserve(userId: string, app: string, amount: number, reason: string): Promise<string>;
  settle(reservationId: string, actual: number): Promise<void>;
  release(reservationId: string): Promise<void>;
}

/** Validates with a zod schema; failures become the platform's VALIDATION_FAILED error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('VALIDATION_FAILED', 'Some fields are invalid.', { issues });
}

/** Checks the call context: the app is required (metering is per app). */
export function checkContext(ctx: AiContext): void {
  if (!ctx.app || ctx.app.length > 64)
    throw new AppError('BAD_REQUEST', 'AI calls need the calling app name.');
  if (ctx.userId !== undefined && (ctx.userId.length === 0 || ctx.userId.length > 200)) {
    throw new AppError('BAD_REQUEST', 'userId must be 1..200 characters when given.');
  }
}

/**
 * Writes a usage row and returns its id. Metering must not lose an answer that was already paid
 * for, so a database failure here is logged (loudly) rather than thrown.
 */
export async function meter(deps: GatewayDeps, row: Omit<UsageRecord, 'id'>): Promise<string> {
  const id = uuidv7();
  try {
    await recordUsage(deps.db, { id, ...row });
  } catch (error) {
    deps.logger.error({ err: error, task: row.task, app: row.app }, 'AI usage could not be recorded');
  }
  return id;
}
