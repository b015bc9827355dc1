import { ApiError } from '@app/client';
import type { PlanLimitDetails } from '@app/contracts';

const kinds = new Set(['limit', 'feature', 'credits']);

/**
 * The details of a `PLAN_LIMIT` refusal (what the plan allows, what is used, the plan that would
 * allow it), or null for any other error. Checked by hand rather than with the zod schema, so the
 * first screen's bundle does not need zod.
 */
export function planLimitOf(error: unknown): PlanLimitDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'PLAN_LIMIT') return null;
  const d = error.details as Partial<Record<keyof PlanLimitDetails, unknown>> | undefined;
  if (!d || typeof d.app !== 'string' || typeof d.plan !== 'string' || typeof d.key !== 'string') return null;
  if (typeof d.kind !== 'string' || !kinds.has(d.kind) || typeof d.used !== 'number') return null;
  return {
    app: d.app,
    plan: d.plan,
    key: d.key,
    kind: d.kind as PlanLimitDetails['kind'],
    allowed: typeof d.allowed === 'number' ? d.allowed : null,
    used: d.used,
    upgradeTo: typeof d.upgradeTo === 'string' ? d.upgradeTo : null,
  };
}
