import { createHash } from 'node:crypto';
import type { AiDb } from './cache.js';

/** An arm of an A/B experiment as configured (see `AI_ROUTING`). */
export interface Arm {
  readonly name: string;
  readonly weight: number;
}

/**
 * The arm a user falls into: a SHA-256 of `experiment:userId` mapped onto the cumulative weights.
 * Deterministic, so every instance computes the same arm without asking anyone; independent
 * between experiments, because the experiment name is part of the hash.
 */
export function pickArm<A extends Arm>(experiment: string, userId: string, arms: readonly A[]): A {
  const digest = createHash('sha256').update(`${experiment}:${userId}`).digest();
  const unit = digest.readUInt32BE(0) / 2 ** 32;
  const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
  let point = unit * total;
  for (const arm of arms) {
    if (point < arm.weight) return arm;
    point -= arm.weight;
  }
  const last = arms[arms.length - 1];
  if (!last) throw new Error(`Experiment ${experiment} has no arms`);
  return last;
}

/**
 * Sticky assignment: the first assignment of a user is recorded, and later calls return the
 * recorded arm even if the weights changed since (users must not hop between arms mid-experiment).
 * An arm that no longer exists in the configuration yields a fresh pick, which is not recorded.
 */
export async function assignArm<A extends Arm>(
  db: AiDb,
  experiment: string,
  userId: string,
  arms: readonly A[],
): Promise<A> {
  const picked = pickArm(experiment, userId, arms);
  const { rows } = await db.query<{ arm: string }>(
    `with inserted as (
       insert into platform.ai_experiment_assignments (experiment, user_id, arm)
       values ($1, $2, $3) on conflict (experiment, user_id) do nothing returning arm)
     select arm from inserted
     union all
     select arm from platform.ai_experiment_assignments where experiment = $1 and user_id = $2
     limit 1`,
    [experiment, userId, picked.name],
  );
  const recorded = rows[0]?.arm;
  return arms.find((arm) => arm.name === recorded) ?? picked;
}

/** One row of an experiment report. */
export interface ArmReport {
  arm: string;
  users: number;
  calls: number;
  outcomes: Record<string, { count: number; meanValue: number | null }>;
}

type Int8 = number | string;

/** Users, answered calls and outcomes per arm of an experiment. */
export async function experimentReport(db: AiDb, experiment: string): Promise<ArmReport[]> {
  const [users, calls, outcomes] = await Promise.all([
    db.query<{ arm: string; n: Int8 }>(
      `select arm, count(*) as n from platform.ai_experiment_assignments where experiment = $1 group by arm`,
      [experiment],
    ),
    db.query<{ arm: string; n: Int8 }>(
      `select arm, count(*) as n from platform.ai_usage
        where experiment = $1 and status = 'ok' and arm is not null group by arm`,
      [experiment],
    ),
    db.query<{ arm: string; outcome: string; n: Int8; mean: number | null }>(
      `select arm, outcome, count(*) as n, avg(value)::float8 as mean from platform.ai_outcomes
        where experiment = $1 group by arm, outcome`,
      [experiment],
    ),
  ]);
  const byArm = new Map<string, ArmReport>();
  const get = (arm: string): ArmReport => {
    let report = byArm.get(arm);
    if (!report) {
      report = { arm, users: 0, calls: 0, outcomes: {} };
      byArm.set(arm, report);
    }
    return report;
  };
  for (const row of users.rows) get(row.arm).users = Number(row.n);
  for (const row of calls.rows) get(row.arm).calls = Number(row.n);
  for (const row of outcomes.rows)
    get(row.arm).outcomes[row.outcome] = { count: Number(row.n), meanValue: row.mean };
  return [...byArm.values()].sort((a, b) => a.arm.localeCompare(b.arm));
}

/**
 * Records what happened to an answer (e.g. `accepted`, `edited`, `rejected`, or a rating in
 * `value`), attributed to the answer's experiment arm if it had one. Only the user the answer was
 * for can record it; one row per answer and outcome name (recording again updates the value).
 * Returns false when there is no such answer for this user.
 */
export async function recordOutcome(
  db: AiDb,
  entry: { requestId: string; outcome: string; value?: number | undefined; userId: string | undefined },
): Promise<boolean> {
  const result = await db.query(
    `insert into platform.ai_outcomes (request_id, user_id, app, task, experiment, arm, outcome, value)
     select id, user_id, app, task, experiment, arm, $2, $3 from platform.ai_usage
      where id = $1 and status = 'ok' and user_id is not distinct from $4
     on conflict (request_id, outcome) do update set value = excluded.value, created_at = now()`,
    [entry.requestId, entry.outcome, entry.value ?? null, entry.userId ?? null],
  );
  return (result.rowCount ?? 0) > 0;
}
