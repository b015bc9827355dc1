-- eduforum I: courses, enrollment, content, sessions, the live room's timeline, polls, quizzes,
-- breakouts, whiteboard documents and participation totals.

create table eduforum.courses (
  id uuid primary key default platform.uuid_v7(),
  title text not null,
  code text not null,
  semester text not null,
  description text not null default '',
  invite_code text not null unique,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
create unique index courses_code_semester_idx on eduforum.courses (lower(code), semester) where archived_at is null;

-- A person's role in one course; the platform admin (or an eduforum admin membership) sees every course.
create table eduforum.course_members (
  course_id uuid not null references eduforum.courses (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  role text not null check (role in ('professor', 'ta', 'student')),
  joined_at timestamptz not null default now(),
  primary key (course_id, user_id)
);
create index course_members_user_idx on eduforum.course_members (user_id, course_id);

-- Course content points at a file of the files module (only its id is kept here).
create table eduforum.course_content (
  id uuid primary key default platform.uuid_v7(),
  course_id uuid not null references eduforum.courses (id) on delete cascade,
  title text not null,
  file_id uuid not null,
  visibility text not null check (visibility in ('everyone', 'staff')),
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index course_content_course_idx on eduforum.course_content (course_id, id);

create table eduforum.sessions (
  id uuid primary key default platform.uuid_v7(),
  course_id uuid not null references eduforum.courses (id) on delete cascade,
  title text not null,
  scheduled_at timestamptz not null,
  duration_min integer not null check (duration_min between 5 and 600),
  status text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended', 'cancelled')),
  started_at timestamptz,
  ended_at timestamptz,
  chat_room_id uuid not null references platform.chat_rooms (id),
  locked boolean not null default false,
  spotlight_user_id uuid references platform.users (id) on delete set null,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_course_idx on eduforum.sessions (course_id, scheduled_at, id);

-- People removed from a live session by its professor; they cannot rejoin it.
create table eduforum.session_removals (
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  removed_by uuid references platform.users (id) on delete set null,
  removed_at timestamptz not null default now(),
  primary key (session_id, user_id)
);

-- The raised-hand queue: order is the raise sequence; a lowered or called-on hand leaves the queue.
create table eduforum.hands (
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  seq bigserial not null,
  raised_at timestamptz not null default now(),
  primary key (session_id, user_id)
);

-- Everything that happened in a live session, in order, for analytics.
create table eduforum.session_events (
  id bigserial primary key,
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  actor_id uuid references platform.users (id) on delete set null,
  kind text not null,
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create index session_events_session_idx on eduforum.session_events (session_id, id);

-- A per-user secret for the calendar feed URL (stored hashed; rotating it revokes old links).
create table eduforum.calendar_tokens (
  user_id uuid primary key references platform.users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);

create table eduforum.polls (
  id uuid primary key default platform.uuid_v7(),
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  question text not null,
  kind text not null check (kind in ('single', 'multiple', 'text')),
  -- [{ id, text, correct }]
  options jsonb not null default '[]',
  anonymous boolean not null default false,
  results_visible boolean not null default false,
  points integer not null default 0 check (points >= 0),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opened_at timestamptz,
  closed_at timestamptz,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index polls_session_idx on eduforum.polls (session_id, id);

create table eduforum.poll_votes (
  poll_id uuid not null references eduforum.polls (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  choices text[] not null default '{}',
  text_answer text,
  voted_at timestamptz not null default now(),
  changed_at timestamptz not null default now(),
  primary key (poll_id, user_id)
);

create table eduforum.questions (
  id uuid primary key default platform.uuid_v7(),
  course_id uuid not null references eduforum.courses (id) on delete cascade,
  kind text not null check (kind in ('single', 'multiple', 'true_false', 'short')),
  prompt text not null,
  -- choice questions: [{ id, text }]; the key is kept apart so it never leaks with the options
  options jsonb not null default '[]',
  -- single/multiple/true_false: { choices: [...] }; short: { accepted: [...], caseSensitive, trim }
  answer jsonb not null,
  tags text[] not null default '{}',
  difficulty integer not null default 2 check (difficulty between 1 and 5),
  points integer not null default 1 check (points >= 0),
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index questions_course_idx on eduforum.questions (course_id, id);

create table eduforum.quizzes (
  id uuid primary key default platform.uuid_v7(),
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  title text not null,
  question_ids uuid[] not null,
  time_limit_s integer not null check (time_limit_s between 10 and 7200),
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opened_at timestamptz,
  closes_at timestamptz,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index quizzes_session_idx on eduforum.quizzes (session_id, id);

create table eduforum.quiz_submissions (
  quiz_id uuid not null references eduforum.quizzes (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  -- [{ questionId, correct, points, answer }]
  answers jsonb not null,
  score integer not null,
  max_score integer not null,
  submitted_at timestamptz not null default now(),
  primary key (quiz_id, user_id)
);

create table eduforum.breakouts (
  id uuid primary key default platform.uuid_v7(),
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  strategy text not null check (strategy in ('random', 'round_robin', 'mixed_by_grade')),
  status text not null default 'running' check (status in ('running', 'recalled')),
  ends_at timestamptz,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now(),
  recalled_at timestamptz
);
create unique index breakouts_running_idx on eduforum.breakouts (session_id) where status = 'running';

create table eduforum.breakout_rooms (
  id uuid primary key default platform.uuid_v7(),
  breakout_id uuid not null references eduforum.breakouts (id) on delete cascade,
  number integer not null,
  chat_room_id uuid not null references platform.chat_rooms (id),
  unique (breakout_id, number)
);

create table eduforum.breakout_members (
  breakout_id uuid not null references eduforum.breakouts (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  room_id uuid not null references eduforum.breakout_rooms (id) on delete cascade,
  primary key (breakout_id, user_id)
);

-- Yjs documents (whiteboards), stored as one merged update each.
create table eduforum.collab_documents (
  name text primary key,
  state bytea not null,
  updated_at timestamptz not null default now()
);

-- Speaking intervals reported by clients (voice activity detection), merged per user on arrival.
create table eduforum.speaking_intervals (
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  check (ended_at > started_at)
);
create index speaking_intervals_idx on eduforum.speaking_intervals (session_id, user_id, ended_at);

-- Participation totals per person and session (TalkTime), kept after the session ends.
create table eduforum.participation (
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  speaking_ms bigint not null default 0,
  chat_messages integer not null default 0,
  poll_answers integer not null default 0,
  hand_raises integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (session_id, user_id)
);
