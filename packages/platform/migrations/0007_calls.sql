-- 1:1 calls: signaling state and history (missed calls included). Media flows peer to peer.
create table platform.calls (
  id uuid primary key default platform.uuid_v7(),
  app text not null check (app in ('eduforum', 'languagemate', 'studymate', 'storehelper')),
  caller_id uuid not null references platform.users (id) on delete cascade,
  callee_id uuid not null references platform.users (id) on delete cascade,
  state text not null default 'ringing' check (state in ('ringing', 'active', 'ended')),
  end_reason text check (end_reason in ('declined', 'cancelled', 'missed', 'hangup')),
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  ended_at timestamptz
);
create index calls_caller_idx on platform.calls (caller_id, created_at desc);
create index calls_callee_idx on platform.calls (callee_id, created_at desc);
