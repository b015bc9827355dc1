-- AI gateway: shared answer cache, usage metering, A/B assignments and outcomes.
-- User ids are text without a foreign key: the gateway is called with ids from the accounts
-- module and from tools, and metering must never fail because an account was deleted.

-- Answers by content hash (task, prompt version, provider, model, input), shared by all instances.
create table platform.ai_cache (
  key text primary key,
  task text not null,
  provider text not null,
  model text not null,
  prompt_version integer not null,
  value jsonb not null,
  tokens_in integer not null default 0,
  tokens_out integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
-- purgeExpiredAiCache deletes by expiry.
create index ai_cache_expires_at_idx on platform.ai_cache (expires_at);

-- One row per answer served (provider, cache or local engine) and per failed provider attempt.
create table platform.ai_usage (
  id uuid primary key default platform.uuid_v7(),
  created_at timestamptz not null default now(),
  user_id text,
  app text not null,
  task text not null,
  provider text not null,
  model text not null,
  prompt_version integer,
  status text not null check (status in ('ok', 'error')),
  cached boolean not null default false,
  tokens_in integer not null default 0 check (tokens_in >= 0),
  tokens_out integer not null default 0 check (tokens_out >= 0),
  credits integer not null default 0 check (credits >= 0),
  latency_ms integer not null default 0,
  experiment text,
  arm text,
  error text
);
-- Usage and credits of a user or an app over a period.
create index ai_usage_user_created_idx on platform.ai_usage (user_id, created_at) where user_id is not null;
create index ai_usage_app_created_idx on platform.ai_usage (app, created_at);
-- Experiment reports.
create index ai_usage_experiment_idx on platform.ai_usage (experiment, arm) where experiment is not null;

-- Sticky A/B assignment: the first arm a user got in an experiment.
create table platform.ai_experiment_assignments (
  experiment text not null,
  user_id text not null,
  arm text not null,
  assigned_at timestamptz not null default now(),
  primary key (experiment, user_id)
);

-- What became of an answer (accepted, edited, rejected, a rating...), for comparing arms.
create table platform.ai_outcomes (
  id uuid primary key default platform.uuid_v7(),
  created_at timestamptz not null default now(),
  request_id uuid not null references platform.ai_usage (id) on delete cascade,
  user_id text,
  app text not null,
  task text not null,
  experiment text,
  arm text,
  outcome text not null,
  value double precision,
  unique (request_id, outcome)
);
create index ai_outcomes_experiment_idx on platform.ai_outcomes (experiment, arm) where experiment is not null;
