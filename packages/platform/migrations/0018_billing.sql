-- Billing (docs/billing.md). Plans are declared in code by each app; this stores who pays for what,
-- the AI credit ledger, and what Stripe told us. Accounts are platform.users; apps platform.apps.

-- The Stripe customer of an account (one per account, shared by all apps).
create table platform.billing_customers (
  user_id uuid primary key references platform.users (id) on delete cascade,
  stripe_customer_id text not null unique,
  created_at timestamptz not null default now()
);

-- A subscription to one app's plan: paid through Stripe, or assigned by hand (admin, development).
-- Mirrors Stripe's states; `stripe_updated_at` is the creation time of the newest Stripe event
-- applied, so an older event arriving late changes nothing.
create table platform.subscriptions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null references platform.apps (name),
  plan text not null check (plan ~ '^[a-z][a-z0-9_]{0,31}$'),
  interval text not null check (interval in ('month', 'year')),
  status text not null check (
    status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused')
  ),
  source text not null check (source in ('stripe', 'manual')),
  stripe_subscription_id text unique,
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  ended_at timestamptz,
  stripe_updated_at timestamptz,
  -- Who assigned a manual plan and why (audited as well).
  assigned_by uuid references platform.users (id) on delete set null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((source = 'stripe') = (stripe_subscription_id is not null))
);
-- At most one subscription per account and app that is not over.
create unique index subscriptions_one_open_idx on platform.subscriptions (user_id, app)
  where status not in ('canceled', 'incomplete_expired');
create index subscriptions_user_app_idx on platform.subscriptions (user_id, app, created_at desc);
-- Cron: subscriptions whose period (or manual assignment) has ended.
create index subscriptions_period_end_idx on platform.subscriptions (current_period_end)
  where status not in ('canceled', 'incomplete_expired');

-- Credit balance per account and app: the row that serialises concurrent spends (a spend is
-- `update ... set balance = balance - n where balance >= n`), never negative.
create table platform.credit_balances (
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null references platform.apps (name),
  balance integer not null default 0 check (balance >= 0),
  -- The month (first day, UTC) of the last monthly grant: makes the grant cron idempotent.
  granted_for date,
  updated_at timestamptz not null default now(),
  primary key (user_id, app)
);

-- The append-only credit ledger: every change of a balance, with the balance after it.
create table platform.credit_entries (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null references platform.apps (name),
  kind text not null check (kind in ('grant', 'spend', 'refund', 'expire', 'adjust')),
  amount integer not null check (amount <> 0),
  balance integer not null check (balance >= 0),
  reason text not null check (length(reason) between 1 and 500),
  -- A reservation settled or refunded by this entry; an admin's id for adjustments.
  reservation_id uuid,
  actor_id uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((kind in ('grant', 'refund') and amount > 0) or (kind in ('spend', 'expire') and amount < 0) or kind = 'adjust')
);
create index credit_entries_user_app_idx on platform.credit_entries (user_id, app, id desc);

create function platform.credit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'credit entries are append-only';
end $$;
create trigger credit_entries_append_only before update on platform.credit_entries
  for each row execute function platform.credit_entries_append_only();

-- Credits held for an AI operation between the reservation (before the provider call) and its
-- settlement; a cron refunds reservations left open by a crashed process.
create table platform.credit_reservations (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null references platform.apps (name),
  amount integer not null check (amount > 0),
  reason text not null,
  state text not null default 'open' check (state in ('open', 'settled', 'refunded')),
  created_at timestamptz not null default now(),
  settled_at timestamptz
);
create index credit_reservations_open_idx on platform.credit_reservations (created_at) where state = 'open';

-- Invoices mirrored from Stripe (payment history).
create table platform.invoices (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null references platform.apps (name),
  subscription_id uuid references platform.subscriptions (id) on delete set null,
  stripe_invoice_id text not null unique,
  number text,
  status text not null check (status in ('draft', 'open', 'paid', 'uncollectible', 'void')),
  currency text not null check (currency in ('krw', 'usd')),
  amount_due integer not null,
  amount_paid integer not null,
  period_start timestamptz,
  period_end timestamptz,
  hosted_url text,
  stripe_created_at timestamptz not null,
  stripe_updated_at timestamptz,
  created_at timestamptz not null default now()
);
create index invoices_user_app_idx on platform.invoices (user_id, app, stripe_created_at desc);

-- Stripe events already processed (webhooks are delivered at least once).
create table platform.stripe_events (
  id text primary key,
  type text not null,
  stripe_created_at timestamptz not null,
  processed_at timestamptz not null default now()
);
