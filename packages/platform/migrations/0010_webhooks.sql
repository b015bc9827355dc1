-- Outgoing webhooks: endpoints subscribed to an app's events, and one delivery row per event and
-- endpoint (its id is the Standard Webhooks message id, stable across retries).

create table platform.webhook_endpoints (
  id uuid primary key default platform.uuid_v7(),
  app text not null check (app in ('eduforum', 'languagemate', 'studymate', 'storehelper')),
  -- Who manages the endpoint (an app owner, a shop owner); null for endpoints made by the app itself.
  owner_id uuid references platform.users (id) on delete cascade,
  url text not null,
  -- `whsec_` + base64 of the signing key.
  secret text not null,
  events text[] not null,
  description text,
  enabled boolean not null default true,
  disabled_reason text,
  consecutive_failures integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_endpoints_app_idx on platform.webhook_endpoints (app) where enabled;
create index webhook_endpoints_owner_idx on platform.webhook_endpoints (owner_id);

create table platform.webhook_deliveries (
  id uuid primary key default platform.uuid_v7(),
  endpoint_id uuid not null references platform.webhook_endpoints (id) on delete cascade,
  event text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  response_status integer,
  response_body text,
  error text,
  created_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  completed_at timestamptz
);
create index webhook_deliveries_endpoint_idx on platform.webhook_deliveries (endpoint_id, id desc);
