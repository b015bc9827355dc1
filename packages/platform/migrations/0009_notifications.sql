-- Notifications of every app: one row per user and event, rendered at creation time in the
-- user's language; preferences per type and channel; web push subscriptions and the VAPID keys.

create table platform.notifications (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  app text check (app in ('eduforum', 'languagemate', 'studymate', 'storehelper')),
  type text not null,
  data jsonb not null default '{}',
  title text not null,
  body text not null,
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- Set while the notification waits for the user's daily email digest.
  digest_pending boolean not null default false,
  -- The sender's idempotency key: a retried job creates the notification once.
  dedupe_key text,
  unique (user_id, dedupe_key)
);
create index notifications_user_idx on platform.notifications (user_id, id desc);
create index notifications_unread_idx on platform.notifications (user_id) where read_at is null;
create index notifications_digest_idx on platform.notifications (user_id) where digest_pending;

-- Absent rows mean the default (in_app and push: instant; email: instant). type '*' applies to
-- every type without its own row.
create table platform.notification_preferences (
  user_id uuid not null references platform.users (id) on delete cascade,
  type text not null,
  channel text not null check (channel in ('in_app', 'email', 'push')),
  mode text not null check (mode in ('instant', 'digest', 'off')),
  check (mode <> 'digest' or channel = 'email'),
  primary key (user_id, type, channel)
);

create table platform.push_subscriptions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  endpoint text not null unique,
  p256dh text not null,
  auth text not null,
  user_agent text,
  created_at timestamptz not null default now()
);
create index push_subscriptions_user_idx on platform.push_subscriptions (user_id);

-- One VAPID key pair for the deployment, generated at first start (VAPID_* variables override).
create table platform.vapid_keys (
  id smallint primary key default 1 check (id = 1),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);
