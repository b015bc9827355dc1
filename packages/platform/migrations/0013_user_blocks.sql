-- Who blocked whom, platform-wide (one account works in every app). A block in either direction
-- stops calls between the two and the creation of a direct chat room for them.
create table platform.user_blocks (
  blocker_id uuid not null references platform.users (id) on delete cascade,
  blocked_id uuid not null references platform.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  check (blocker_id <> blocked_id)
);
-- "Has anyone blocked me?" is asked from the blocked side too.
create index user_blocks_blocked_idx on platform.user_blocks (blocked_id, blocker_id);
