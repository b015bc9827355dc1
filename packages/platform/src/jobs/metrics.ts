import { sql } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PlatformDb } from '../db/pool.js';

/** Job metrics: run time and failures (observed by the worker), queue depth (read at scrape time). */
export interface JobMetrics {
  observe(task: string, outcome: 'success' | 'error', seconds: number): void;
  register(registry: Registry): void;
}

export function createJobMetrics(db: PlatformDb): JobMetrics {
  const runDuration = new Histogram({
    name: 'job_run_duration_seconds',
    help: 'Run time of jobs by task and outcome',
    labelNames: ['task', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [],
  });
  const failures = new Counter({
    name: 'job_failures_total',
    help: 'Failed job attempts by task',
    labelNames: ['task'] as const,
    registers: [],
  });
  const depth = new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs by state: ready (due now), scheduled (future or backing off), running, failed (no attempts left)',
    labelNames: ['state'] as const,
    registers: [],
    async collect() {
      const { rows } = await sql<{ ready: string; scheduled: string; running: string; failed: string }>`
        select
          count(*) filter (where locked_at is null and attempts < max_attempts and run_at <= now()) as ready,
          count(*) filter (where locked_at is null and attempts < max_attempts and run_at > now()) as scheduled,
          count(*) filter (where locked_at is not null) as running,
          count(*) filter (where attempts >= max_attempts) as failed
        from graphile_worker._private_jobs`.execute(db);
      const row = rows[0];
      for (const state of ['ready', 'scheduled', 'running', 'failed'] as const)
        this.set({ state }, Number(row?.[state] ?? 0));
    },
  });
  return {
    observe(task, outcome, seconds) {
      runDuration.observe({ task, outcome }, seconds);
      if (outcome === 'error') failures.inc({ task });
    },
    register(registry) {
      registry.registerMetric(runDuration);
      registry.registerMetric(failures);
      registry.registerMetric(depth);
    },
  };
}
