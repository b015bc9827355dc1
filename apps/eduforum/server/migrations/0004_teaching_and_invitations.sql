-- Who may teach (issue #21): the institution's rule, instructor requests, and course invitations
-- for people who have no account yet (they are enrolled once they verify the invited address).

-- One row: the institution's eduforum settings (docs/eduforum.md "Who may teach").
create table eduforum.settings (
  id boolean primary key default true check (id),
  course_creation text not null default 'open' check (course_creation in ('open', 'approved')),
  instructor_domains text[] not null default '{}',
  updated_by uuid references platform.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
insert into eduforum.settings default values;

-- At most one request per person: asking again after a decline reopens it.
create table eduforum.instructor_requests (
  user_id uuid primary key references platform.users (id) on delete cascade,
  note text not null default '',
  status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  reason text not null default '',
  created_at timestamptz not null default now(),
  decided_by uuid references platform.users (id) on delete set null,
  decided_at timestamptz
);
create index instructor_requests_status_idx on eduforum.instructor_requests (status, created_at desc, user_id);

-- A place in a course kept for an address without an account; gone once the person is enrolled.
create table eduforum.course_invitations (
  id uuid primary key default platform.uuid_v7(),
  course_id uuid not null references eduforum.courses (id) on delete cascade,
  email text not null check (email = lower(email)),
  role text not null check (role in ('ta', 'student')),
  invited_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  send_count integer not null default 0,
  unique (course_id, email)
);
create index course_invitations_email_idx on eduforum.course_invitations (email);
