-- Chat for every app: direct (1:1) and group rooms, durable messages numbered per room.

create table platform.chat_rooms (
  id uuid primary key default platform.uuid_v7(),
  app text not null check (app in ('eduforum', 'languagemate', 'studymate', 'storehelper')),
  kind text not null check (kind in ('direct', 'group')),
  title text,
  -- For direct rooms: the two member ids, sorted and joined, so a pair has one room per app.
  direct_key text,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- Sequence of the newest message; bumped under the row lock, so numbers are gap-free per room.
  last_seq bigint not null default 0,
  unique (app, direct_key)
);

create table platform.chat_members (
  room_id uuid not null references platform.chat_rooms (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'member')),
  joined_at timestamptz not null default now(),
  last_read_seq bigint not null default 0,
  primary key (room_id, user_id)
);
create index chat_members_user_idx on platform.chat_members (user_id);

create table platform.chat_messages (
  id uuid primary key default platform.uuid_v7(),
  room_id uuid not null references platform.chat_rooms (id) on delete cascade,
  seq bigint not null,
  sender_id uuid references platform.users (id) on delete set null,
  body text not null,
  attachments uuid[] not null default '{}',
  -- The sender's own id for the message: a retried send returns the stored message.
  client_id text,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  unique (room_id, seq),
  unique (room_id, sender_id, client_id)
);
