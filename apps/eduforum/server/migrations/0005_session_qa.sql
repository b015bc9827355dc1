-- Q&A in a live session (issue #21): students ask (optionally anonymously), everyone upvotes,
-- staff mark questions answered or hide them; kept for the recap.
create table eduforum.qa_questions (
  id uuid primary key default platform.uuid_v7(),
  session_id uuid not null references eduforum.sessions (id) on delete cascade,
  author_id uuid references platform.users (id) on delete set null,
  body text not null check (char_length(body) between 1 and 500),
  anonymous boolean not null default false,
  status text not null default 'open' check (status in ('open', 'answered', 'hidden')),
  votes integer not null default 0 check (votes >= 0),
  created_at timestamptz not null default now(),
  answered_at timestamptz
);
create index qa_questions_session_idx on eduforum.qa_questions (session_id, votes desc, created_at);

create table eduforum.qa_votes (
  question_id uuid not null references eduforum.qa_questions (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (question_id, user_id)
);
