-- languagemate I: learner profiles (languages, interests, availability), partner requests and
-- partnerships, corrections, reports and suspensions, scheduled sessions and call records.

-- One profile per person who finished onboarding. Language codes are ISO 639-1 ('ko', 'en', ...).
create table languagemate.profiles (
  user_id uuid primary key references platform.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 60),
  time_zone text not null,
  bio text not null default '' check (char_length(bio) <= 500),
  photo_file_id uuid,
  native_languages text[] not null check (cardinality(native_languages) between 1 and 3),
  interests text[] not null default '{}',
  tags text[] not null default '{}',
  -- Partner preferences: what a suggestion should favour (see contracts `partnerPreferencesSchema`).
  preferences jsonb not null default '{}',
  -- Weekly availability in UTC as 336 half-hour slots (Monday 00:00 UTC first), derived from
  -- `availability` in the person's time zone; the matcher intersects these.
  week_slots bit(336) not null default repeat('0', 336)::bit(336),
  weekly_goal_minutes integer not null default 60 check (weekly_goal_minutes between 0 and 3000),
  -- The AI level test (its own issue) writes here; null until a test was taken.
  tested_level text check (tested_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  tested_language text,
  tested_at timestamptz,
  -- Reliability in [0, 1]: attendance of scheduled sessions and replies within a day (recomputed).
  reliability real not null default 0.8 check (reliability between 0 and 1),
  discoverable boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_native_idx on languagemate.profiles using gin (native_languages) where discoverable;

-- The languages a person learns, with the level they give themselves.
create table languagemate.profile_targets (
  user_id uuid not null references languagemate.profiles (user_id) on delete cascade,
  language text not null,
  level text not null check (level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  primary key (user_id, language)
);
create index profile_targets_language_idx on languagemate.profile_targets (language, user_id);

-- Weekly availability as the person entered it: local weekday (0 = Monday) and minutes of the day.
create table languagemate.availability (
  user_id uuid not null references languagemate.profiles (user_id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  start_minute smallint not null check (start_minute between 0 and 1410 and start_minute % 30 = 0),
  end_minute smallint not null check (end_minute between 30 and 1440 and end_minute % 30 = 0),
  check (end_minute > start_minute),
  primary key (user_id, weekday, start_minute)
);

-- A request to become language partners. At most one pending request between two people.
create table languagemate.partner_requests (
  id uuid primary key default platform.uuid_v7(),
  from_user uuid not null references platform.users (id) on delete cascade,
  to_user uuid not null references platform.users (id) on delete cascade,
  message text not null default '' check (char_length(message) <= 300),
  state text not null default 'pending' check (state in ('pending', 'accepted', 'declined', 'cancelled')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  check (from_user <> to_user)
);
create unique index partner_requests_pending_idx on languagemate.partner_requests
  (least(from_user, to_user), greatest(from_user, to_user)) where state = 'pending';
create index partner_requests_to_idx on languagemate.partner_requests (to_user, state, created_at desc);
create index partner_requests_from_idx on languagemate.partner_requests (from_user, state, created_at desc);

-- Two partners (user_a < user_b) and their direct chat room.
create table languagemate.partners (
  user_a uuid not null references platform.users (id) on delete cascade,
  user_b uuid not null references platform.users (id) on delete cascade,
  room_id uuid not null unique references platform.chat_rooms (id) on delete cascade,
  created_at timestamptz not null default now(),
  ended_at timestamptz,
  primary key (user_a, user_b),
  check (user_a < user_b)
);
create index partners_b_idx on languagemate.partners (user_b, user_a);

-- People a person never wants suggested again (declined, dismissed, blocked, or already partners).
create table languagemate.hidden (
  user_id uuid not null references platform.users (id) on delete cascade,
  other_id uuid not null references platform.users (id) on delete cascade,
  reason text not null check (reason in ('declined', 'dismissed', 'blocked', 'partner', 'requested')),
  created_at timestamptz not null default now(),
  primary key (user_id, other_id)
);

-- A correction of a partner's chat message: the learner (who wrote it) reviews it later.
create table languagemate.corrections (
  id uuid primary key default platform.uuid_v7(),
  room_id uuid not null references platform.chat_rooms (id) on delete cascade,
  message_id uuid not null references platform.chat_messages (id) on delete cascade,
  corrector_id uuid not null references platform.users (id) on delete cascade,
  learner_id uuid not null references platform.users (id) on delete cascade,
  original text not null,
  corrected text not null check (char_length(corrected) between 1 and 4000),
  note text not null default '' check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  reviewed_at timestamptz
);
create index corrections_learner_idx on languagemate.corrections (learner_id, reviewed_at nulls first, created_at desc);
create index corrections_room_idx on languagemate.corrections (room_id, message_id);

-- A report of another person; the message excerpt is copied as evidence (it survives deletion).
create table languagemate.reports (
  id uuid primary key default platform.uuid_v7(),
  reporter_id uuid not null references platform.users (id) on delete cascade,
  reported_id uuid not null references platform.users (id) on delete cascade,
  reason text not null check (reason in ('spam', 'solicitation', 'harassment', 'hate', 'contact_info', 'inappropriate', 'other')),
  details text not null default '' check (char_length(details) <= 1000),
  message_id uuid,
  excerpt text not null default '',
  state text not null default 'open' check (state in ('open', 'dismissed', 'warned', 'suspended')),
  resolved_by uuid references platform.users (id) on delete set null,
  resolved_at timestamptz,
  resolution_note text not null default '',
  created_at timestamptz not null default now(),
  check (reporter_id <> reported_id)
);
create index reports_open_idx on languagemate.reports (state, created_at);

-- Warnings and suspensions an admin gave; a suspended person cannot message, request or call.
create table languagemate.sanctions (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  kind text not null check (kind in ('warning', 'suspension')),
  reason text not null,
  report_id uuid references languagemate.reports (id) on delete set null,
  until timestamptz,
  created_by uuid references platform.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index sanctions_user_idx on languagemate.sanctions (user_id, created_at desc);

-- Messages the safety filter stopped (for the sender's own view and for review statistics).
create table languagemate.safety_events (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references platform.users (id) on delete cascade,
  room_id uuid references platform.chat_rooms (id) on delete cascade,
  kind text not null check (kind in ('contact', 'solicitation', 'offensive', 'hate')),
  action text not null check (action in ('held', 'warned', 'sent_after_warning')),
  created_at timestamptz not null default now()
);
create index safety_events_user_idx on languagemate.safety_events (user_id, created_at desc);

-- A practice session two partners agreed on.
create table languagemate.sessions (
  id uuid primary key default platform.uuid_v7(),
  proposer_id uuid not null references platform.users (id) on delete cascade,
  partner_id uuid not null references platform.users (id) on delete cascade,
  starts_at timestamptz not null,
  duration_min smallint not null check (duration_min between 10 and 180),
  kind text not null default 'video' check (kind in ('video', 'voice')),
  note text not null default '' check (char_length(note) <= 300),
  state text not null default 'proposed' check (state in ('proposed', 'accepted', 'declined', 'cancelled')),
  -- Who did not show up (marked by the other after the start); feeds reliability.
  no_show_user uuid references platform.users (id) on delete set null,
  attended boolean,
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  check (proposer_id <> partner_id)
);
create index sessions_proposer_idx on languagemate.sessions (proposer_id, starts_at);
create index sessions_partner_idx on languagemate.sessions (partner_id, starts_at);

-- What each participant recorded after a call: rating, private notes, minutes per language.
create table languagemate.call_feedback (
  call_id uuid not null references platform.calls (id) on delete cascade,
  user_id uuid not null references platform.users (id) on delete cascade,
  partner_id uuid not null references platform.users (id) on delete cascade,
  rating smallint check (rating between 1 and 5),
  notes text not null default '' check (char_length(notes) <= 2000),
  -- {"en": 12, "ko": 9}: minutes spoken in each language (clamped to the call's length).
  minutes jsonb not null default '{}',
  duration_s integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (call_id, user_id)
);
create index call_feedback_user_idx on languagemate.call_feedback (user_id, created_at desc);
