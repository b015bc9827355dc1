import pg from 'pg';
import pino from 'pino';
import { loadAiConfig } from '../env.js';
import { type AiGateway, type CreateAiGatewayOptions, createAiGateway } from '../gateway.js';

/** Fast resilience settings so failure tests do not wait on production backoffs. */
export const fastResilience = {
  AI_RETRIES: '0',
  AI_RETRY_BASE_DELAY_MS: '1',
  AI_TIMEOUT_MS: '5000',
  AI_BREAKER_THRESHOLD: '50',
};

/** A gateway over a test database with the given AI variables and silent logs. */
export function testGateway(
  pool: pg.Pool,
  env: Record<string, string>,
  extra: Partial<CreateAiGatewayOptions> = {},
): AiGateway {
  return createAiGateway({
    config: loadAiConfig({ ...fastResilience, ...env }),
    db: pool,
    logger: pino({ level: 'silent' }),
    ...extra,
  });
}

/** A pool on a test database (closed by the caller). */
export function testPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 4 });
}

/** Usage rows of one app in insertion order, for metering assertions. */
export async function usageRows(
  pool: pg.Pool,
  app: string,
): Promise<
  {
    user_id: string | null;
    app: string;
    task: string;
    provider: string;
    model: string;
    status: string;
    cached: boolean;
    tokens_in: number;
    tokens_out: number;
    credits: number;
    experiment: string | null;
    arm: string | null;
    error: string | null;
  }[]
> {
  const { rows } = await pool.query(
    `select user_id, app, task, provider, model, status, cached, tokens_in, tokens_out, credits,
            experiment, arm, error from platform.ai_usage where app = $1 order by id`,
    [app],
  );
  return rows;
}
