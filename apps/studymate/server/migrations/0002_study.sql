-- studymate (issue #16): subjects, materials cut into passages, their analysis (summary with cited
-- passages, key terms), quizzes and attempts, cards scheduled by FSRS with their review log, study
-- sessions (the timer), settings and the daily statistics the 02:00 job writes. Everything belongs
-- to one user; rows go with the account.

create table studymate.settings (
  user_id uuid primary key references platform.users (id) on delete cascade,
  time_zone text not null default 'Asia/Seoul',
  daily_goal_minutes int not null default 30 check (daily_goal_minutes between 1 and 1440),
  new_cards_per_day int not null default 20 check (new_cards_per_day between 0 and 9999),
  desired_retention real not null default 0.9 check (desired_retention between 0.7 and 0.99),
  pass_fail boolean not null default false,
  -- Parameters fitted to this user's own reviews by the optimiser; null = FSRS defaults.
  fsrs_parameters real[],
  optimized_at timestamptz,
  optimized_reviews int,
  log_loss_before real,
  log_loss_after real,
  -- A requested optimisation not finished yet (the job clears it), and why the last one did not fit.
  optimize_requested_at timestamptz,
  optimize_error text,
  weekly_report boolean not null default true
);

create table studymate.subjects (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  goal text not null default '' check (char_length(goal) <= 500),
  created_at timestamptz not null default now(),
  unique (user_id, name)
);

create table studymate.materials (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  subject_id uuid not null references studymate.subjects (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  kind text not null check (kind in ('paste', 'pdf', 'markdown', 'text', 'docx')),
  -- The uploaded file (attached with scope studymate:material:<id>); null for pasted text.
  file_id uuid references platform.files (id) on delete set null,
  -- Pasted text waits here until extraction has cut it into passages.
  pasted_text text,
  status text not null default 'queued'
    check (status in ('queued', 'extracting', 'analyzing', 'ready', 'failed')),
  progress int not null default 0 check (progress between 0 and 100),
  error_code text,
  page_count int,
  char_count int,
  lang text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index materials_user_idx on studymate.materials (user_id, id);
create index materials_subject_idx on studymate.materials (subject_id);

-- A material's text in reading order: paragraphs (or parts of long ones), with the page they are on.
create table studymate.passages (
  material_id uuid not null references studymate.materials (id) on delete cascade,
  ordinal int not null,
  page int,
  text text not null,
  primary key (material_id, ordinal)
);

create table studymate.analyses (
  material_id uuid primary key references studymate.materials (id) on delete cascade,
  -- [{ text, passages: [ordinal] }]: each summary sentence with the passages it came from.
  summary jsonb not null,
  -- [{ term, score, passage }]: the passage where the term is explained best.
  key_terms jsonb not null,
  provider text not null,
  model text,
  credits int not null default 0,
  created_at timestamptz not null default now()
);

create table studymate.highlights (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  material_id uuid not null references studymate.materials (id) on delete cascade,
  passage int not null,
  start_offset int not null check (start_offset >= 0),
  end_offset int not null check (end_offset > start_offset),
  note text not null default '' check (char_length(note) <= 2000),
  created_at timestamptz not null default now()
);
create index highlights_material_idx on studymate.highlights (material_id, passage);

create table studymate.quizzes (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  material_id uuid not null references studymate.materials (id) on delete cascade,
  difficulty text not null check (difficulty in ('easy', 'medium', 'hard')),
  provider text not null,
  credits int not null default 0,
  created_at timestamptz not null default now()
);
create index quizzes_material_idx on studymate.quizzes (material_id, id);

create table studymate.quiz_questions (
  quiz_id uuid not null references studymate.quizzes (id) on delete cascade,
  ordinal int not null,
  type text not null check (type in ('multiple-choice', 'cloze', 'true-false', 'short-answer')),
  prompt text not null,
  choices text[] not null default '{}',
  answer text not null,
  explanation text not null,
  passage int,
  primary key (quiz_id, ordinal)
);

create table studymate.quiz_attempts (
  id uuid primary key default platform.uuid_v7(),
  quiz_id uuid not null references studymate.quizzes (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  started_at timestamptz not null default now(),
  submitted_at timestamptz,
  score int,
  max_score int not null
);
create index quiz_attempts_user_idx on studymate.quiz_attempts (user_id, started_at);

create table studymate.quiz_answers (
  attempt_id uuid not null references studymate.quiz_attempts (id) on delete cascade,
  ordinal int not null,
  answer text not null,
  correct boolean not null,
  answered_at timestamptz not null default now(),
  primary key (attempt_id, ordinal)
);

create table studymate.cards (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  subject_id uuid references studymate.subjects (id) on delete set null,
  material_id uuid references studymate.materials (id) on delete set null,
  passage int,
  source text not null check (source in ('manual', 'key-term', 'quiz', 'mistake', 'import')),
  front text not null check (char_length(front) between 1 and 10000),
  back text not null check (char_length(back) <= 10000),
  tags text[] not null default '{}',
  -- FSRS memory state (ts-fsrs Card); state 0 new, 1 learning, 2 review, 3 relearning.
  due timestamptz not null default now(),
  stability double precision not null default 0,
  difficulty double precision not null default 0,
  elapsed_days int not null default 0,
  scheduled_days int not null default 0,
  learning_steps int not null default 0,
  reps int not null default 0,
  lapses int not null default 0,
  state smallint not null default 0 check (state between 0 and 3),
  last_review timestamptz,
  suspended boolean not null default false,
  buried_until timestamptz,
  created_at timestamptz not null default now()
);
-- The review queue: a user's active cards by due time.
create index cards_due_idx on studymate.cards (user_id, due) where not suspended;
create index cards_user_idx on studymate.cards (user_id, id);

create table studymate.review_logs (
  id bigint generated always as identity primary key,
  card_id uuid not null references studymate.cards (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  grade smallint not null check (grade between 1 and 4),
  -- The card as it was before this review, so undo restores it exactly; the columns below are the
  -- scheduler's log entry (memory state before the review, as Anki's revlog keeps it).
  before jsonb not null,
  state smallint not null,
  stability double precision not null,
  difficulty double precision not null,
  elapsed_days int not null,
  last_elapsed_days int not null,
  scheduled_days int not null,
  learning_steps int not null,
  due timestamptz not null,
  duration_ms int,
  reviewed_at timestamptz not null default now()
);
create index review_logs_user_idx on studymate.review_logs (user_id, reviewed_at);
create index review_logs_card_idx on studymate.review_logs (card_id, id);

-- The study timer: one running session per user at most; paused time is not study time.
create table studymate.study_sessions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  subject_id uuid references studymate.subjects (id) on delete set null,
  started_at timestamptz not null default now(),
  paused_at timestamptz,
  paused_ms bigint not null default 0,
  ended_at timestamptz,
  seconds int
);
create unique index study_sessions_running_idx on studymate.study_sessions (user_id) where ended_at is null;
create index study_sessions_user_idx on studymate.study_sessions (user_id, started_at);

-- Written by the daily statistics job (02:00 in the user's time zone) for the day before.
create table studymate.daily_stats (
  user_id uuid not null references platform.users (id) on delete cascade,
  day date not null,
  study_seconds int not null,
  reviews int not null,
  recalled int not null,
  new_cards int not null,
  primary key (user_id, day)
);

create table studymate.weekly_reports (
  user_id uuid not null references platform.users (id) on delete cascade,
  week_start date not null,
  body jsonb not null,
  emailed_at timestamptz,
  primary key (user_id, week_start)
);
