-- Jobs run on graphile-worker (its own schema, migrated by graphile-worker itself at start-up).
-- graphile-worker frees the lock of a job whose worker died only after 4 hours; every live worker
-- process announces its worker ids here, and the survivors release the locks of workers that
-- stopped announcing (killed, frozen, lost their network), so the job runs again soon.
create table platform.job_workers (
  worker_id text primary key,
  instance_id text not null,
  seen_at timestamptz not null default now()
);
create index job_workers_seen_idx on platform.job_workers (seen_at);
