import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import type { Logger } from '../observability/logger.js';

/**
 * Keeps this process's graphile-worker ids announced in `platform.job_workers` and releases the
 * jobs locked by workers that are not announced. graphile-worker alone waits 4 hours before it reruns
 * the job of a crashed worker; with this, a job whose worker was killed runs again after
 * `staleMs` (handlers are idempotent, so the second run's effect is the only one or a no-op).
 */
export class WorkerLiveness {
  private readonly ids = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: PlatformDb,
    private readonly options: { instanceId: string; heartbeatMs: number; staleMs: number; logger: Logger },
  ) {}

  /** A new worker is announced at once: if it dies before the next beat, its lock is still freed. */
  add(workerId: string): void {
    this.ids.add(workerId);
    if (this.timer) this.kick();
  }

  remove(workerId: string): void {
    this.ids.delete(workerId);
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.heartbeatMs);
    this.timer.unref();
    this.kick();
  }

  private kick(): void {
    this.running ??= this.beat()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'job worker heartbeat failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Announces our workers, then releases the jobs of workers silent for longer than `staleMs`. */
  async beat(): Promise<void> {
    const ids = [...this.ids];
    if (ids.length > 0) {
      await sql`
        insert into platform.job_workers (worker_id, instance_id, seen_at)
        select id, ${this.options.instanceId}, now() from unnest(${ids}::text[]) as id
        on conflict (worker_id) do update set seen_at = now()`.execute(this.db);
    }
    // A job is orphaned when it has been locked for longer than `staleMs` by a worker that has
    // not announced itself within `staleMs` (killed, frozen, or killed before its first beat).
    const stale = sql`now() - make_interval(secs => ${this.options.staleMs / 1000})`;
    const { rows } = await sql<{ worker_id: string }>`
      select distinct j.locked_by as worker_id
      from graphile_worker._private_jobs as j
      where j.locked_by is not null and j.locked_at < ${stale}
        and not exists (
          select 1 from platform.job_workers as w where w.worker_id = j.locked_by and w.seen_at >= ${stale}
        )`.execute(this.db);
    await sql`delete from platform.job_workers where seen_at < ${stale}`.execute(this.db);
    if (rows.length === 0) return;
    const dead = rows.map((row) => row.worker_id);
    await sql`select graphile_worker.force_unlock_workers(${dead}::text[])`.execute(this.db);
    this.options.logger.warn({ workers: dead }, 'released the jobs of job workers that stopped responding');
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    const ids = [...this.ids];
    this.ids.clear();
    if (ids.length > 0)
      await sql`delete from platform.job_workers where worker_id = any(${ids}::text[])`.execute(this.db);
  }
}
