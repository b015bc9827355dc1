-- Accounts and access: users, sessions with rotating refresh tokens, one-time email tokens, TOTP
-- backup codes, API keys, per-app memberships, signing keys, login history, audit log, dev outbox.

create table platform.users (
  id uuid primary key default platform.uuid_v7(),
  email text not null,
  email_verified_at timestamptz,
  password_hash text,
  name text not null,
  locale text not null default 'ko' check (locale in ('ko', 'en')),
  platform_role text check (platform_role in ('admin')),
  totp_secret text,
  totp_pending_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on platform.users (lower(email));

-- One row per sign-in (a "session" in the UI): the family of refresh tokens issued from it.
create table platform.sessions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  method text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index sessions_user_idx on platform.sessions (user_id, created_at desc);

create table platform.refresh_tokens (
  token_hash bytea primary key,
  session_id uuid not null references platform.sessions (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index refresh_tokens_session_idx on platform.refresh_tokens (session_id);

create table platform.email_tokens (
  token_hash bytea primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index email_tokens_user_idx on platform.email_tokens (user_id, purpose);

-- Short-lived proof that the password was right, exchanged for tokens with a TOTP or backup code.
create table platform.login_challenges (
  token_hash bytea primary key,
  user_id uuid not null references platform.users (id) on delete cascade,
  ip text,
  user_agent text,
  attempts int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table platform.backup_codes (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  code_hash bytea not null,
  used_at timestamptz
);
create index backup_codes_user_idx on platform.backup_codes (user_id);

-- Device + network pairs where the user passed 2FA and asked to be remembered (step-up skips them).
create table platform.trusted_devices (
  user_id uuid not null references platform.users (id) on delete cascade,
  fingerprint bytea not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (user_id, fingerprint)
);

create table platform.api_keys (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  name text not null,
  prefix text not null,
  key_hash bytea not null unique,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_user_idx on platform.api_keys (user_id, created_at desc);

create table platform.memberships (
  user_id uuid not null references platform.users (id) on delete cascade,
  app text not null check (app in ('eduforum', 'languagemate', 'studymate', 'storehelper')),
  role text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, app)
);

create table platform.signing_keys (
  kid text primary key,
  alg text not null,
  public_jwk jsonb not null,
  private_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

create table platform.login_events (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid references platform.users (id) on delete cascade,
  email text,
  method text not null,
  outcome text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now()
);
create index login_events_user_idx on platform.login_events (user_id, created_at desc);
create index login_events_email_idx on platform.login_events (lower(email), created_at desc);

-- Kept when the account is deleted (actor_id set null): who did what, for security review.
create table platform.audit_log (
  id uuid primary key default platform.uuid_v7(),
  actor_id uuid references platform.users (id) on delete set null,
  action text not null,
  target_id uuid,
  data jsonb not null default '{}',
  ip text,
  created_at timestamptz not null default now()
);
create index audit_log_actor_idx on platform.audit_log (actor_id, created_at desc);

-- Mail captured instead of sent when SMTP_URL is unset (development); listed by /api/v1/dev/outbox.
create table platform.mail_outbox (
  id uuid primary key default platform.uuid_v7(),
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  created_at timestamptz not null default now()
);
